/**
 * # Market: order book, matching and delivery-versus-payment settlement
 *
 * **Concurrency design (Fabric MVCC).** Order placement and clearing are separate transactions.
 * - *Placing* an order writes only new or own keys: the order (`order ~ accountId ~ <txId>`), its entry in the
 *   book's not-yet-matched stage (plain key `orderNew|<instrument>|<placedAt>|<txId>`, a blind insert) and the
 *   placing account's own lots (locked, split in place) or cash entries (spent, change written back). It reads
 *   the account, entity, instrument, market status, holding limit and *finished* days' market data — keys that
 *   only the regulator or past days' settlements write. No counter, no shared book key, no range read over other
 *   accounts: placements by different accounts never conflict. Naming `lotIds` / `cashEntryIds` avoids even the
 *   account's own range read, so one account can place many orders concurrently from distinct lots and cash
 *   entries, and no key it reads is one a clearing writes.
 * - *Clearing* (`Market:Match`, run by the regulator as market operator, one transaction per instrument per
 *   round) costs what crosses, not what rests (order-book.ts has the key layout): it takes in at most
 *   `CLEARING_LIMITS.newOrders` new orders with a bounded range `[instrument, cutoff)` — orders placed after the
 *   cutoff lie outside it and cannot cause a phantom read — and reads the resting book (bids by descending price,
 *   asks by ascending price, then time) only as far as orders still cross. Only clearings insert into the resting
 *   book, so no placement can invalidate those reads. It matches with price-time priority, settles each fill DvP
 *   in the same transaction, and writes the touched orders, lots, cash entries, trades and the day's market
 *   data; at most `CLEARING_LIMITS.fills` fills and `CLEARING_LIMITS.expiries` expiries per round, answering
 *   `more: true` when the operator should clear again. It conflicts only with a concurrent cancel of an order it
 *   read or another clearing of the same instrument — both are real conflicts and are retried. Pass a cutoff a
 *   few seconds in the past when orders stream in, so that orders still in flight never invalidate it.
 *
 * **Trust.** Lots, cash entries, orders and proposals carry key-level endorsement naming their owner's org, so
 * a clearing or an acceptance that moves both parties' assets needs both enterprise orgs' peers on top of the
 * chaincode's MAJORITY policy (the Gateway collects them from the keys' policies). Funds are UTXO-like cash
 * entries (`cash ~ accountId ~ <txId>.<n>`), like lots: credits are blind inserts, debits delete named entries.
 *
 * **Bilateral trades paid off-channel.** A proposal made with a private `agreedPrice` (commercial data, with a
 * nonce the seller's client drew) is settled as the EU Union Registry settles transfers: the acceptance delivers
 * the units free of payment and the buyer pays the seller outside the ledger, so no cash entry shows the price.
 * The price's record is kept in the seller's and the buyer's commercial collections; the channel has its hash.
 * Such trades have no public price and leave the market data (close, VWAP, bands) as it was.
 *
 * **Trade price rule.** Continuous matching replayed in time order: an order meets the resting orders on the
 * other side, best price first then earliest; the trade price is the resting (earlier) order's limit price.
 * Self-trades (same entity both sides) never happen: the pair is skipped. Every trade price lies inside both
 * orders' bands (±10 % of the previous close, ±30 % for block orders ≥ 100,000 t, configurable per instrument).
 * The day's close is the volume-weighted average price of its order-book trades.
 */
import { CarbonContract } from '../contracts/carbon-contract';
import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  failedPrecondition,
  forbidden,
  invalidArgument,
  Market,
  parseArgs,
  parseRequest,
  type TradeView,
} from '@carbon-ets/contract';
import { actsFor, authorizeTransaction, isSupervisor } from '../identity/access';
import { commercialInput } from '../ledger/commercial-store';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requirePeriod } from '../period/period-reads';
import { requireAccountReader } from '../registry/account-access';
import { changeAccountStatus } from '../registry/account-status';
import type { Entity } from '../registry/entity';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { proposalWithAgreedPrice, tradeWithAgreedPrice } from './agreed-price';
import { acceptTrade, closeProposal, proposeTrade } from './bilateral';
import { clearInstrument } from './clearing';
import { INSTRUMENT_DEFAULTS, instrumentId, type Instrument } from './instrument';
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
    authorizeTransaction(ctx, Market.configureInstrument);
    const input = parseRequest(Market.configureInstrument, request);
    const { unitType, vintage } = input;
    const basisPoints = (name: 'bandBasisPoints' | 'blockBandBasisPoints', fallback: number): number => {
      const value = input[name] ?? fallback;
      if (value === 0 || value >= 10_000) {
        throw invalidArgument(`instrument.${name} must be between 1 and 9999 basis points`);
      }
      return value;
    };
    const blockThreshold = input.blockThreshold ?? INSTRUMENT_DEFAULTS.blockThreshold;
    const instrument: Instrument = {
      id: instrumentId(unitType, vintage),
      unitType,
      vintage,
      referencePrice: input.referencePrice,
      tick: input.tick ?? INSTRUMENT_DEFAULTS.tick,
      minQuantity: input.minQuantity ?? INSTRUMENT_DEFAULTS.minQuantity,
      blockThreshold,
      bandBasisPoints: basisPoints('bandBasisPoints', INSTRUMENT_DEFAULTS.bandBasisPoints),
      blockBandBasisPoints: basisPoints('blockBandBasisPoints', INSTRUMENT_DEFAULTS.blockBandBasisPoints),
      largeOrderThreshold: input.largeOrderThreshold ?? blockThreshold,
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
    authorizeTransaction(ctx, Market.haltMarket);
    return this.setHalted(ctx, parseRequest(Market.haltMarket, request).reason, true);
  }

  /** Resumes trading after a halt. Request: `{ reason }`. Caller: RegulatorMSP / regulator. */
  @Transaction()
  @Returns('string')
  public async ResumeMarket(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Market.resumeMarket);
    return this.setHalted(ctx, parseRequest(Market.resumeMarket, request).reason, false);
  }

  private async setHalted(ctx: Context, reason: string, halted: boolean): Promise<string> {
    const store = new Store(ctx);
    if ((await marketStatus(store)).halted === halted) {
      throw failedPrecondition(`the market is already ${halted ? 'halted' : 'open'}`);
    }
    const status: MarketStatus = { halted, reason, changedAt: txTime(ctx) };
    await store.put(ObjectType.marketStatus, [MARKET_STATUS_ID], status);
    // One literal name per call, so each payload is checked against its own event's schema.
    if (halted) emitEvent(ctx, 'MarketHalted', { status });
    else emitEvent(ctx, 'MarketResumed', { status });
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
    authorizeTransaction(ctx, Market.freezeAccount);
    const change = parseRequest(Market.freezeAccount, request);
    return changeAccountStatus(ctx, change, 'FreezeAccount', ['open'], 'blocked');
  }

  /** Lifts a freeze. Request: `{ accountId, reason }`. Caller: RegulatorMSP / regulator. */
  @Transaction()
  @Returns('string')
  public async UnfreezeAccount(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Market.unfreezeAccount);
    const change = parseRequest(Market.unfreezeAccount, request);
    return changeAccountStatus(ctx, change, 'UnfreezeAccount', ['blocked'], 'open');
  }

  /**
   * Sets (or with `limit: null` removes) the most tonnes of an instrument an entity may hold, checked when it
   * buys. Request: `{ entityId, instrument, limit: <tonnes> | null }`; `limit` is required, so a request that
   * lacks it never removes a limit by default. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async SetHoldingLimit(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Market.setHoldingLimit);
    // `limit` is required, and an explicit `null` removes the limit (the schema refuses a missing key:
    // `holdingLimit.limit is required: a number of tonnes, or null to remove the limit`).
    const input = parseRequest(Market.setHoldingLimit, request);
    const { entityId } = input;
    const store = new Store(ctx);
    await requireEntity(store, entityId);
    const instrument = input.instrument.id;
    if (input.limit === null) {
      await store.delete(ObjectType.holdingLimit, [entityId, instrument]);
      emitEvent(ctx, 'HoldingLimitRemoved', { entityId, instrument });
      return JSON.stringify({ entityId, instrument, limit: null });
    }
    const limit: HoldingLimit = {
      entityId,
      instrument,
      limit: input.limit,
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
    const caller = authorizeTransaction(ctx, Market.placeOrder);
    return JSON.stringify(await placeOrder(ctx, caller, parseRequest(Market.placeOrder, request)));
  }

  /**
   * Cancels an open order and releases its units or escrow. Request: `{ accountId, orderId, reason? }`.
   * Caller: an operator or trader of the entity owning the order, or RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async CancelOrder(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Market.cancelOrder);
    return JSON.stringify(await cancelOrder(ctx, caller, parseRequest(Market.cancelOrder, request)));
  }

  /**
   * Clears one instrument, one bounded round: expires stale orders, matches orders placed before the cutoff and
   * settles each fill DvP; `more: true` in the answer asks for another round. Request: `{ instrument, cutoff? }`.
   * Caller: RegulatorMSP / regulator (the market operator).
   */
  @Transaction()
  @Returns('string')
  public async Match(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Market.match);
    const result = await clearInstrument(ctx, parseRequest(Market.match, request));
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
      more: result.more,
    });
    return JSON.stringify(result);
  }

  /**
   * Offers a negotiated trade to a named buyer entity and locks the units. Request: `{ accountId,
   * buyerEntityId, instrument, price | agreedPrice + priceNonce, quantity, lotIds?, expiresAt? }`; agreedPrice and
   * priceNonce are commercial data (transient map) and make the proposal off-channel. The answer and the event
   * are the public proposal, without the agreed price (both are in the block). Caller: an operator or trader of
   * the entity owning the selling account.
   */
  @Transaction()
  @Returns('string')
  public async ProposeTrade(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Market.proposeTrade);
    const proposal = await proposeTrade(
      ctx,
      caller,
      parseRequest(Market.proposeTrade, request, commercialInput(ctx)),
    );
    emitEvent(ctx, 'TradeProposed', { proposal });
    return JSON.stringify(proposal);
  }

  /**
   * Accepts a proposal: settled DvP at once. Request: `{ proposalId, accountId, cashEntryIds? }`; an off-channel
   * proposal takes `{ proposalId, accountId, agreedPrice, priceNonce }` (the last two in the transient map) and
   * delivers the units free of payment. Caller: an operator or trader of the named buyer entity.
   */
  @Transaction()
  @Returns('string')
  public async AcceptTrade(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Market.acceptTrade);
    const result = await acceptTrade(
      ctx,
      caller,
      parseRequest(Market.acceptTrade, request, commercialInput(ctx)),
    );
    emitEvent(ctx, 'TradeAccepted', result);
    return JSON.stringify(result);
  }

  /** Rejects a proposal and unlocks the seller's units. Request: `{ proposalId, reason? }`. Caller: the buyer. */
  @Transaction()
  @Returns('string')
  public async RejectTrade(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Market.rejectTrade);
    const proposal = await closeProposal(ctx, caller, parseRequest(Market.rejectTrade, request), 'reject');
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
    const caller = authorizeTransaction(ctx, Market.cancelProposal);
    const proposal = await closeProposal(ctx, caller, parseRequest(Market.cancelProposal, request), 'cancel');
    emitEvent(ctx, 'ProposalCancelled', { proposal });
    return JSON.stringify(proposal);
  }

  /** An instrument's rules, today's previous close and bands, and the market status. Caller: anyone. */
  @Transaction(false)
  @Returns('string')
  public async GetInstrument(ctx: Context, instrument: string): Promise<string> {
    authorizeTransaction(ctx, Market.getInstrument);
    const [{ id }] = parseArgs(Market.getInstrument, ['instrument'], [instrument]);
    const store = new Store(ctx);
    const config = await requireInstrument(store, id);
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
    authorizeTransaction(ctx, Market.getOrderBook);
    const [{ id }] = parseArgs(Market.getOrderBook, ['instrument'], [instrument]);
    const store = new Store(ctx);
    return JSON.stringify(await orderBookDepth(ctx, store, await requireInstrument(store, id)));
  }

  /** One order. Caller: regulator, auditor, verifier, or users of the owning entity. */
  @Transaction(false)
  @Returns('string')
  public async GetOrder(ctx: Context, accountId: string, orderId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Market.getOrder);
    const [accountArg, id] = parseArgs(Market.getOrder, ['accountId', 'orderId'], [accountId, orderId]);
    const store = new Store(ctx);
    const account = await requireAccount(store, accountArg);
    await requireAccountReader(store, caller, account, 'GetOrder');
    return JSON.stringify(await store.require<Order>(ObjectType.order, [account.id, id], `order ${id}`));
  }

  /**
   * An account's open orders, locked units and funds (available, locked, total).
   * Caller: regulator, auditor, verifier, or users of the owning entity.
   */
  @Transaction(false)
  @Returns('string')
  public async GetPosition(ctx: Context, accountId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Market.getPosition);
    const [id] = parseArgs(Market.getPosition, ['accountId'], [accountId]);
    const store = new Store(ctx);
    const account = await requireAccount(store, id);
    await requireAccountReader(store, caller, account, 'GetPosition');
    return JSON.stringify(await accountPosition(ctx, store, account.id));
  }

  /**
   * Trades of an instrument on a day, optionally only those of one account. Request: `{ instrument,
   * day: 'YYYY-MM-DD', accountId? }`. Caller: anyone with a carbon role; the counterparties (accounts, entities,
   * orders, lots) are shown to supervisors and to users of a party only, and `accountId` needs read access to
   * that account (supervisors or its owner's users). An off-channel trade has no public price; its agreed price
   * is joined in for those callers where the peer holds a copy their organisation may read.
   */
  @Transaction(false)
  @Returns('string')
  public async GetTrades(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Market.getTrades);
    const [input] = parseArgs(Market.getTrades, ['trades'], [request]);
    const instrument = input.instrument.id;
    const day = input.day.slice(0, 10);
    const { accountId } = input;
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
    const views: TradeView[] = [];
    for (const { value: trade } of await store.list<Trade>(ObjectType.trade, [instrument, day])) {
      if (accountId !== undefined && trade.buyAccountId !== accountId && trade.sellAccountId !== accountId) {
        continue;
      }
      views.push(
        isSupervisor(caller) || (await actsForParty(trade))
          ? await tradeWithAgreedPrice(ctx, trade)
          : {
              id: trade.id,
              kind: trade.kind,
              instrument: trade.instrument,
              day: trade.day,
              price: trade.price,
              quantity: trade.quantity,
              value: trade.value,
              settlement: trade.settlement,
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
    authorizeTransaction(ctx, Market.getMarketData);
    const [input] = parseArgs(Market.getMarketData, ['marketData'], [request]);
    const instrument = input.instrument.id;
    const from = input.from?.slice(0, 10) ?? '0000-00-00';
    const to = input.to?.slice(0, 10) ?? '9999-99-99';
    const days = (await new Store(ctx).list<MarketDay>(ObjectType.marketDay, [instrument]))
      .map((kv) => kv.value)
      .filter((day) => day.day >= from && day.day <= to);
    return JSON.stringify(days);
  }

  /**
   * A bilateral proposal. Caller: regulator, auditor, verifier, or users of the seller or buyer entity. An
   * off-channel proposal's agreed price and nonce are joined in on a peer holding a copy, for a user of the
   * copy's collection's member organisation (the seller's, the buyer's once accepted, the supervisors').
   */
  @Transaction(false)
  @Returns('string')
  public async GetProposal(ctx: Context, proposalId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Market.getProposal);
    const [id] = parseArgs(Market.getProposal, ['proposalId'], [proposalId]);
    const store = new Store(ctx);
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
    return JSON.stringify(await proposalWithAgreedPrice(ctx, proposal));
  }
}
