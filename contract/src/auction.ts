import { z } from 'zod';
import {
  Amount,
  BasisPoints,
  distinctIds,
  field,
  Id,
  IsoTime,
  optional,
  Quantity,
  Sha256,
  strictObject,
  Year,
} from './fields';
import { Price } from './market';
import { invalidArgument } from './refusal';
import { ANYONE, read, type RequestOf, write } from './transaction';
import { UnitType } from './units';

// ---------------------------------------------------------------------------------------------------------
// Sealed bids by commit and reveal

/**
 * A bid's salt: 32 random bytes as 64 lowercase hex characters. It keeps the commitment unguessable: with a
 * short salt anyone could hash every plausible price and quantity and read the bid off the ledger.
 */
export function parseSalt(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
    throw invalidArgument(`${field} must be 32 random bytes as 64 lowercase hex characters`);
  }
  return value;
}

export const Salt = field<string, string>(parseSalt, {
  type: 'string',
  pattern: '^[0-9a-f]{64}$',
  description: '32 random bytes as 64 lowercase hex characters, kept secret by the bidder until the reveal',
});

/** What a sealed bid commits to. */
export interface SealedBid {
  readonly auctionId: string;
  readonly accountId: string;
  /** Fen per tonne. */
  readonly price: number;
  /** Whole tonnes. */
  readonly quantity: number;
  readonly salt: string;
}

/**
 * The canonical text a bid's commitment is the SHA-256 of (lowercase hex): `carbon-auction-bid:v1:<auctionId>:
 * <accountId>:<price>:<quantity>:<salt>`. Ids never contain `:` and numbers are plain decimal integers, so the
 * text is unambiguous. The chaincode, the client and the browser hash this same text.
 */
export function bidCommitmentText(bid: SealedBid): string {
  return `carbon-auction-bid:v1:${bid.auctionId}:${bid.accountId}:${String(bid.price)}:${String(bid.quantity)}:${bid.salt}`;
}

// ---------------------------------------------------------------------------------------------------------
// State objects

/** `scheduled` until cleared; `cleared` (units sold at one price) and `cancelled` are final. */
export const AUCTION_STATUSES = ['scheduled', 'cleared', 'cancelled'] as const;
export const AuctionStatus = z.enum(AUCTION_STATUSES);
export type AuctionStatus = z.infer<typeof AuctionStatus>;

/**
 * Where a scheduled auction stands at a given time (derived, never stored): `upcoming` before the window opens,
 * `bidding` while commitments are taken, `revealing` until the reveal deadline, `clearing` once anyone may clear
 * it; `cleared` and `cancelled` are its final statuses.
 */
export const AUCTION_PHASES = [
  'upcoming',
  'bidding',
  'revealing',
  'clearing',
  'cleared',
  'cancelled',
] as const;
export const AuctionPhase = z.enum(AUCTION_PHASES);
export type AuctionPhase = z.infer<typeof AuctionPhase>;

/** Why an auction was cancelled: its clearing price fell below the reserve, or revealed demand fell short. */
export const AUCTION_CANCELLATIONS = ['below-reserve', 'undersubscribed'] as const;
export const AuctionCancellation = z.enum(AUCTION_CANCELLATIONS);
export type AuctionCancellation = z.infer<typeof AuctionCancellation>;

/** One bid's share of a cleared auction. */
export const AuctionAllocation = z
  .object({
    bidId: z.string(),
    entityId: z.string(),
    accountId: z.string(),
    /** Whole tonnes delivered. */
    quantity: z.number(),
    /** Fen paid: clearing price × quantity. */
    paid: z.string(),
  })
  .readonly();
export type AuctionAllocation = z.infer<typeof AuctionAllocation>;

/** What clearing found and did; `clearingPrice` and `allocations` only for a cleared auction. */
export const AuctionResult = z
  .object({
    /**
     * Uniform price, fen per tonne: the lowest accepted bid's price. On a `below-reserve` cancellation, the
     * price the auction would have cleared at.
     */
    clearingPrice: z.number().optional(),
    /** Set when the auction was cancelled. */
    cancellation: AuctionCancellation.optional(),
    /** Tonnes revealed in all. */
    demand: z.number(),
    /** Tonnes sold (0 when cancelled). */
    sold: z.number(),
    /** Tonnes given back unlocked to NATIONAL-AUCTION. */
    unsold: z.number(),
    /** Fen credited to NATIONAL-AUCTION's funds. */
    revenue: z.string(),
    /** Fen of escrow given back to the bidders. */
    released: z.string(),
    bidsRevealed: z.number(),
    bidsUnrevealed: z.number(),
    allocations: z.array(AuctionAllocation).readonly(),
    clearedAt: z.string(),
    clearedTxId: z.string(),
  })
  .readonly();
export type AuctionResult = z.infer<typeof AuctionResult>;

/**
 * `auction ~ auctionId`: an auction of allowances of one vintage out of NATIONAL-AUCTION. Its lots are locked
 * (`lockedBy = auction:<id>`) from scheduling until clearing, so they cannot be sold or moved twice. Prices are
 * fen (minor units of the period's `currency`) per tonne.
 */
export const AuctionRecord = z
  .object({
    id: z.string(),
    unitType: UnitType,
    vintage: z.number(),
    quantity: z.number(),
    /** Fen per tonne: a clearing price below it cancels the auction. */
    reservePrice: z.number(),
    /** The period's currency, whose minor units the prices are in. */
    currency: z.string(),
    /** Commitments are taken from `biddingOpensAt` until (not at) `biddingClosesAt`. */
    biddingOpensAt: z.string(),
    biddingClosesAt: z.string(),
    /** Reveals are taken from `biddingClosesAt` until (not at) `revealBy`; clearing from `revealBy`. */
    revealBy: z.string(),
    /** The most any one bidder (entity) may win, basis points of `quantity`. */
    maxShareBasisPoints: z.number(),
    /** floor(quantity × maxShareBasisPoints / 10000): the most tonnes one bidder may reveal and win. */
    maxPerBidder: z.number(),
    /** The lots of NATIONAL-AUCTION locked for it. */
    lockedLotIds: z.array(z.string()).readonly(),
    status: AuctionStatus,
    scheduledAt: z.string(),
    scheduledTxId: z.string(),
    result: AuctionResult.optional(),
  })
  .readonly();
export type AuctionRecord = z.infer<typeof AuctionRecord>;

/**
 * A bid's life: `committed` (only its commitment and escrow are on the ledger), `revealed`, then at clearing
 * `won`, `lost` (revealed, nothing allocated), `unrevealed` (never revealed) or `cancelled` (the auction was);
 * all but the first two are final and have released their escrow.
 */
export const BID_STATUSES = ['committed', 'revealed', 'won', 'lost', 'unrevealed', 'cancelled'] as const;
export const BidStatus = z.enum(BID_STATUSES);
export type BidStatus = z.infer<typeof BidStatus>;

/**
 * `auctionBid ~ auctionId ~ entityId ~ bidId` (bid id = the committing transaction's id): one sealed bid. A
 * bidder is an entity; its bids pay from and deliver to the account named. The bid holds its escrow (taken out
 * of the account's cash entries) and carries the owner's key-level endorsement.
 */
export const AuctionBid = z
  .object({
    id: z.string(),
    auctionId: z.string(),
    entityId: z.string(),
    accountId: z.string(),
    /** SHA-256 of {@link bidCommitmentText}. */
    commitment: z.string(),
    /** Fen held: at least the bid's value, chosen by the bidder (it shows only an upper bound). */
    escrow: z.string(),
    status: BidStatus,
    committedAt: z.string(),
    /** Set by the reveal. */
    price: z.number().optional(),
    quantity: z.number().optional(),
    revealedAt: z.string().optional(),
    /** Set by clearing: tonnes won, fen paid and fen given back. */
    allocated: z.number().optional(),
    paid: z.string().optional(),
    released: z.string().optional(),
  })
  .readonly();
export type AuctionBid = z.infer<typeof AuctionBid>;

/**
 * `auctionEscrow ~ accountId ~ bidId`: the escrow an open bid holds of an account, so the account's funds can
 * count it as locked without reading every auction. Deleted when clearing releases or spends it.
 */
export const AuctionEscrow = z
  .object({ accountId: z.string(), auctionId: z.string(), bidId: z.string(), escrow: z.string() })
  .readonly();
export type AuctionEscrow = z.infer<typeof AuctionEscrow>;

/** An auction with where it stands at the time of the read. */
export const AuctionView = z.object({ auction: AuctionRecord, phase: AuctionPhase }).readonly();
export type AuctionView = z.infer<typeof AuctionView>;

/** The phase of `auction` at `now` (ISO time). */
export function auctionPhase(auction: AuctionRecord, now: string): AuctionPhase {
  if (auction.status !== 'scheduled') return auction.status;
  if (now < auction.biddingOpensAt) return 'upcoming';
  if (now < auction.biddingClosesAt) return 'bidding';
  if (now < auction.revealBy) return 'revealing';
  return 'clearing';
}

// ---------------------------------------------------------------------------------------------------------
// Transactions

/** `Auction`: sealed-bid, uniform-price auctions of allowances from NATIONAL-AUCTION. */
export const Auction = {
  scheduleAuction: write({
    contract: 'Auction',
    name: 'ScheduleAuction',
    roles: ['regulator'],
    label: 'auction',
    summary:
      'Schedules a sealed-bid auction of allowances of a vintage from NATIONAL-AUCTION (locking the lots): reserve price, bidding window, reveal deadline, maximum share per bidder',
    request: strictObject({
      id: Id,
      vintage: Year,
      quantity: Quantity,
      /** Fen per tonne, in the period's currency. */
      reservePrice: Price,
      biddingOpensAt: IsoTime,
      biddingClosesAt: IsoTime,
      revealBy: IsoTime,
      /** 1..10000: the most one bidder may win, basis points of the quantity. */
      maxShareBasisPoints: BasisPoints,
      /** Lock these lots of NATIONAL-AUCTION (point reads), else the oldest of the vintage. */
      lotIds: optional(distinctIds()),
    }),
    answer: AuctionRecord,
  }),
  commitBid: write({
    contract: 'Auction',
    name: 'CommitBid',
    roles: ['operator', 'trader'],
    label: 'bid',
    summary:
      "Commits a sealed bid while bidding is open: the SHA-256 of the bid and its salt, with escrow (≥ the bid's value) locked from the account's funds",
    request: strictObject({
      auctionId: Id,
      /** The bidding account: pays from its funds, receives the units. */
      accountId: Id,
      commitment: Sha256,
      /** Fen, at least price × quantity of the bid. */
      escrow: Amount,
      /** Spend these cash entries (point reads), else the account's oldest first. */
      cashEntryIds: optional(distinctIds()),
    }),
    answer: AuctionBid,
  }),
  revealBid: write({
    contract: 'Auction',
    name: 'RevealBid',
    roles: ['operator', 'trader'],
    label: 'reveal',
    summary:
      'Reveals a committed bid after bidding closes and before the reveal deadline: price, quantity and salt must match the commitment',
    request: strictObject({
      auctionId: Id,
      /** The bidding account named at the commit. */
      accountId: Id,
      bidId: Id,
      /** Fen per tonne. */
      price: Price,
      quantity: Quantity,
      salt: Salt,
    }),
    answer: AuctionBid,
  }),
  clearAuction: write({
    contract: 'Auction',
    name: 'ClearAuction',
    roles: ANYONE,
    label: 'clearing',
    summary:
      'Clears an auction after its reveal deadline at one uniform price, or cancels it (below reserve, undersubscribed) releasing all escrow',
    request: strictObject({ auctionId: Id }),
    answer: AuctionRecord,
  }),
  getAuction: read({
    contract: 'Auction',
    name: 'GetAuction',
    roles: ANYONE,
    label: 'auctionId',
    summary: 'An auction with its phase and, once cleared or cancelled, its result',
    args: [Id],
    answer: AuctionView,
  }),
  getAuctions: read({
    contract: 'Auction',
    name: 'GetAuctions',
    roles: ANYONE,
    label: 'auctions',
    summary: 'Every auction with its phase, by id',
    args: [],
    answer: z.array(AuctionView).readonly(),
  }),
  getBids: read({
    contract: 'Auction',
    name: 'GetBids',
    roles: ['regulator', 'auditor', 'verifier'],
    label: 'auctionId',
    summary:
      'Every bid of an auction (supervisors): commitments and escrow, prices and quantities only once revealed',
    args: [Id],
    answer: z.array(AuctionBid).readonly(),
  }),
  getBidderBids: read({
    contract: 'Auction',
    name: 'GetBidderBids',
    roles: ANYONE,
    label: 'bids',
    summary: "A bidder's own bids in an auction (supervisors, or users of the bidding entity)",
    args: [Id, Id],
    answer: z.array(AuctionBid).readonly(),
  }),
} as const;

/** Names of the requests, as clients use them. */
export type AuctionScheduling = RequestOf<typeof Auction.scheduleAuction>;
export type BidCommitment = RequestOf<typeof Auction.commitBid>;
export type BidReveal = RequestOf<typeof Auction.revealBid>;
