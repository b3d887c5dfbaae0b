import type { Context } from 'fabric-contract-api';
import { CashLedger } from '../funds/cash-ledger';
import {
  type ClearingResult,
  fenOf,
  formatFen,
  invalidArgument,
  type Market,
  type ParsedRequestOf,
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
import { matchOrders, type MatchableOrder } from './matching';
import { isLive, type Order } from './order';
import { OrderBookIndex } from './order-book';
import { bandFor, previousClose } from './price-band';
import { requireInstrument, requireMarketOpen } from './supervision';
import { TradeRecorder } from './settlement';
import { tradingDay } from './trading-day';

/** What one clearing transaction did (see the wire contract). */
export type { ClearingResult };

/**
 * Clears one instrument's book: expires orders past their time, matches the open orders placed before `cutoff`
 * (see {@link matchOrders}) and settles every fill delivery-versus-payment in this same transaction — the
 * seller's locked lots move to the buyer, the buyer's escrow pays the seller, price improvement goes back to
 * the buyer. Request: `{ instrument, cutoff? }` (cutoff ≤ the tx time; default the tx time).
 */
export async function clearInstrument(
  ctx: Context,
  request: ParsedRequestOf<typeof Market.match>,
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

  // Everything is read and checked (steps 1–3) before anything is written (steps 4–6): a clearing that fails
  // has attempted no write.
  // 1. Load the book up to the cutoff; note what is past its time.
  const orders = new Map<string, Order>();
  const expired: Order[] = [];
  for (const entry of await book.list(instrument.id, cutoff)) {
    const order = await store.get<Order>(ObjectType.order, [entry.accountId, entry.orderId]);
    if (order?.status !== 'open') {
      continue;
    }
    await accountOf(order.accountId);
    if (isLive(order, now)) {
      orders.set(order.id, order);
    } else {
      expired.push(order);
    }
  }

  // 2. Match: every order's band is today's, around the previous close.
  const reference = await previousClose(store, instrument, tradingDay(now));
  const matchable: MatchableOrder[] = [];
  for (const order of orders.values()) {
    const band = bandFor(instrument, reference, order.quantity);
    matchable.push({
      id: order.id,
      entityId: order.entityId,
      side: order.side,
      price: order.price,
      remaining: order.remaining,
      placedAt: order.placedAt,
      band,
      // A frozen account's orders keep their place but do not trade.
      tradable: (await accountOf(order.accountId)).status === 'open',
    });
  }
  const fills = matchOrders(matchable);

  // 3. Every seller's locked lots cover all of its fills.
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

  // 4. Expire the orders past their time: release their units or escrow.
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
    await book.remove(order);
    expiredOrderIds.push(order.id);
  }

  // 5. Settle each fill: units from the seller's locked lots, funds from the buyer's escrow.
  const recorder = new TradeRecorder(ctx, store);
  const proceeds = new Map<string, bigint>();
  const refunds = new Map<string, bigint>();
  for (const fill of fills) {
    const buy = orders.get(fill.buyOrderId);
    const sell = orders.get(fill.sellOrderId);
    if (buy === undefined || sell === undefined) {
      continue; // cannot happen: fills only name loaded orders
    }
    const buyer = await accountOf(buy.accountId);
    const locked = sellerLots.get(sell.id) ?? (await lots.read(sell.accountId, sell.lockedLotIds));
    const movement = await lots.moveFrom(locked, buyer, fill.quantity, { status: 'held', origin: 'trade' });
    const stillLocked = [
      ...movement.remainders,
      ...locked.filter((lot) => !movement.spentLotIds.includes(lot.id)),
    ];
    sellerLots.set(sell.id, stillLocked);
    const paid = tradeValue(fill.price, fill.quantity);
    const held = tradeValue(buy.price, fill.quantity);
    proceeds.set(sell.id, (proceeds.get(sell.id) ?? 0n) + paid);
    refunds.set(buy.id, (refunds.get(buy.id) ?? 0n) + (held - paid));
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
    await recorder.record({
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
    });
  }

  // 6. Write each touched order once, pay sellers and refund price improvement, one cash entry per order.
  const touched = new Set(fills.flatMap((fill) => [fill.buyOrderId, fill.sellOrderId]));
  for (const id of touched) {
    const order = orders.get(id);
    if (order === undefined) {
      continue;
    }
    await store.put(ObjectType.order, [order.accountId, order.id], order);
    if (order.status !== 'open') {
      await book.remove(order);
    }
    const account = await accountOf(order.accountId);
    const amount = order.side === 'sell' ? proceeds.get(id) : refunds.get(id);
    if (amount !== undefined && amount > 0n) {
      await cash.credit(account, amount, order.side === 'sell' ? 'trade' : 'release', order.id);
    }
  }
  await recorder.flush();
  return {
    instrument: instrument.id,
    cutoff,
    ordersConsidered: orders.size,
    trades: recorder.trades,
    expiredOrderIds,
  };
}

function closeIfDone(order: Order, now: string): Order {
  return order.remaining === 0 ? { ...order, status: 'filled', closedAt: now, closeReason: 'filled' } : order;
}
