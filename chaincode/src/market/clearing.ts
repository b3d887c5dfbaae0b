import type { Context } from 'fabric-contract-api';
import { CashLedger } from '../funds/cash-ledger';
import {
  CLEARING_LIMITS,
  type ClearingResult,
  fenOf,
  formatFen,
  invalidArgument,
  type Market,
  type ParsedRequestOf,
  type PricedTrade,
  tradeValue,
} from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import type { Account } from '../registry/account';
import { requireAccount } from '../registry/registry-reads';
import type { Lot } from '../units/lot';
import { LotLedger, requireCovers } from '../units/lot-ledger';
import { releaseOrder } from './escrow';
import { type BookSideCursor, type MatchableOrder, matchRound } from './matching';
import { isLive, type Order, type OrderSide } from './order';
import { type BookEntry, type EntryCursor, OrderBookIndex } from './order-book';
import { bandFor, previousClose } from './price-band';
import { requireInstrument, requireMarketOpen } from './supervision';
import { TradeRecorder } from './settlement';
import { tradingDay } from './trading-day';

/** What one clearing transaction did (see the wire contract). */
export type { ClearingResult };

/** The bounds of one round; the transaction always uses {@link CLEARING_LIMITS} (tests pass smaller ones). */
export type ClearingLimits = { readonly [K in keyof typeof CLEARING_LIMITS]: number };

/**
 * Clears one instrument, one bounded round (see {@link CLEARING_LIMITS}): expires resting orders past their
 * time, takes in the orders placed before `cutoff` that are not yet in the book, matches them against the
 * resting book read from its best prices (see {@link matchRound}) and settles every fill delivery-versus-payment
 * in this same transaction — the seller's locked lots move to the buyer, the buyer's escrow pays the seller,
 * price improvement goes back to the buyer. What it reads follows what expires, arrives and crosses, never the
 * depth of the book; a round that stops at a limit answers `more: true`. Request: `{ instrument, cutoff? }`
 * (cutoff ≤ the tx time; default the tx time).
 *
 * Chunking stays fair to price-time priority: new orders are taken in strictly in placement order and a round
 * stops only between two fills, so rounds cut one continuous matching into pieces. The order being matched when
 * the limit struck keeps its place at the head of the new orders (its rest is matched first next round), the
 * orders behind it have not met the book yet, and the resting book is read best price first, then earliest —
 * a later round can never let a worse or later order trade ahead of a better one already in the book. Rounds
 * of 7 fills and rounds of hundreds settle the same trades (chunked-clearing.test.ts).
 */
export async function clearInstrument(
  ctx: Context,
  request: ParsedRequestOf<typeof Market.match>,
  limits: ClearingLimits = CLEARING_LIMITS,
): Promise<ClearingResult> {
  const now = txTime(ctx);
  const cutoff = request.cutoff ?? now;
  if (cutoff > now) {
    throw invalidArgument(`clearing.cutoff ${cutoff} is after the transaction time ${now}`);
  }
  const store = new Store(ctx);
  await requireMarketOpen(store, 'Match');
  const instrument = await requireInstrument(store, request.instrument.id);
  const book = new OrderBookIndex(ctx);
  const lots = new LotLedger(ctx, store);
  const cash = new CashLedger(ctx, store);
  const accounts = new Map<string, Account>();
  const accountOf = async (id: string): Promise<Account> => {
    const known = accounts.get(id) ?? (await requireAccount(store, id));
    accounts.set(id, known);
    return known;
  };
  // Every open order this round read, by id, and the index stage it was read from.
  const orders = new Map<string, Order>();
  const stage = new Map<string, 'new' | 'resting'>();
  // Index entries whose order is no longer open: never expected (closing an order removes its entries).
  const staleKeys: string[] = [];
  const load = async (
    { key, entry }: { key: string; entry: BookEntry },
    from: 'new' | 'resting',
  ): Promise<Order | undefined> => {
    const known = orders.get(entry.orderId);
    if (known !== undefined) {
      return known;
    }
    const order = await store.get<Order>(ObjectType.order, [entry.accountId, entry.orderId]);
    if (order?.status !== 'open') {
      staleKeys.push(key);
      return undefined;
    }
    await accountOf(order.accountId);
    orders.set(order.id, order);
    stage.set(order.id, from);
    return order;
  };
  let more = false;

  // Everything is read and checked (steps 1–4) before anything is written (steps 5–8): a clearing that fails
  // has attempted no write.
  // 1. Resting orders past their time, soonest first.
  const expired: Order[] = [];
  const expiring = book.expiredBefore(instrument.id, now);
  for (let next = await expiring.next(); next !== undefined; next = await expiring.next()) {
    if (expired.length === limits.expiries) {
      more = true;
      break;
    }
    const order = await load(next, 'resting');
    if (order !== undefined) expired.push(order);
  }
  await expiring.close();

  // 2. Orders placed before the cutoff and not yet in the book, oldest first.
  const arrived: Order[] = [];
  let takenIn = 0;
  const placed = book.newOrders(instrument.id, cutoff);
  for (let next = await placed.next(); next !== undefined; next = await placed.next()) {
    if (takenIn === limits.newOrders) {
      more = true;
      break;
    }
    takenIn += 1;
    const order = await load(next, 'new');
    if (order === undefined) {
      continue;
    }
    if (isLive(order, now)) {
      arrived.push(order);
    } else if (expired.length < limits.expiries) {
      expired.push(order);
    } else {
      // Expiring it must wait for the next round, and it must not trade meanwhile: leave it (and later ones).
      more = true;
      break;
    }
  }
  await placed.close();

  // 3. Match: every order's band is today's, around the previous close.
  const reference = await previousClose(store, instrument, tradingDay(now));
  const matchable = async (order: Order): Promise<MatchableOrder> => ({
    id: order.id,
    entityId: order.entityId,
    side: order.side,
    price: order.price,
    remaining: order.remaining,
    placedAt: order.placedAt,
    band: bandFor(instrument, reference, order.quantity),
    // A frozen account's orders keep their place but do not trade; nor does an order past its time that a
    // later round will expire.
    tradable: (await accountOf(order.accountId)).status === 'open' && isLive(order, now),
  });
  let bookReads = 0;
  const cursors: EntryCursor[] = [];
  const side = (which: OrderSide): BookSideCursor => {
    const entries = book.side(instrument.id, which);
    cursors.push(entries);
    return {
      next: async () => {
        while (bookReads < limits.bookReads) {
          const next = await entries.next();
          if (next === undefined) {
            return undefined;
          }
          bookReads += 1;
          const order = await load(next, 'resting');
          if (order !== undefined) {
            return matchable(order);
          }
        }
        return undefined;
      },
    };
  };
  const round = await matchRound(
    { bids: side('buy'), asks: side('sell') },
    await Promise.all(arrived.map(matchable)),
    limits.fills,
  );
  for (const cursor of cursors) {
    await cursor.close();
  }
  more ||= round.stopped;
  const { fills } = round;

  // 4. Every seller's locked lots cover all of its fills.
  const sellerLots = new Map<string, Lot[]>();
  const sold = new Map<string, number>();
  for (const fill of fills) {
    sold.set(fill.sellOrderId, (sold.get(fill.sellOrderId) ?? 0) + fill.quantity);
  }
  for (const [id, quantity] of sold) {
    const sell = orders.get(id);
    if (sell !== undefined) {
      const locked = await lots.read(sell.accountId, sell.lockedLotIds);
      requireCovers(locked, quantity);
      sellerLots.set(id, locked);
    }
  }

  const unlist = async (order: Order): Promise<void> => {
    if (stage.get(order.id) === 'new') await book.removeNew(order);
    else await book.removeResting(order);
  };

  // 5. Expire the orders past their time: release their units or escrow.
  const expiredOrderIds: string[] = [];
  for (const order of expired) {
    await releaseOrder(lots, cash, order, await accountOf(order.accountId));
    await store.put(ObjectType.order, [order.accountId, order.id], {
      ...order,
      status: 'expired',
      escrow: '0',
      lockedLotIds: [],
      closedAt: now,
      closeReason: `expired at ${order.expiresAt}`,
    } satisfies Order);
    await unlist(order);
    expiredOrderIds.push(order.id);
  }

  // 6. Settle each fill: units from the seller's locked lots, funds from the buyer's escrow. Each fill writes
  // only what is its own (the buyer's new lot, the trade); what fills share — a seller's locked lots, an order,
  // an account's cash — is kept in memory and written once in step 7.
  const recorder = new TradeRecorder(ctx, store);
  const trades: PricedTrade[] = [];
  // Fen each account receives this round: sale proceeds (origin `trade`) and unused escrow (origin `release`).
  const credits = new Map<string, { proceeds: bigint; refunds: bigint }>();
  const creditOf = (accountId: string): { proceeds: bigint; refunds: bigint } => {
    const known = credits.get(accountId) ?? { proceeds: 0n, refunds: 0n };
    credits.set(accountId, known);
    return known;
  };
  const lockedAtStart = new Map(sellerLots);
  for (const fill of fills) {
    const buy = orders.get(fill.buyOrderId);
    const sell = orders.get(fill.sellOrderId);
    if (buy === undefined || sell === undefined) {
      continue; // cannot happen: fills only name loaded orders
    }
    const buyer = await accountOf(buy.accountId);
    const locked = sellerLots.get(sell.id) ?? [];
    const movement = await lots.deliverFrom(locked, buyer, fill.quantity, {
      status: 'held',
      origin: 'trade',
    });
    const stillLocked = [
      ...movement.remainders,
      ...locked.filter((lot) => !movement.spentLotIds.includes(lot.id)),
    ];
    sellerLots.set(sell.id, stillLocked);
    const paid = tradeValue(fill.price, fill.quantity);
    const held = tradeValue(buy.price, fill.quantity);
    creditOf(sell.accountId).proceeds += paid;
    creditOf(buy.accountId).refunds += held - paid;
    orders.set(
      buy.id,
      closeIfDone(
        { ...buy, remaining: buy.remaining - fill.quantity, escrow: formatFen(fenOf(buy.escrow) - held) },
        now,
      ),
    );
    orders.set(
      sell.id,
      closeIfDone(
        {
          ...sell,
          remaining: sell.remaining - fill.quantity,
          lockedLotIds: stillLocked.map((lot) => lot.id),
        },
        now,
      ),
    );
    trades.push(
      await recorder.recordPriced({
        kind: 'order-book',
        instrument: instrument.id,
        price: fill.price,
        quantity: fill.quantity,
        buyAccountId: buy.accountId,
        sellAccountId: sell.accountId,
        buyerEntityId: buy.entityId,
        sellerEntityId: sell.entityId,
        buyOrderId: buy.id,
        sellOrderId: sell.id,
        aggressor: fill.aggressor,
        deliveredLotIds: movement.moved.map((lot) => lot.id),
      }),
    );
  }

  // 7. Write each touched order and what is left of each seller's locked lots once; pay each account its
  // proceeds and its unused escrow in one cash entry each (the entry's transaction names the trades).
  const touched = new Set(fills.flatMap((fill) => [fill.buyOrderId, fill.sellOrderId]));
  for (const id of touched) {
    const order = orders.get(id);
    if (order === undefined) {
      continue;
    }
    await store.put(ObjectType.order, [order.accountId, order.id], order);
    if (order.status !== 'open') {
      await unlist(order);
    }
    const before = lockedAtStart.get(id);
    if (before !== undefined) {
      await lots.writeBack(before, sellerLots.get(id) ?? []);
    }
  }
  for (const [accountId, { proceeds, refunds }] of credits) {
    const account = await accountOf(accountId);
    const reference = `clearing ${instrument.id}`;
    if (proceeds > 0n) await cash.credit(account, proceeds, 'trade', reference);
    if (refunds > 0n) await cash.credit(account, refunds, 'release', reference);
  }
  await recorder.flush();

  // 8. New orders that had their turn and still rest enter the book; stale index entries go.
  for (const id of round.taken) {
    const order = orders.get(id);
    if (order?.status === 'open') {
      await book.rest(order);
    }
  }
  for (const key of staleKeys) {
    await book.removeKey(key);
  }
  return {
    instrument: instrument.id,
    cutoff,
    ordersConsidered: orders.size,
    trades,
    expiredOrderIds,
    more,
  };
}

function closeIfDone(order: Order, now: string): Order {
  return order.remaining === 0 ? { ...order, status: 'filled', closedAt: now, closeReason: 'filled' } : order;
}
