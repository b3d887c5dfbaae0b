import type { Context } from 'fabric-contract-api';
import { CashLedger } from '../funds/cash-ledger';
import { fundsOf } from '../funds/account-funds';
import { ObjectType } from '../ledger/keys';
import { addQuantities, type DepthLevel, type OrderBook, type Position } from '@carbon-ets/contract';
import type { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import type { Lot } from '../units/lot';
import type { Instrument } from './instrument';
import { isLive, type Order } from './order';
import { OrderBookIndex } from './order-book';
import { bandFor, previousClose } from './price-band';
import { tradingDay } from './trading-day';

/** One price level of the book (see the wire contract). */
export type { DepthLevel };

function levels(orders: readonly Order[], descending: boolean): DepthLevel[] {
  const byPrice = new Map<number, { quantity: number; orders: number }>();
  for (const order of orders) {
    const level = byPrice.get(order.price) ?? { quantity: 0, orders: 0 };
    byPrice.set(order.price, {
      quantity: addQuantities(level.quantity, order.remaining),
      orders: level.orders + 1,
    });
  }
  return [...byPrice.entries()]
    .sort(([a], [b]) => (descending ? b - a : a - b))
    .map(([price, level]) => ({ price, ...level }));
}

/** Live orders of an instrument's book (open and not yet past their expiry). */
export async function liveOrders(ctx: Context, store: Store, instrument: string): Promise<Order[]> {
  const now = txTime(ctx);
  const orders: Order[] = [];
  for (const entry of await new OrderBookIndex(ctx).list(instrument)) {
    const order = await store.get<Order>(ObjectType.order, [entry.accountId, entry.orderId]);
    if (order !== undefined && isLive(order, now)) {
      orders.push(order);
    }
  }
  return orders;
}

/** Order book depth: bids best (highest) first, asks best (lowest) first, plus today's band. */
export async function orderBookDepth(ctx: Context, store: Store, instrument: Instrument): Promise<OrderBook> {
  const orders = await liveOrders(ctx, store, instrument.id);
  const reference = await previousClose(store, instrument, tradingDay(txTime(ctx)));
  return {
    instrument: instrument.id,
    previousClose: reference,
    band: bandFor(instrument, reference, instrument.minQuantity),
    blockBand: bandFor(instrument, reference, instrument.blockThreshold),
    bids: levels(
      orders.filter((o) => o.side === 'buy'),
      true,
    ),
    asks: levels(
      orders.filter((o) => o.side === 'sell'),
      false,
    ),
  };
}

/** An account's market position: open orders, locked units and funds. */
export async function accountPosition(ctx: Context, store: Store, accountId: string): Promise<Position> {
  const orders = (await store.list<Order>(ObjectType.order, [accountId])).map((kv) => kv.value);
  const lots = (await store.list<Lot>(ObjectType.lot, [accountId])).map((kv) => kv.value);
  const lockedLots = lots.filter((lot) => lot.lockedBy !== undefined);
  return {
    accountId,
    openOrders: orders.filter((order) => order.status === 'open'),
    lockedUnits: lockedLots.reduce((sum, lot) => addQuantities(sum, lot.quantity), 0),
    lockedLots: lockedLots.map((lot) => ({
      id: lot.id,
      unitType: lot.unitType,
      vintage: lot.vintage,
      quantity: lot.quantity,
      lockedBy: lot.lockedBy ?? '',
    })),
    funds: await fundsOf(store, new CashLedger(ctx, store), accountId),
  };
}
