import type { AuctionCancellation } from '@carbon-ets/contract';
import { addQuantities } from '@carbon-ets/contract';
import { compareText } from '../ledger/text-order';

/** A revealed bid as clearing sees it. */
export interface RevealedBid {
  /** The committing transaction's id. */
  readonly id: string;
  /** The bidder: the most one entity may win is the auction's `maxPerBidder`. */
  readonly entityId: string;
  /** Fen per tonne. */
  readonly price: number;
  /** Whole tonnes. */
  readonly quantity: number;
}

/** What an auction offers, as clearing sees it. */
export interface AuctionTerms {
  readonly quantity: number;
  /** Fen per tonne. */
  readonly reservePrice: number;
  /** Whole tonnes: the most one bidder may win. */
  readonly maxPerBidder: number;
}

/** One bid's allocation: whole tonnes, at the clearing price. */
export interface BidAllocation {
  readonly bidId: string;
  readonly quantity: number;
}

/** The outcome of clearing: sold at one price, or cancelled (nothing sold). */
export type ClearingOutcome =
  | {
      readonly kind: 'cleared';
      /** Fen per tonne: the lowest accepted bid's price. */
      readonly clearingPrice: number;
      /** Tonnes bid in all, after the per-bidder cap. */
      readonly demand: number;
      /** Bids that won something, by ascending bid id; the quantities add up to the auction's. */
      readonly allocations: readonly BidAllocation[];
    }
  | {
      readonly kind: 'cancelled';
      readonly cancellation: AuctionCancellation;
      readonly demand: number;
      /** The price the auction would have cleared at (below reserve only). */
      readonly clearingPrice?: number;
    };

/** Highest price first; at one price, ascending bid id (the committing tx id). */
function byPriceThenId(a: RevealedBid, b: RevealedBid): number {
  return b.price - a.price || compareText(a.id, b.id);
}

/**
 * Each bidder's bids as counted: an entity's bids, best price first, count only up to `maxPerBidder` tonnes in
 * all (the reveal already refuses more; this keeps the rule whatever the input).
 */
function cappedBids(bids: readonly RevealedBid[], maxPerBidder: number): RevealedBid[] {
  const taken = new Map<string, number>();
  const capped: RevealedBid[] = [];
  for (const bid of [...bids].sort(byPriceThenId)) {
    const already = taken.get(bid.entityId) ?? 0;
    const quantity = Math.min(bid.quantity, maxPerBidder - already);
    if (quantity > 0) {
      taken.set(bid.entityId, already + quantity);
      capped.push({ ...bid, quantity });
    }
  }
  return capped;
}

/**
 * Clears a sealed-bid, uniform-price auction: a pure function of the revealed bids, so every peer computes the
 * same result whatever order it read them in.
 *
 * - Bids are ranked by price, highest first, and filled until the quantity is reached. The clearing price is
 *   the price of the lowest accepted bid; every winner pays it.
 * - Revealed demand below the quantity: cancelled, `undersubscribed`. A clearing price below the reserve:
 *   cancelled, `below-reserve`.
 * - Bids above the clearing price are filled in full. The tonnes left for the bids at the clearing price are
 *   shared pro rata to their quantities, rounded down; the few tonnes the rounding leaves (fewer than the
 *   bids at that price) go one each to those bids in ascending bid id (committing tx id) order.
 * - No bidder wins more than `maxPerBidder` tonnes: its bids count only up to that many (best price first).
 */
export function clearBids(terms: AuctionTerms, bids: readonly RevealedBid[]): ClearingOutcome {
  const ranked = cappedBids(bids, terms.maxPerBidder);
  const demand = ranked.reduce((sum, bid) => addQuantities(sum, bid.quantity), 0);
  if (demand < terms.quantity) {
    return { kind: 'cancelled', cancellation: 'undersubscribed', demand };
  }
  // Group the ranked bids by price, then walk down the levels until the quantity is reached: that level's
  // price clears.
  const levels: RevealedBid[][] = [];
  for (const bid of ranked) {
    const last = levels.at(-1);
    if (last?.[0]?.price === bid.price) last.push(bid);
    else levels.push([bid]);
  }
  const total = (group: readonly RevealedBid[]): number =>
    group.reduce((sum, bid) => addQuantities(sum, bid.quantity), 0);
  let above = 0;
  let level: readonly RevealedBid[] = [];
  for (const candidate of levels) {
    if (above + total(candidate) >= terms.quantity) {
      level = candidate;
      break;
    }
    above += total(candidate);
  }
  const clearingPrice = level[0]?.price ?? 0;
  if (clearingPrice < terms.reservePrice) {
    return { kind: 'cancelled', cancellation: 'below-reserve', demand, clearingPrice };
  }
  const allocations = new Map<string, number>();
  for (const bid of ranked) {
    if (bid.price > clearingPrice) allocations.set(bid.id, bid.quantity);
  }
  const left = terms.quantity - above;
  const levelQuantity = total(level);
  // Pro rata in bigint: left × quantity may exceed 2^53.
  let shared = 0;
  for (const bid of level) {
    const share = Number((BigInt(left) * BigInt(bid.quantity)) / BigInt(levelQuantity));
    allocations.set(bid.id, share);
    shared += share;
  }
  // Fewer tonnes remain than bids at the level, and each of them got less than it asked (left < level's
  // quantity whenever anything remains), so one pass in bid id order places them all.
  const byId = [...level].sort((a, b) => compareText(a.id, b.id));
  for (const bid of byId.slice(0, left - shared)) {
    allocations.set(bid.id, (allocations.get(bid.id) ?? 0) + 1);
  }
  return {
    kind: 'cleared',
    clearingPrice,
    demand,
    allocations: [...allocations]
      .filter(([, quantity]) => quantity > 0)
      .map(([bidId, quantity]) => ({ bidId, quantity }))
      .sort((a, b) => compareText(a.bidId, b.bidId)),
  };
}
