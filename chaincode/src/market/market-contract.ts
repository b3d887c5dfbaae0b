/**
 * # Market: order book, matching and delivery-versus-payment settlement
 *
 * **Concurrency design (Fabric MVCC).** Order placement and clearing are separate transactions.
 * - *Placing* an order writes only new or own keys: the order (`order ~ accountId ~ <txId>`), its book index
 *   entry (plain key `orderBook|<instrument>|<placedAt>|<txId>`, a blind insert) and the placing account's own
 *   lots (locked, split in place) or cash entries (spent, change written back). It reads the account, entity,
 *   instrument, market status, holding limit and *finished* days' market data — keys that only the regulator or
 *   past days' settlements write. No counter, no shared book key, no range read over other accounts: placements
 *   by different accounts never conflict. Naming `lotIds` / `cashEntryIds` avoids even the account's own range
 *   read, so one account can place many orders concurrently from distinct lots and cash entries.
 * - *Clearing* (`Market:Match`, run by the regulator as market operator, one transaction per instrument per
 *   round) reads the book index with a bounded range `[instrument, cutoff)`: orders placed after the cutoff lie
 *   outside the range it read and cannot cause a phantom read. It matches with price-time priority, settles each
 *   fill DvP in the same transaction, and writes the touched orders, lots, cash entries, trades and the day's
 *   market data. It conflicts only with a concurrent cancel of an order it touches or another clearing of the
 *   same instrument — both are real conflicts and are retried. Pass a cutoff a few seconds in the past when
 *   orders stream in, so that orders still in flight never invalidate the clearing transaction.
 *
 * **Trust.** Lots, cash entries, orders and proposals carry key-level endorsement naming their owner's org, so
 * a clearing or an acceptance that moves both parties' assets needs both enterprise orgs' peers on top of the
 * chaincode's MAJORITY policy (the Gateway collects them from the keys' policies). Funds are UTXO-like cash
 * entries (`cash ~ accountId ~ <txId>.<n>`), like lots: credits are blind inserts, debits delete named entries.
 *
 * **Trade price rule.** Continuous matching replayed in time order: an order meets the resting orders on the
 * other side, best price first then earliest; the trade price is the resting (earlier) order's limit price.
 * Self-trades (same entity both sides) never happen: the pair is skipped. Every trade price lies inside both
 * orders' bands (±10 % of the previous close, ±30 % for block orders ≥ 100,000 t, configurable per instrument).
 * The day's close is the volume-weighted average price of its order-book trades.
 */
import { CarbonContract } from '../contracts/carbon-contract';
import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { failedPrecondition, forbidden, invalidArgument } from '../errors';
import { requireAccountReader } from '../funds/funds-contract';
import { Anyone, Operator, Regulator, Trader, actsFor, authorize, isSupervisor } from '../identity/access';
import { emitEvent } from '../ledger/events';
import { InputReader, parseId } from '../ledger/input';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requirePeriod } from '../period/period-reads';
import { changeAccountStatus } from '../registry/account-status';
import type { Entity } from '../registry/entity';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { UNIT_TYPES } from '../units/lot';
import { acceptTrade, closeProposal, proposeTrade } from './bilateral';
import { clearInstrument } from './clearing';
import { INSTRUMENT_DEFAULTS, instrumentId, parseInstrumentId, type Instrument } from './instrument';
import { accountPosition, orderBookDepth } from './market-views';
import type { Order } from './order';
import { cancelOrder, placeOrder } from './placement';
import { bandFor, previousClose } from './price-band';
import type { Proposal } from './proposal';
import {
  MARKET_STATUS_ID,
  marketStatus,
  requireInstrument,
  type HoldingLimit,
  type MarketStatus,
} from './supervision';
import type { MarketDay, Trade } from './trade';
import { tradingDay } from './trading-day';

const Enterprise = [Operator, Trader];

/** Keys of a Market:ConfigureInstrument request. */
const INSTRUMENT_KEYS = [
  'unitType',
  'vintage',
  'referencePrice',
  'tick',
  'minQuantity',
  'blockThreshold',
  'bandBasisPoints',
  'blockBandBasisPoints',
  'largeOrderThreshold',
] as const;
/** Keys of a Market:HaltMarket or Market:ResumeMarket request. */
const MARKET_STATUS_KEYS = ['reason'] as const;
/** Keys of a Market:SetHoldingLimit request. */
const HOLDING_LIMIT_KEYS = ['entityId', 'instrument', 'limit'] as const;
/** Keys of a Market:GetTrades request. */
const TRADES_KEYS = ['instrument', 'day', 'accountId'] as const;
/** Keys of a Market:GetMarketData request. */
const MARKET_DATA_KEYS = ['instrument', 'from', 'to'] as const;

function instrumentArgument(value: string): string {
  const { unitType, vintage } = parseInstrumentId(value, 'instrument');
  return instrumentId(unitType, vintage);
}

@Info({ title: 'Market', description: 'Order book, matching, DvP settlement, bilateral trades, supervision' })
export class MarketContract extends CarbonContract {
  constructor() {
    super('Market');
  }

  /**
   * Lists an instrument or changes its trading rules. Request: `{ unitType, vintage, referencePrice, tick?,
   * minQuantity?, blockThreshold?, bandBasisPoints?, blockBandBasisPoints?, largeOrderThreshold? }` (prices in
   * fen; allowances need the compliance period of their vintage). Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async ConfigureInstrument(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'ConfigureInstrument', [Regulator]);
    const input = InputReader.fromJson(request, 'instrument', INSTRUMENT_KEYS);
    type Key = (typeof INSTRUMENT_KEYS)[number];
    const unitType = input.oneOf('unitType', UNIT_TYPES);
    const vintage = input.year('vintage');
    const optional = (name: Key, fallback: number): number =>
      input.has(name) ? input.quantity(name) : fallback;
    const basisPoints = (name: Key, fallback: number): number => {
      const value = input.has(name) ? input.basisPoints(name) : fallback;
      if (value === 0 || value >= 10_000) {
        throw invalidArgument(`instrument.${name} must be between 1 and 9999 basis points`);
      }
      return value;
    };
    const blockThreshold = optional('blockThreshold', INSTRUMENT_DEFAULTS.blockThreshold);
    const instrument: Instrument = {
      id: instrumentId(unitType, vintage),
      unitType,
      vintage,
      referencePrice: input.quantity('referencePrice'),
      tick: optional('tick', INSTRUMENT_DEFAULTS.tick),
      minQuantity: optional('minQuantity', INSTRUMENT_DEFAULTS.minQuantity),
      blockThreshold,
      bandBasisPoints: basisPoints('bandBasisPoints', INSTRUMENT_DEFAULTS.bandBasisPoints),
      blockBandBasisPoints: basisPoints('blockBandBasisPoints', INSTRUMENT_DEFAULTS.blockBandBasisPoints),
      largeOrderThreshold: optional('largeOrderThreshold', blockThreshold),
      configuredAt: txTime(ctx),
    };
    if (instrument.referencePrice % instrument.tick !== 0) {
      throw invalidArgument(
        `instrument.referencePrice must be a multiple of the tick (${instrument.tick} fen)`,
      );
    }
    const store = new Store(ctx);
    if (unitType === 'allowance') {
      await requirePeriod(store, vintage);
    }
    await store.put(ObjectType.instrument, [instrument.id], instrument);
    emitEvent(ctx, 'InstrumentConfigured', { instrument });
    return JSON.stringify(instrument);
  }

  /** Halts all trading (orders, matching, proposals). Request: `{ reason }`. Caller: RegulatorMSP / regulator. */
  @Transaction()
  @Returns('string')
  public async HaltMarket(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'HaltMarket', [Regulator]);
    return this.setHalted(ctx, request, true);
  }

  /** Resumes trading after a halt. Request: `{ reason }`. Caller: RegulatorMSP / regulator. */
  @Transaction()
  @Returns('string')
  public async ResumeMarket(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'ResumeMarket', [Regulator]);
    return this.setHalted(ctx, request, false);
  }

  private async setHalted(ctx: Context, request: string, halted: boolean): Promise<string> {
    const reason = InputReader.fromJson(request, 'request', MARKET_STATUS_KEYS).text('reason', 1000);
    const store = new Store(ctx);
    if ((await marketStatus(store)).halted === halted) {
      throw failedPrecondition(`the market is already ${halted ? 'halted' : 'open'}`);
    }
    const status: MarketStatus = { halted, reason, changedAt: txTime(ctx) };
    await store.put(ObjectType.marketStatus, [MARKET_STATUS_ID], status);
    emitEvent(ctx, halted ? 'MarketHalted' : 'MarketResumed', { status });
    return JSON.stringify(status);
  }

  /**
   * Freezes an account: no orders, proposals, transfers, surrenders or withdrawals, and its resting orders do
   * not trade (the same `blocked` status as Registry:BlockAccount). Request: `{ accountId, reason }`.
   * Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async FreezeAccount(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'FreezeAccount', [Regulator]);
    return changeAccountStatus(ctx, request, 'FreezeAccount', ['open'], 'blocked');
  }

  /** Lifts a freeze. Request: `{ accountId, reason }`. Caller: RegulatorMSP / regulator. */
  @Transaction()
  @Returns('string')
  public async UnfreezeAccount(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'UnfreezeAccount', [Regulator]);
    return changeAccountStatus(ctx, request, 'UnfreezeAccount', ['blocked'], 'open');
  }

  /**
   * Sets (or with `limit: null` removes) the most tonnes of an instrument an entity may hold, checked when it
   * buys. Request: `{ entityId, instrument, limit: <tonnes> | null }`; `limit` is required, so a request that
   * lacks it never removes a limit by default. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async SetHoldingLimit(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'SetHoldingLimit', [Regulator]);
    const input = InputReader.fromJson(request, 'holdingLimit', HOLDING_LIMIT_KEYS);
    const entityId = input.id('entityId');
    const { unitType, vintage } = parseInstrumentId(input.raw('instrument'), 'holdingLimit.instrument');
    const store = new Store(ctx);
    await requireEntity(store, entityId);
    const instrument = instrumentId(unitType, vintage);
    if (!input.hasKey('limit')) {
      throw invalidArgument(
        'holdingLimit.limit is required: a number of tonnes, or null to remove the limit',
      );
    }
    if (!input.has('limit')) {
      await store.delete(ObjectType.holdingLimit, [entityId, instrument]);
      emitEvent(ctx, 'HoldingLimitRemoved', { entityId, instrument });
      return JSON.stringify({ entityId, instrument, limit: null });
    }
    const limit: HoldingLimit = {
      entityId,
      instrument,
      limit: input.wholeNumber('limit'),
      setAt: txTime(ctx),
    };
    await store.put(ObjectType.holdingLimit, [entityId, instrument], limit);
    emitEvent(ctx, 'HoldingLimitSet', { limit });
    return JSON.stringify(limit);
  }

  /**
   * Places a limit order from an open trading or holding account; a sell order locks the units, a buy order
   * locks `price × quantity` fen. Request: `{ accountId, side: 'buy'|'sell', instrument: 'allowance-2025',
   * price: <fen per tonne>, quantity: <tonnes>, goodTill?: 'day'|'period', lotIds?, cashEntryIds? }`.
   * Orders of at least the instrument's large-order threshold raise `LargeOrderPlaced` instead of `OrderPlaced`.
   * Caller: an operator or trader of the entity owning the account.
   */
  @Transaction()
  @Returns('string')
  public async PlaceOrder(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'PlaceOrder', Enterprise);
    return JSON.stringify(await placeOrder(ctx, caller, request));
  }

  /**
   * Cancels an open order and releases its units or escrow. Request: `{ accountId, orderId, reason? }`.
   * Caller: an operator or trader of the entity owning the order, or RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async CancelOrder(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'CancelOrder', [...Enterprise, Regulator]);
    return JSON.stringify(await cancelOrder(ctx, caller, request));
  }

  /**
   * Clears one instrument: expires stale orders, matches orders placed before the cutoff and settles each fill
   * DvP. Request: `{ instrument, cutoff? }`. Caller: RegulatorMSP / regulator (the market operator).
   */
  @Transaction()
  @Returns('string')
  public async Match(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'Match', [Regulator]);
    const result = await clearInstrument(ctx, request);
    emitEvent(ctx, 'OrdersMatched', {
      instrument: result.instrument,
      cutoff: result.cutoff,
      trades: result.trades.map((t) => ({
        id: t.id,
        price: t.price,
        quantity: t.quantity,
        buyOrderId: t.buyOrderId,
        sellOrderId: t.sellOrderId,
      })),
      expiredOrderIds: result.expiredOrderIds,
    });
    return JSON.stringify(result);
  }

  /**
   * Offers a negotiated trade to a named buyer entity and locks the units. Request: `{ accountId,
   * buyerEntityId, instrument, price, quantity, lotIds?, expiresAt? }`. Caller: an operator or trader of the
   * entity owning the selling account.
   */
  @Transaction()
  @Returns('string')
  public async ProposeTrade(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'ProposeTrade', Enterprise);
    const proposal = await proposeTrade(ctx, caller, request);
    emitEvent(ctx, 'TradeProposed', { proposal });
    return JSON.stringify(proposal);
  }

  /**
   * Accepts a proposal: settled DvP at once. Request: `{ proposalId, accountId, cashEntryIds? }`.
   * Caller: an operator or trader of the named buyer entity.
   */
  @Transaction()
  @Returns('string')
  public async AcceptTrade(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'AcceptTrade', Enterprise);
    const result = await acceptTrade(ctx, caller, request);
    emitEvent(ctx, 'TradeAccepted', result);
    return JSON.stringify(result);
  }

  /** Rejects a proposal and unlocks the seller's units. Request: `{ proposalId, reason? }`. Caller: the buyer. */
  @Transaction()
  @Returns('string')
  public async RejectTrade(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'RejectTrade', Enterprise);
    const proposal = await closeProposal(ctx, caller, request, 'reject');
    emitEvent(ctx, 'TradeRejected', { proposal });
    return JSON.stringify(proposal);
  }

  /**
   * Withdraws (or clears an expired) proposal and unlocks the units. Request: `{ proposalId, reason? }`.
   * Caller: an operator or trader of the seller entity, or RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async CancelProposal(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'CancelProposal', [...Enterprise, Regulator]);
    const proposal = await closeProposal(ctx, caller, request, 'cancel');
    emitEvent(ctx, 'ProposalCancelled', { proposal });
    return JSON.stringify(proposal);
  }

  /** An instrument's rules, today's previous close and bands, and the market status. Caller: anyone. */
  @Transaction(false)
  @Returns('string')
  public async GetInstrument(ctx: Context, instrument: string): Promise<string> {
    authorize(ctx, 'GetInstrument', Anyone);
    const store = new Store(ctx);
    const config = await requireInstrument(store, instrumentArgument(instrument));
    const reference = await previousClose(store, config, tradingDay(txTime(ctx)));
    return JSON.stringify({
      instrument: config,
      market: await marketStatus(store),
      previousClose: reference,
      band: bandFor(config, reference, config.minQuantity),
      blockBand: bandFor(config, reference, config.blockThreshold),
    });
  }

  /** Order book depth per price level (bids and asks) of an instrument. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetOrderBook(ctx: Context, instrument: string): Promise<string> {
    authorize(ctx, 'GetOrderBook', Anyone);
    const store = new Store(ctx);
    return JSON.stringify(
      await orderBookDepth(ctx, store, await requireInstrument(store, instrumentArgument(instrument))),
    );
  }

  /** One order. Caller: regulator, auditor, verifier, or users of the owning entity. */
  @Transaction(false)
  @Returns('string')
  public async GetOrder(ctx: Context, accountId: string, orderId: string): Promise<string> {
    const caller = authorize(ctx, 'GetOrder', Anyone);
    const store = new Store(ctx);
    const account = await requireAccount(store, parseId(accountId, 'accountId'));
    await requireAccountReader(store, caller, account, 'GetOrder');
    const id = parseId(orderId, 'orderId');
    return JSON.stringify(await store.require<Order>(ObjectType.order, [account.id, id], `order ${id}`));
  }

  /**
   * An account's open orders, locked units and funds (available, locked, total).
   * Caller: regulator, auditor, verifier, or users of the owning entity.
   */
  @Transaction(false)
  @Returns('string')
  public async GetPosition(ctx: Context, accountId: string): Promise<string> {
    const caller = authorize(ctx, 'GetPosition', Anyone);
    const store = new Store(ctx);
    const account = await requireAccount(store, parseId(accountId, 'accountId'));
    await requireAccountReader(store, caller, account, 'GetPosition');
    return JSON.stringify(await accountPosition(ctx, store, account.id));
  }

  /**
   * Trades of an instrument on a day, optionally only those of one account. Request: `{ instrument,
   * day: 'YYYY-MM-DD', accountId? }`. Caller: anyone with a carbon role; the counterparties (accounts, entities,
   * orders, lots) are shown to supervisors and to users of a party only, and `accountId` needs read access to
   * that account (supervisors or its owner's users).
   */
  @Transaction(false)
  @Returns('string')
  public async GetTrades(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'GetTrades', Anyone);
    const input = InputReader.fromJson(request, 'trades', TRADES_KEYS);
    const instrument = instrumentArgument(input.text('instrument', 32));
    const day = input.isoTime('day').slice(0, 10);
    const accountId = input.optionalId('accountId');
    const store = new Store(ctx);
    if (accountId !== undefined) {
      await requireAccountReader(store, caller, await requireAccount(store, accountId), 'GetTrades');
    }
    const entities = new Map<string, Entity>();
    const actsForParty = async (trade: Trade): Promise<boolean> => {
      for (const id of [trade.buyerEntityId, trade.sellerEntityId]) {
        const entity = entities.get(id) ?? (await requireEntity(store, id));
        entities.set(id, entity);
        if (actsFor(caller, entity)) {
          return true;
        }
      }
      return false;
    };
    const views: unknown[] = [];
    for (const { value: trade } of await store.list<Trade>(ObjectType.trade, [instrument, day])) {
      if (accountId !== undefined && trade.buyAccountId !== accountId && trade.sellAccountId !== accountId) {
        continue;
      }
      views.push(
        isSupervisor(caller) || (await actsForParty(trade))
          ? trade
          : {
              id: trade.id,
              kind: trade.kind,
              instrument: trade.instrument,
              day: trade.day,
              price: trade.price,
              quantity: trade.quantity,
              value: trade.value,
              executedAt: trade.executedAt,
            },
      );
    }
    return JSON.stringify(views);
  }

  /**
   * Daily market data (open, high, low, last, close = VWAP, volume, turnover) of an instrument, oldest first.
   * Request: `{ instrument, from?, to? }` (dates, inclusive). Caller: anyone with a carbon role.
   */
  @Transaction(false)
  @Returns('string')
  public async GetMarketData(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'GetMarketData', Anyone);
    const input = InputReader.fromJson(request, 'marketData', MARKET_DATA_KEYS);
    const instrument = instrumentArgument(input.text('instrument', 32));
    const from = input.has('from') ? input.isoTime('from').slice(0, 10) : '0000-00-00';
    const to = input.has('to') ? input.isoTime('to').slice(0, 10) : '9999-99-99';
    const days = (await new Store(ctx).list<MarketDay>(ObjectType.marketDay, [instrument]))
      .map((kv) => kv.value)
      .filter((day) => day.day >= from && day.day <= to);
    return JSON.stringify(days);
  }

  /** A bilateral proposal. Caller: regulator, auditor, verifier, or users of the seller or buyer entity. */
  @Transaction(false)
  @Returns('string')
  public async GetProposal(ctx: Context, proposalId: string): Promise<string> {
    const caller = authorize(ctx, 'GetProposal', Anyone);
    const store = new Store(ctx);
    const id = parseId(proposalId, 'proposalId');
    const proposal = await store.require<Proposal>(ObjectType.proposal, [id], `proposal ${id}`);
    if (!isSupervisor(caller)) {
      const parties = [
        await requireEntity(store, proposal.sellerEntityId),
        await requireEntity(store, proposal.buyerEntityId),
      ];
      if (!parties.some((entity) => actsFor(caller, entity))) {
        throw forbidden(`GetProposal: only supervisors and the two parties may read proposal ${id}`);
      }
    }
    return JSON.stringify(proposal);
  }
}
