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

/** True when a resting order at `restingPrice` crosses an incoming limit of `limit` on `side`. */
function crosses(side: OrderSide, limit: number, restingPrice: number): boolean {
  return side === 'buy' ? restingPrice <= limit : restingPrice >= limit;
}

/** True when `resting` may trade with `incoming` at the resting price: the rules besides price priority. */
function mayTrade(incoming: MatchableOrder, resting: MatchableOrder, left: number): boolean {
  return (
    resting.side !== incoming.side &&
    resting.tradable &&
    left > 0 &&
    crosses(incoming.side, incoming.price, resting.price) &&
    resting.entityId !== incoming.entityId &&
    resting.price >= incoming.band.low &&
    resting.price <= incoming.band.high &&
    resting.price >= resting.band.low &&
    resting.price <= resting.band.high
  );
}

/**
 * Continuous matching with price-time priority, replayed over the book in time order. Each order in turn meets
 * the earlier orders still resting on the other side: best price first, then earliest. The trade price is the
 * resting order's price (the incoming order gets any price improvement). A pair never trades when both orders
 * belong to the same entity (self-trade prevention: the resting order is skipped, both stay in the book) or when
 * the resting price lies outside either order's band for the trading day. Partial fills leave the rest resting.
 * Stops after `maxFills` fills.
 *
 * Replaying is idempotent: a book that was matched before has no crossing tradable pairs left, so only orders
 * placed since then can trade, exactly as if each had been matched on arrival.
 */
export function matchOrders(orders: readonly MatchableOrder[], maxFills = Infinity): Fill[] {
  const remaining = new Map(orders.map((order) => [order.id, order.remaining]));
  const resting: MatchableOrder[] = [];
  const fills: Fill[] = [];
  for (const incoming of [...orders].sort(byTime)) {
    if (!incoming.tradable) {
      continue;
    }
    let left = remaining.get(incoming.id) ?? 0;
    while (left > 0 && fills.length < maxFills) {
      let best: MatchableOrder | undefined;
      for (const candidate of resting) {
        if (
          mayTrade(incoming, candidate, remaining.get(candidate.id) ?? 0) &&
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
      fills.push(fillOf(incoming, best, quantity));
    }
    remaining.set(incoming.id, left);
    resting.push(incoming);
  }
  return fills;
}

function fillOf(incoming: MatchableOrder, resting: MatchableOrder, quantity: number): Fill {
  return {
    buyOrderId: incoming.side === 'buy' ? incoming.id : resting.id,
    sellOrderId: incoming.side === 'sell' ? incoming.id : resting.id,
    price: resting.price,
    quantity,
    aggressor: incoming.side,
  };
}

/** One side of the resting book, read lazily best first (price priority, then time, then id). */
export interface BookSideCursor {
  /** The next resting order, or undefined when the side (or the round's read budget) is exhausted. */
  next(): Promise<MatchableOrder | undefined>;
}

/** Book order of one side: best price first (highest bid, lowest ask), then time priority. */
export function byPriority(a: MatchableOrder, b: MatchableOrder): number {
  if (a.price !== b.price) {
    return a.side === 'buy' ? b.price - a.price : a.price - b.price;
  }
  return byTime(a, b);
}

/**
 * What the round knows of one side: the orders read so far from the stored book plus the round's new orders
 * that came to rest, in book order. Unread stored orders all sort after `last`, the last one read, so a known
 * order sorting after `last` may be preceded by unread ones: {@link needsRead} says when to read on first.
 */
class SideView {
  readonly known: MatchableOrder[] = [];
  private last: MatchableOrder | undefined;
  private exhausted = false;

  constructor(private readonly cursor: BookSideCursor) {}

  /** Reads the next stored order into the view; false once the side is exhausted. */
  async read(): Promise<boolean> {
    if (this.exhausted) {
      return false;
    }
    const order = await this.cursor.next();
    if (order === undefined) {
      this.exhausted = true;
      return false;
    }
    this.insert(order);
    this.last = order;
    return true;
  }

  insert(order: MatchableOrder): void {
    const at = this.known.findIndex((other) => byPriority(order, other) < 0);
    this.known.splice(at === -1 ? this.known.length : at, 0, order);
  }

  needsRead(order: MatchableOrder | undefined): boolean {
    return (
      !this.exhausted && (order === undefined || this.last === undefined || byPriority(order, this.last) > 0)
    );
  }

  /** The last stored order read still crosses `limit` (a price of the other side): more may cross. */
  lastCrosses(otherSide: OrderSide, limit: number): boolean {
    return !this.exhausted && (this.last === undefined || crosses(otherSide, limit, this.last.price));
  }
}

/** What a clearing round matched, and how far it got. */
export interface RoundResult {
  readonly fills: Fill[];
  /** The new orders that had their whole turn; the others wait in line for the next round. */
  readonly taken: readonly string[];
  /** The round stopped at `maxFills` with work possibly left. */
  readonly stopped: boolean;
}

/**
 * One clearing round over a resting book read lazily from the best prices, plus new orders. First the crossing
 * part of the resting book — normally empty; it holds pairs that could not trade before (an account frozen
 * since unfrozen, a band that moved with the previous close) — is read until the best bid read is below the
 * best ask read and replayed with {@link matchOrders}. Then each new order in time order meets the resting
 * orders and the earlier new ones with price-time priority (see {@link matchOrders} for the trade rules); the
 * opposite side is read only as far as the order still crosses and finds nothing it may trade with. So the
 * reads follow what crosses, never the depth of the book. A new order counts as arriving after the resting
 * book — the order in which the ledger took them in — even if a late commit gave it an earlier placement time.
 */
export async function matchRound(
  book: { readonly bids: BookSideCursor; readonly asks: BookSideCursor },
  newOrders: readonly MatchableOrder[],
  maxFills: number,
): Promise<RoundResult> {
  const views = { buy: new SideView(book.bids), sell: new SideView(book.asks) };
  const remaining = new Map<string, number>();
  const left = (order: MatchableOrder): number => remaining.get(order.id) ?? order.remaining;

  // 1. The crossing part of the resting book: bids at or above the lowest ask, asks at or below the highest bid.
  await views.buy.read();
  await views.sell.read();
  for (let reading = true; reading;) {
    reading = false;
    const lowestAsk = views.sell.known[0]?.price;
    const highestBid = views.buy.known[0]?.price;
    if (lowestAsk !== undefined && views.buy.lastCrosses('sell', lowestAsk)) {
      reading = (await views.buy.read()) || reading;
    }
    if (highestBid !== undefined && views.sell.lastCrosses('buy', highestBid)) {
      reading = (await views.sell.read()) || reading;
    }
  }
  const lowestAsk = views.sell.known[0]?.price ?? Infinity;
  const highestBid = views.buy.known[0]?.price ?? -Infinity;
  const crossing = [
    ...views.buy.known.filter((order) => order.price >= lowestAsk),
    ...views.sell.known.filter((order) => order.price <= highestBid),
  ];
  const fills = crossing.length > 1 ? matchOrders(crossing, maxFills) : [];
  for (const fill of fills) {
    for (const id of [fill.buyOrderId, fill.sellOrderId]) {
      const order = crossing.find((o) => o.id === id);
      if (order !== undefined) remaining.set(id, left(order) - fill.quantity);
    }
  }
  if (fills.length >= maxFills) {
    return { fills, taken: [], stopped: true };
  }

  // 2. New orders in time order, each against the book as it stands.
  const ordered = [...newOrders].sort(byTime);
  const taken: string[] = [];
  for (const incoming of ordered) {
    const opposite = views[incoming.side === 'buy' ? 'sell' : 'buy'];
    while (incoming.tradable && left(incoming) > 0) {
      if (fills.length >= maxFills) {
        return { fills, taken, stopped: true };
      }
      const best = await bestResting(opposite, incoming, left);
      if (best === undefined) {
        break;
      }
      const quantity = Math.min(left(incoming), left(best));
      remaining.set(incoming.id, left(incoming) - quantity);
      remaining.set(best.id, left(best) - quantity);
      fills.push(fillOf(incoming, best, quantity));
    }
    if (left(incoming) > 0) {
      views[incoming.side].insert(incoming);
    }
    taken.push(incoming.id);
  }
  return { fills, taken, stopped: false };
}

/**
 * The resting order `incoming` trades with next: the first in book order it may trade with. Known orders are
 * walked in book order, reading stored ones on demand; the walk ends at the first price that does not cross.
 */
async function bestResting(
  view: SideView,
  incoming: MatchableOrder,
  left: (order: MatchableOrder) => number,
): Promise<MatchableOrder | undefined> {
  for (let i = 0; ;) {
    const candidate = view.known[i];
    if (view.needsRead(candidate) && (await view.read())) {
      continue; // what was read may sort at position i: look again
    }
    if (candidate === undefined || !crosses(incoming.side, incoming.price, candidate.price)) {
      return undefined;
    }
    if (mayTrade(incoming, candidate, left(candidate))) {
      return candidate;
    }
    i += 1;
  }
}
