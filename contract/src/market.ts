import { z } from 'zod';
import { CommercialDataRef } from './commercial-data';
import { NumberLiteral } from './exact-json';
import {
  BasisPoints,
  distinctIds,
  field,
  FIELD,
  Id,
  IsoTime,
  jsonArgument,
  OneOf,
  optional,
  parseText,
  Quantity,
  strictObject,
  Text,
  WholeNumber,
  Year,
} from './fields';
import { AccountFunds } from './funds';
import { documentedAs } from './json-schema';
import { parseQuantity } from './quantity';
import { GOOD_TILL, GoodTill, ORDER_SIDES, OrderSide } from './order-terms';
import { invalidArgument } from './refusal';
import { Account, AccountStatusChange } from './registry';
import { ANYONE, read, type RequestOf, write } from './transaction';
import { ApprovalRequest, COMPLIANCE_UNIT_TYPES, UNIT_TYPES, UnitType } from './units';

// ---------------------------------------------------------------------------------------------------------
// Instruments and prices

/** An instrument id: `<unitType>-<vintage>`, e.g. `allowance-2025`. */
export function instrumentId(unitType: UnitType, vintage: number): string {
  return `${unitType}-${vintage}`;
}

/** An instrument named in a request, with its parts. */
export interface InstrumentRef {
  readonly id: string;
  readonly unitType: UnitType;
  readonly vintage: number;
}

/** Parses `allowance-2025` into its unit type and vintage. */
export function parseInstrumentId(value: unknown, field: string): InstrumentRef {
  const match = typeof value === 'string' ? /^(allowance|offset)-([0-9]{4})$/.exec(value) : null;
  const unitType = UNIT_TYPES.find((type) => type === match?.[1]);
  if (match === null || unitType === undefined) {
    throw invalidArgument(`${field} must name an instrument as <unitType>-<vintage>, e.g. allowance-2025`);
  }
  const vintage = Number(match[2]);
  return { id: instrumentId(unitType, vintage), unitType, vintage };
}

/** An instrument id (`allowance-2025`), read into its parts. */
const INSTRUMENT_SCHEMA = {
  type: 'string',
  pattern: '^(allowance|offset)-[0-9]{4}$',
  description: 'An instrument: <unitType>-<vintage>, e.g. allowance-2025',
};
export const InstrumentName = field<string, InstrumentRef>(parseInstrumentId, INSTRUMENT_SCHEMA);

/** The instrument of a market-data read: a short text, then an instrument id. */
const InstrumentText = field<string, InstrumentRef>(
  (value, name) => parseInstrumentId(parseText(value, name, 32), name),
  INSTRUMENT_SCHEMA,
);

/** A limit price: a positive whole number of fen (the 0.01 CNY tick is 1 fen). */
export function parsePrice(value: unknown, field: string): number {
  // A fractional literal (`60.5`) arrives as its text, never as a double that might round to a whole number.
  const written = value instanceof NumberLiteral ? value.text : typeof value === 'string' ? `"${value}"` : '';
  if (/^"?[0-9]*\.[0-9]*"?$/.test(written)) {
    throw invalidArgument(`${field} must be a whole number of fen (tick 0.01 CNY = 1 fen), got ${written}`);
  }
  return parseQuantity(value, field);
}

/** Fen per tonne, a positive whole number. */
export const Price = field<number, number>(parsePrice, {
  type: 'integer',
  minimum: 1,
  description: 'Fen per tonne (the 0.01 CNY tick is 1 fen)',
});

/**
 * The nonce kept with a private agreed price: base64url, 16 to 128 characters. Fabric writes the SHA-256 of every
 * private value into the block, and an agreed price is one of a few thousand whole-fen values inside the band:
 * hashed alone (with the proposal's public fields) it would be found by trying them all. The seller's client draws
 * the nonce at random and passes it to the buyer with the price; the chaincode never draws it, since every
 * endorsing peer must compute the same result.
 */
export const PRICE_NONCE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** Checks a price nonce from a client (see {@link PRICE_NONCE_PATTERN}). */
export function parsePriceNonce(value: unknown, field: string): string {
  if (typeof value !== 'string' || !PRICE_NONCE_PATTERN.test(value)) {
    throw invalidArgument(
      `${field} must be 16-128 base64url characters (letters, digits, '-', '_') drawn at random, e.g. by \`carbon trade propose --off-channel\``,
    );
  }
  return value;
}

export const PriceNonce = field<string, string>(parsePriceNonce, {
  type: 'string',
  pattern: PRICE_NONCE_PATTERN.source,
  description:
    'A random nonce kept with the agreed price, 16-128 base64url characters: without it the price could be found from the SHA-256 Fabric writes into the block',
});

/** Random bytes a client draws for a price nonce: 16 (128 bits), written as 22 base64url characters. */
export const PRICE_NONCE_BYTES = 16;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Writes random bytes as a price nonce (base64url without padding). The caller draws them — node:crypto's
 * randomBytes in the CLI, crypto.getRandomValues in the browser — so this stays free of any platform's API.
 */
export function priceNonceOf(random: Uint8Array): string {
  if (random.length < PRICE_NONCE_BYTES) {
    throw new RangeError(
      `a price nonce needs at least ${PRICE_NONCE_BYTES} random bytes, got ${random.length}`,
    );
  }
  let text = '';
  let pending = 0;
  let bits = 0;
  for (const byte of random) {
    pending = (pending << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      text += BASE64URL.charAt((pending >> bits) & 63);
    }
    pending &= (1 << bits) - 1;
  }
  return bits === 0 ? text : text + BASE64URL.charAt((pending << (6 - bits)) & 63);
}

/**
 * A tradable instrument: one unit type and vintage (`allowance-2025`, `offset-2025`). Its trading rules are
 * ledger data set by the regulator per vintage (= compliance period), never literals in code. Amounts are fen.
 */
export const Instrument = z
  .object({
    id: z.string(),
    unitType: UnitType,
    vintage: z.number(),
    /** Band reference until the instrument has a first close (fen per tonne). */
    referencePrice: z.number(),
    /** Prices must be a multiple of this many fen (1 fen = the 0.01 CNY tick). */
    tick: z.number(),
    /** Smallest order, whole tonnes. */
    minQuantity: z.number(),
    /** Orders (and bilateral trades) of at least this many tonnes are block orders with the wider band. */
    blockThreshold: z.number(),
    /** Price band around the previous close, basis points (1000 = ±10 %). */
    bandBasisPoints: z.number(),
    /** Band for block orders, basis points (3000 = ±30 %). */
    blockBandBasisPoints: z.number(),
    /** Orders of at least this many tonnes raise a `LargeOrderPlaced` event for the supervisor. */
    largeOrderThreshold: z.number(),
    configuredAt: z.string(),
  })
  .readonly();
export type Instrument = z.infer<typeof Instrument>;

/** Inclusive price limits of a band, fen per tonne. */
export const PriceBand = z
  .object({ reference: z.number(), low: z.number(), high: z.number(), basisPoints: z.number() })
  .readonly();
export type PriceBand = z.infer<typeof PriceBand>;

/** `marketStatus ~ market`: absent means trading. */
export const MarketStatus = z
  .object({ halted: z.boolean(), reason: z.string(), changedAt: z.string() })
  .readonly();
export type MarketStatus = z.infer<typeof MarketStatus>;

/** `holdingLimit ~ entityId ~ instrumentId`. */
export const HoldingLimit = z
  .object({
    entityId: z.string(),
    instrument: z.string(),
    /** Most tonnes the entity may hold, locked included, counting what its open buy orders would bring. */
    limit: z.number(),
    setAt: z.string(),
  })
  .readonly();
export type HoldingLimit = z.infer<typeof HoldingLimit>;

/** A holding limit in a request: required, a whole number of tonnes, or `null` to remove the limit. */
const HoldingLimitValue = z
  .custom<number | string | null>()
  .transform((value, ctx): number | null => {
    // A missing key reaches here as undefined: `limit` is required, even to remove the limit.
    if ((value as unknown) === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${FIELD} is required: a number of tonnes, or null to remove the limit`,
      });
      return z.NEVER;
    }
    if (value === null) return null;
    const parsed = WholeNumber.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  })
  .meta({
    description: 'Whole tonnes, or null to remove the limit',
    anyOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: '^[0-9]+$' }, { type: 'null' }],
  });

// ---------------------------------------------------------------------------------------------------------
// Orders, trades and market data

export { GOOD_TILL, GoodTill, ORDER_SIDES, OrderSide };

/** Only `open` orders are in the book; the other states are final. */
export const OrderStatus = z.enum(['open', 'filled', 'cancelled', 'expired']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/**
 * A limit order, keyed `order ~ accountId ~ orderId` with id = the placing transaction's id. While open, a sell
 * order's units are locked (`lockedBy = id` on its lots) and a buy order holds `price × remaining` fen of
 * escrow taken out of the buyer's cash entries. Its key's history is the order's whole life.
 */
export const Order = z
  .object({
    id: z.string(),
    accountId: z.string(),
    entityId: z.string(),
    instrument: z.string(),
    unitType: UnitType,
    vintage: z.number(),
    side: OrderSide,
    /** Limit price, fen per tonne. */
    price: z.number(),
    /** Tonnes ordered. */
    quantity: z.number(),
    /** Tonnes still to trade. */
    remaining: z.number(),
    block: z.boolean(),
    status: OrderStatus,
    goodTill: GoodTill,
    /** Placement time (the tx timestamp): the time in price-time priority, ties broken by id. */
    placedAt: z.string(),
    expiresAt: z.string(),
    placedBy: z.object({ mspId: z.string(), role: z.string() }).readonly(),
    /** Buy orders: fen held in escrow, always `price × remaining` (price improvement is refunded per fill). */
    escrow: z.string(),
    /** Sell orders: the seller's lots this order locks (their quantities add up to `remaining`). */
    lockedLotIds: z.array(z.string()).readonly(),
    closedAt: z.string().optional(),
    closeReason: z.string().optional(),
  })
  .readonly();
export type Order = z.infer<typeof Order>;

/**
 * What `Market:PlaceOrder` answers: the order placed, or — above the account's two-person approval threshold —
 * the order as it will be placed once a second representative approves (`status: 'pending-approval'`, nothing in
 * the book yet, its id the approval request's and the future order's), with the request in `pendingApproval`.
 */
export const PlacedOrder = z
  .object({
    ...Order.unwrap().shape,
    status: z.enum([...OrderStatus.options, 'pending-approval']),
    /** Set when the order became an approval request: what it locks is reserved until the decision. */
    pendingApproval: ApprovalRequest.optional(),
  })
  .readonly();
export type PlacedOrder = z.infer<typeof PlacedOrder>;

/** `order-book` trades come from matching; `bilateral` ones from an accepted negotiated proposal. */
export const TradeKind = z.enum(['order-book', 'bilateral']);
export type TradeKind = z.infer<typeof TradeKind>;

/**
 * How a bilateral trade is paid: absent, delivery-versus-payment with cash on the channel at the public price (every
 * order-book trade, and every proposal made with `price`); `off-channel`, units delivered free of payment while
 * the buyer pays the seller outside the ledger at a private agreed price (a proposal made with `agreedPrice`).
 */
export const OFF_CHANNEL = 'off-channel';
export const Settlement = z.literal(OFF_CHANNEL);
export type Settlement = z.infer<typeof Settlement>;

/**
 * Where an off-channel trade's agreed price is kept: the seller's collection (written by the proposal) and the
 * buyer's (written by the acceptance), the same bytes, so both references have the same SHA-256.
 */
export const AgreedPriceData = z
  .object({ seller: CommercialDataRef, buyer: CommercialDataRef.optional() })
  .readonly();
export type AgreedPriceData = z.infer<typeof AgreedPriceData>;

/** What anyone may see of a trade. */
const tradeSummaryShape = {
  id: z.string(),
  kind: TradeKind,
  instrument: z.string(),
  day: z.string(),
  /** Fen per tonne; absent for a trade settled off-channel, whose price is private. */
  price: z.number().optional(),
  quantity: z.number(),
  /** `price × quantity`, fen; absent with the price. */
  value: z.string().optional(),
  settlement: Settlement.optional(),
  executedAt: z.string(),
};

/** The counterparties of a trade: shown to supervisors and to users of a party only. */
const tradePartiesShape = {
  buyAccountId: z.string(),
  sellAccountId: z.string(),
  buyerEntityId: z.string(),
  sellerEntityId: z.string(),
  /** Order-book trades: the orders on each side and which one arrived later (the aggressor). */
  buyOrderId: z.string().optional(),
  sellOrderId: z.string().optional(),
  aggressor: OrderSide.optional(),
  proposalId: z.string().optional(),
  /** Lots the buyer received. */
  deliveredLotIds: z.array(z.string()).readonly(),
  txId: z.string(),
  /** Off-channel trades: where the agreed price is kept (it names the parties' organisations). */
  agreedPriceData: AgreedPriceData.optional(),
  /**
   * Off-channel trades: the agreed price (fen per tonne), joined in by `Market:GetTrades` for a user of a
   * collection's member on a peer that holds it; never on the channel.
   */
  agreedPrice: z.number().optional(),
};

/**
 * One settled trade, keyed `trade ~ instrumentId ~ day ~ tradeId` (id `<txId>.<n>`), written once by the
 * transaction that settled it: delivery-versus-payment, or (an off-channel bilateral trade) delivery free of
 * payment, without a public price.
 */
export const Trade = z.object({ ...tradeSummaryShape, ...tradePartiesShape }).readonly();
export type Trade = z.infer<typeof Trade>;

/**
 * A trade at a public price, settled delivery-versus-payment: every order-book trade, and every bilateral trade
 * whose proposal had a public `price`.
 */
export const PricedTrade = z
  .object({ ...tradeSummaryShape, ...tradePartiesShape, price: z.number(), value: z.string() })
  .readonly();
export type PricedTrade = z.infer<typeof PricedTrade>;

/** A trade as `Market:GetTrades` shows it: the counterparties only to supervisors and the parties. */
export const TradeView = z
  .object({ ...tradeSummaryShape, ...z.object(tradePartiesShape).partial().shape })
  .readonly();
export type TradeView = z.infer<typeof TradeView>;

/**
 * Daily market data of one instrument, keyed `marketDay ~ instrumentId ~ day`. Open, high, low and last come
 * from order-book trades; the close is their volume-weighted average price (round half up, fen). Negotiated
 * trades are counted apart and do not move the close; those settled off-channel have no public price and are
 * not counted at all.
 */
export const MarketDay = z
  .object({
    instrument: z.string(),
    day: z.string(),
    open: z.number().nullable(),
    high: z.number().nullable(),
    low: z.number().nullable(),
    last: z.number().nullable(),
    /** VWAP of the day's order-book trades so far; the previous close of the next trading day. */
    close: z.number().nullable(),
    volume: z.number(),
    /** Σ price × quantity of order-book trades, fen. */
    turnover: z.string(),
    trades: z.number(),
    bilateralVolume: z.number(),
    bilateralTurnover: z.string(),
    bilateralTrades: z.number(),
  })
  .readonly();
export type MarketDay = z.infer<typeof MarketDay>;

/**
 * What one Market:Match round may do at most, so that its cost (and its answer) follows what crosses, never
 * the size of the book. A round that stops at a limit answers `more: true`: the caller clears again.
 */
export const CLEARING_LIMITS = {
  /**
   * Fills settled per round: bounds the answer's and the `OrdersMatched` event's trades, and the round's cost.
   * Chosen by measurement (BENCHMARKS.md, "Clearing a book of 10,000 orders"): Fabric validates every written key
   * that carries a key-level policy (~2 a fill: orders, the sellers' locked lots) by verifying every endorsement
   * again, hashing the whole proposal response each time, so validating a round grows with the square of its
   * size. 100 fills (~250 KiB of write set, ~340 KiB with answer and event) settled 34 trades/s where 400 settled 22
   * and 50 settled 31.
   */
  fills: 100,
  /**
   * Orders placed since the last round that one round takes into the book, oldest first. A quarter more than
   * the fills: new orders that mostly cross fill ~0.75 times each, and an order read past the fill limit is read
   * again next round (more would only lengthen the read set).
   */
  newOrders: 125,
  /** Orders past their time expired per round (their units or escrow released). */
  expiries: 100,
  /**
   * Resting orders read from the book per round. Only orders that cannot trade (same entity, frozen account,
   * outside a band) make a round read past its fills; beyond this many they are left unread.
   */
  bookReads: 1_000,
} as const;

/** What one clearing transaction did: a bounded summary, never the whole book. */
export const ClearingResult = z
  .object({
    instrument: z.string(),
    cutoff: z.string(),
    /** Orders this round read: new ones taken in, resting ones read from the best prices, expired ones. */
    ordersConsidered: z.number(),
    trades: z.array(PricedTrade).max(CLEARING_LIMITS.fills).readonly(),
    expiredOrderIds: z.array(z.string()).max(CLEARING_LIMITS.expiries).readonly(),
    /** A limit of {@link CLEARING_LIMITS} stopped this round: clear again to go on. */
    more: z.boolean(),
  })
  .readonly();
export type ClearingResult = z.infer<typeof ClearingResult>;

/** One price level of the book. */
export const DepthLevel = z
  .object({ price: z.number(), quantity: z.number(), orders: z.number() })
  .readonly();
export type DepthLevel = z.infer<typeof DepthLevel>;

/** Order book depth: bids best (highest) first, asks best (lowest) first, plus today's bands. */
export const OrderBook = z
  .object({
    instrument: z.string(),
    previousClose: z.number(),
    band: PriceBand,
    blockBand: PriceBand,
    bids: z.array(DepthLevel).readonly(),
    asks: z.array(DepthLevel).readonly(),
  })
  .readonly();
export type OrderBook = z.infer<typeof OrderBook>;

/** An instrument's rules, today's previous close and bands, and the market status. */
export const InstrumentView = z
  .object({
    instrument: Instrument,
    market: MarketStatus,
    previousClose: z.number(),
    band: PriceBand,
    blockBand: PriceBand,
  })
  .readonly();
export type InstrumentView = z.infer<typeof InstrumentView>;

/** An account's market position: open orders, locked units and funds. */
export const Position = z
  .object({
    accountId: z.string(),
    openOrders: z.array(Order).readonly(),
    lockedUnits: z.number(),
    lockedLots: z
      .array(
        z
          .object({
            id: z.string(),
            unitType: UnitType,
            vintage: z.number(),
            quantity: z.number(),
            lockedBy: z.string(),
          })
          .readonly(),
      )
      .readonly(),
    funds: AccountFunds,
  })
  .readonly();
export type Position = z.infer<typeof Position>;

// ---------------------------------------------------------------------------------------------------------
// Bilateral trades

export const ProposalStatus = z.enum(['open', 'accepted', 'rejected', 'cancelled']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/**
 * A negotiated (bilateral) trade: the seller offers `quantity` to one named buyer entity, either at a public
 * `price` (settled delivery-versus-payment with cash on the channel) or at a private agreed price
 * (`settlement: 'off-channel'`: the units are delivered free of payment and the buyer pays outside the ledger).
 * The seller's units are locked (`lockedBy = id`) until the buyer accepts, rejects, the seller or regulator
 * cancels, or it expires. Keyed `proposal ~ proposalId` (id = proposing tx id).
 */
export const Proposal = z
  .object({
    id: z.string(),
    instrument: z.string(),
    unitType: UnitType,
    vintage: z.number(),
    sellerAccountId: z.string(),
    sellerEntityId: z.string(),
    buyerEntityId: z.string(),
    /** Fen per tonne; absent when the price is private (off-channel). */
    price: z.number().optional(),
    settlement: Settlement.optional(),
    /** Off-channel: where the agreed price is kept (the seller's copy; the buyer's once accepted). */
    agreedPriceData: AgreedPriceData.optional(),
    /**
     * Off-channel: the agreed price (fen per tonne) and its nonce, joined in by `Market:GetProposal` for a user of
     * a collection's member on a peer that holds it; never on the channel.
     */
    agreedPrice: z.number().optional(),
    priceNonce: z.string().optional(),
    quantity: z.number(),
    block: z.boolean(),
    lockedLotIds: z.array(z.string()).readonly(),
    status: ProposalStatus,
    proposedAt: z.string(),
    expiresAt: z.string(),
    closedAt: z.string().optional(),
    closeReason: z.string().optional(),
    tradeId: z.string().optional(),
  })
  .readonly();
export type Proposal = z.infer<typeof Proposal>;

/**
 * The private record of an off-channel proposal's agreed price, kept as `agreedPrice ~ proposalId` in the
 * seller's and the buyer's commercial collections. Everything but the price and the nonce is the proposal's
 * public data, so the acceptance rebuilds the very bytes from the buyer's price and nonce: their SHA-256 equals
 * the proposal's only if both parties agreed on the same price.
 */
export const AgreedPriceRecord = z
  .object({
    proposalId: z.string(),
    instrument: z.string(),
    sellerAccountId: z.string(),
    sellerEntityId: z.string(),
    buyerEntityId: z.string(),
    quantity: z.number(),
    /** Fen per tonne. */
    agreedPrice: z.number(),
    priceNonce: z.string(),
  })
  .readonly();
export type AgreedPriceRecord = z.infer<typeof AgreedPriceRecord>;

/** The agreed price's record of an off-channel proposal, built the same way at the proposal and the acceptance. */
export function agreedPriceRecord(
  proposal: Pick<
    Proposal,
    'id' | 'instrument' | 'sellerAccountId' | 'sellerEntityId' | 'buyerEntityId' | 'quantity'
  >,
  agreedPrice: number,
  priceNonce: string,
): AgreedPriceRecord {
  return {
    proposalId: proposal.id,
    instrument: proposal.instrument,
    sellerAccountId: proposal.sellerAccountId,
    sellerEntityId: proposal.sellerEntityId,
    buyerEntityId: proposal.buyerEntityId,
    quantity: proposal.quantity,
    agreedPrice,
    priceNonce,
  };
}

/** The commercial fields of a bilateral trade: an off-channel agreed price and its nonce (transient map). */
export const AGREED_PRICE_FIELDS = ['agreedPrice', 'priceNonce'] as const;

// ---------------------------------------------------------------------------------------------------------
// Transactions

const REGULATOR = ['regulator'] as const;
const ENTERPRISE = ['operator', 'trader'] as const;

/** `{ reason }` of a halt or a resumption. */
const MarketStatusChange = strictObject({ reason: Text(1000) });
/** `{ proposalId, reason? }` of a rejection or a cancellation. */
const ProposalClosing = strictObject({ proposalId: Id, reason: optional(Text(1000)) });

/**
 * `Market:ProposeTrade`'s request: exactly one of `price` (public, DvP) and `agreedPrice` (private, sent with its
 * `priceNonce` in the transient map: off-channel).
 */
const proposalFields = strictObject({
  accountId: Id,
  buyerEntityId: Id,
  instrument: InstrumentName,
  /** Fen per tonne, public: settled delivery-versus-payment with cash on the channel. */
  price: optional(Price),
  /** Fen per tonne, private (commercial data): the buyer pays off-channel. */
  agreedPrice: optional(Price),
  /** With `agreedPrice` (commercial data): see {@link PRICE_NONCE_PATTERN}. */
  priceNonce: optional(PriceNonce),
  quantity: Quantity,
  lotIds: optional(distinctIds()),
  /** Default: the end of the trading day; no later than the end of the compliance year. */
  expiresAt: optional(IsoTime),
});
const ProposalTerms = proposalFields.superRefine((request, ctx) => {
  const { price, agreedPrice, priceNonce } = request as {
    price?: number;
    agreedPrice?: number;
    priceNonce?: string;
  };
  if ((price === undefined) === (agreedPrice === undefined)) {
    ctx.addIssue({
      code: 'custom',
      message: `${FIELD} needs exactly one of price (public, paid on the channel) and agreedPrice (private, paid off-channel, with priceNonce)`,
    });
  } else if ((agreedPrice === undefined) !== (priceNonce === undefined)) {
    ctx.addIssue({
      code: 'custom',
      message:
        agreedPrice === undefined
          ? `${FIELD}.priceNonce goes only with agreedPrice: a proposal at a public price has no nonce`
          : `${FIELD}.priceNonce is required with agreedPrice: draw 16 random bytes and send them base64url, so the price cannot be found from its hash`,
    });
  }
});
documentedAs.set(ProposalTerms, proposalFields);

/**
 * `Market:AcceptTrade`'s request: an off-channel proposal is accepted with the agreed price and nonce the seller
 * gave the buyer (commercial data) and never with cash entries, since the chaincode moves no cash for it.
 */
const acceptanceFields = strictObject({
  proposalId: Id,
  /** The buyer's receiving account. */
  accountId: Id,
  /** DvP: pay from these cash entries. */
  cashEntryIds: optional(distinctIds()),
  /** Off-channel (commercial data): the agreed price, fen per tonne. */
  agreedPrice: optional(Price),
  /** Off-channel (commercial data): the nonce the seller's proposal was made with. */
  priceNonce: optional(PriceNonce),
});
const AcceptanceTerms = acceptanceFields.superRefine((request, ctx) => {
  const { agreedPrice, priceNonce, cashEntryIds } = request as {
    agreedPrice?: number;
    priceNonce?: string;
    cashEntryIds?: readonly string[];
  };
  if ((agreedPrice === undefined) !== (priceNonce === undefined)) {
    ctx.addIssue({
      code: 'custom',
      message: `${FIELD} needs agreedPrice and priceNonce together (an off-channel proposal), or neither`,
    });
  } else if (agreedPrice !== undefined && cashEntryIds !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `${FIELD}.cashEntryIds: an off-channel acceptance moves no cash on the channel (the buyer pays the seller outside it); leave cashEntryIds out`,
    });
  }
});
documentedAs.set(AcceptanceTerms, acceptanceFields);

/** `Market`: instruments and supervision (regulator), orders and bilateral trades (enterprises), market data. */
export const Market = {
  configureInstrument: write({
    contract: 'Market',
    name: 'ConfigureInstrument',
    roles: REGULATOR,
    label: 'instrument',
    summary:
      "Lists an instrument or changes its trading rules (prices in fen; allowances need their vintage's compliance period)",
    request: strictObject({
      unitType: OneOf(COMPLIANCE_UNIT_TYPES),
      vintage: Year,
      /** Band reference until the first close, minor units of the period's currency per tonne. */
      referencePrice: Quantity,
      tick: optional(Quantity),
      minQuantity: optional(Quantity),
      blockThreshold: optional(Quantity),
      bandBasisPoints: optional(BasisPoints),
      blockBandBasisPoints: optional(BasisPoints),
      largeOrderThreshold: optional(Quantity),
    }),
    answer: Instrument,
  }),
  haltMarket: write({
    contract: 'Market',
    name: 'HaltMarket',
    roles: REGULATOR,
    label: 'request',
    summary: 'Halts all trading (orders, matching, proposals)',
    request: MarketStatusChange,
    answer: MarketStatus,
  }),
  resumeMarket: write({
    contract: 'Market',
    name: 'ResumeMarket',
    roles: REGULATOR,
    label: 'request',
    summary: 'Resumes trading after a halt',
    request: MarketStatusChange,
    answer: MarketStatus,
  }),
  freezeAccount: write({
    contract: 'Market',
    name: 'FreezeAccount',
    roles: REGULATOR,
    label: 'request',
    summary:
      'Freezes an account (the same `blocked` status as Registry:BlockAccount): its resting orders stop trading',
    request: AccountStatusChange,
    answer: Account,
  }),
  unfreezeAccount: write({
    contract: 'Market',
    name: 'UnfreezeAccount',
    roles: REGULATOR,
    label: 'request',
    summary: 'Lifts a freeze',
    request: AccountStatusChange,
    answer: Account,
  }),
  setHoldingLimit: write({
    contract: 'Market',
    name: 'SetHoldingLimit',
    roles: REGULATOR,
    label: 'holdingLimit',
    summary:
      'Sets (or with `limit: null` removes) the most tonnes of an instrument an entity may hold, checked when it buys',
    request: strictObject({ entityId: Id, instrument: InstrumentName, limit: HoldingLimitValue }),
    answer: z.union([
      HoldingLimit,
      z.object({ entityId: z.string(), instrument: z.string(), limit: z.null() }).readonly(),
    ]),
  }),
  placeOrder: write({
    contract: 'Market',
    name: 'PlaceOrder',
    roles: ENTERPRISE,
    label: 'order',
    summary:
      "Places a limit order; a sell order locks the units, a buy order `price × quantity` fen (above the account's two-person threshold: an approval request reserving them)",
    request: strictObject({
      accountId: Id,
      side: OneOf(ORDER_SIDES),
      instrument: InstrumentName,
      /** Fen per tonne. */
      price: Price,
      /** Whole tonnes. */
      quantity: Quantity,
      goodTill: optional(OneOf(GOOD_TILL)),
      /** Sell orders: lock these lots. */
      lotIds: optional(distinctIds()),
      /** Buy orders: take the escrow from these cash entries. */
      cashEntryIds: optional(distinctIds()),
    }),
    answer: PlacedOrder,
  }),
  cancelOrder: write({
    contract: 'Market',
    name: 'CancelOrder',
    roles: [...ENTERPRISE, 'regulator'],
    label: 'cancel',
    summary: 'Cancels an open order and releases its units or escrow',
    request: strictObject({ accountId: Id, orderId: Id, reason: optional(Text(1000)) }),
    answer: Order,
  }),
  match: write({
    contract: 'Market',
    name: 'Match',
    roles: REGULATOR,
    label: 'clearing',
    summary: 'Clears one instrument: matches orders placed before the cutoff and settles each fill DvP',
    request: strictObject({ instrument: InstrumentName, cutoff: optional(IsoTime) }),
    answer: ClearingResult,
  }),
  proposeTrade: write({
    contract: 'Market',
    name: 'ProposeTrade',
    roles: ENTERPRISE,
    label: 'proposal',
    summary:
      'Offers a negotiated trade to a named buyer entity and locks the units: at a public `price` (settled DvP), or at a private `agreedPrice` with its `priceNonce` (paid off-channel)',
    request: ProposalTerms,
    answer: Proposal,
    commercialFields: AGREED_PRICE_FIELDS,
  }),
  acceptTrade: write({
    contract: 'Market',
    name: 'AcceptTrade',
    roles: ENTERPRISE,
    label: 'acceptance',
    summary:
      'Accepts a proposal: settled DvP at once, or (off-channel) the units delivered free of payment once `agreedPrice` and `priceNonce` match the proposal',
    request: AcceptanceTerms,
    answer: z.object({ proposal: Proposal, trade: Trade }).readonly(),
    commercialFields: AGREED_PRICE_FIELDS,
  }),
  rejectTrade: write({
    contract: 'Market',
    name: 'RejectTrade',
    roles: ENTERPRISE,
    label: 'rejection',
    summary: "Rejects a proposal (the buyer) and unlocks the seller's units",
    request: ProposalClosing,
    answer: Proposal,
  }),
  cancelProposal: write({
    contract: 'Market',
    name: 'CancelProposal',
    roles: [...ENTERPRISE, 'regulator'],
    label: 'cancel',
    summary: 'Withdraws (or clears an expired) proposal and unlocks the units: the seller or the regulator',
    request: ProposalClosing,
    answer: Proposal,
  }),
  getInstrument: read({
    contract: 'Market',
    name: 'GetInstrument',
    roles: ANYONE,
    label: 'instrument',
    summary: "An instrument's rules, today's previous close and bands, and the market status",
    args: [InstrumentName],
    answer: InstrumentView,
  }),
  getOrderBook: read({
    contract: 'Market',
    name: 'GetOrderBook',
    roles: ANYONE,
    label: 'instrument',
    summary: 'Order book depth per price level (bids and asks) of an instrument',
    args: [InstrumentName],
    answer: OrderBook,
  }),
  getOrder: read({
    contract: 'Market',
    name: 'GetOrder',
    roles: ANYONE,
    label: 'order',
    summary: 'One order (supervisors, or users of the owning entity)',
    args: [Id, Id],
    answer: Order,
  }),
  getPosition: read({
    contract: 'Market',
    name: 'GetPosition',
    roles: ANYONE,
    label: 'position',
    summary: "An account's open orders, locked units and funds (supervisors, or users of the owning entity)",
    args: [Id],
    answer: Position,
  }),
  getTrades: read({
    contract: 'Market',
    name: 'GetTrades',
    roles: ANYONE,
    label: 'trades',
    summary:
      "Trades of an instrument on a UTC day, optionally one account's only; counterparties shown to supervisors and parties",
    args: [
      jsonArgument(
        strictObject({
          instrument: InstrumentText,
          /** `YYYY-MM-DD`. */
          day: IsoTime,
          accountId: optional(Id),
        }),
      ),
    ],
    answer: z.array(TradeView).readonly(),
  }),
  getMarketData: read({
    contract: 'Market',
    name: 'GetMarketData',
    roles: ANYONE,
    label: 'marketData',
    summary: 'Daily market data (open, high, low, last, close = VWAP, volume, turnover), oldest first',
    args: [
      jsonArgument(
        strictObject({
          instrument: InstrumentText,
          /** Inclusive dates. */
          from: optional(IsoTime),
          to: optional(IsoTime),
        }),
      ),
    ],
    answer: z.array(MarketDay).readonly(),
  }),
  getProposal: read({
    contract: 'Market',
    name: 'GetProposal',
    roles: ANYONE,
    label: 'proposal',
    summary:
      "A bilateral proposal (supervisors, or users of the seller or buyer entity); an off-channel proposal's agreed price and nonce are joined in on a peer of their collection for its members' users",
    args: [Id],
    answer: Proposal,
  }),
} as const;

/** A `Market:PlaceOrder` request as a client writes it. */
export type OrderRequest = RequestOf<typeof Market.placeOrder>;
/** A `Market:ProposeTrade` request as a client writes it. */
export type ProposalRequest = RequestOf<typeof Market.proposeTrade>;
