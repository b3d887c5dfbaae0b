import type { OrderSide } from './order';
import { compareText } from '../ledger/text-order';

/** What the matching engine needs to know about an open order. */
export interface MatchableOrder {
  readonly id: string;
  readonly entityId: string;
  readonly side: OrderSide;
  /** Limit, fen per tonne. */
  readonly price: number;
  readonly remaining: number;
  readonly placedAt: string;
  /** Inclusive limits the trade price must respect for this order today (its band: normal or block). */
  readonly band: { readonly low: number; readonly high: number };
  /** False while the order may not trade (e.g. its account is frozen): it keeps its place but is skipped. */
  readonly tradable: boolean;
}

/** One execution between an incoming (later) order and a resting (earlier) one. */
export interface Fill {
  readonly buyOrderId: string;
  readonly sellOrderId: string;
  readonly price: number;
  readonly quantity: number;
  /** The side of the later order, which took liquidity. */
  readonly aggressor: OrderSide;
}

/** Time priority: placement time, then order id (a tx id), so every peer orders ties the same way. */
export function byTime(a: MatchableOrder, b: MatchableOrder): number {
  return compareText(a.placedAt, b.placedAt) || compareText(a.id, b.id);
}

/** True when `candidate` has priority over `best` for an incoming order on `side`. */
function better(side: OrderSide, candidate: MatchableOrder, best: MatchableOrder): boolean {
  if (candidate.price !== best.price) {
    return side === 'buy' ? candidate.price < best.price : candidate.price > best.price;
  }
  return byTime(candidate, best) < 0;
}

/**
 * Continuous matching with price-time priority, replayed over the book in time order. Each order in turn meets
 * the earlier orders still resting on the other side: best price first, then earliest. The trade price is the
 * resting order's price (the incoming order gets any price improvement). A pair never trades when both orders
 * belong to the same entity (self-trade prevention: the resting order is skipped, both stay in the book) or when
 * the resting price lies outside either order's band for the trading day. Partial fills leave the rest resting.
 *
 * Replaying is idempotent: a book that was matched before has no crossing tradable pairs left, so only orders
 * placed since then can trade, exactly as if each had been matched on arrival.
 */
export function matchOrders(orders: readonly MatchableOrder[]): Fill[] {
  const remaining = new Map(orders.map((order) => [order.id, order.remaining]));
  const resting: MatchableOrder[] = [];
  const fills: Fill[] = [];
  for (const incoming of [...orders].sort(byTime)) {
    if (!incoming.tradable) {
      continue;
    }
    let left = remaining.get(incoming.id) ?? 0;
    while (left > 0) {
      let best: MatchableOrder | undefined;
      for (const candidate of resting) {
        const crosses =
          incoming.side === 'buy' ? candidate.price <= incoming.price : candidate.price >= incoming.price;
        if (
          candidate.side !== incoming.side &&
          (remaining.get(candidate.id) ?? 0) > 0 &&
          crosses &&
          candidate.entityId !== incoming.entityId &&
          candidate.price >= incoming.band.low &&
          candidate.price <= incoming.band.high &&
          candidate.price >= candidate.band.low &&
          candidate.price <= candidate.band.high &&
          (best === undefined || better(incoming.side, candidate, best))
        ) {
          best = candidate;
        }
      }
      if (best === undefined) {
        break;
      }
      const quantity = Math.min(left, remaining.get(best.id) ?? 0);
      left -= quantity;
      remaining.set(best.id, (remaining.get(best.id) ?? 0) - quantity);
      fills.push({
        buyOrderId: incoming.side === 'buy' ? incoming.id : best.id,
        sellOrderId: incoming.side === 'sell' ? incoming.id : best.id,
        price: best.price,
        quantity,
        aggressor: incoming.side,
      });
    }
    remaining.set(incoming.id, left);
    resting.push(incoming);
  }
  return fills;
}
