import { failedPrecondition, invalidArgument, type PriceBand } from '@carbon-ets/contract';
import type { Store } from '../ledger/store';
import { latestCloseBetween } from './close-index';
import { isBlock, type Instrument } from './instrument';
import { previousDays } from './trading-day';

/** Inclusive price limits of a band, fen per tonne (see the wire contract). */
export type { PriceBand };

/**
 * How far back a trading day looks for the previous close: covers weekends and the longest Chinese holidays.
 * The look-back is one range read of finished days' closes, which no transaction writes any more.
 */
export const CLOSE_LOOKBACK_DAYS = 15;

/** `reference ± basisPoints`, rounded inwards so the band is never wider than the rule. */
export function bandAround(reference: number, basisPoints: number): PriceBand {
  const ref = BigInt(reference);
  const low = (ref * BigInt(10_000 - basisPoints) + 9_999n) / 10_000n;
  const high = (ref * BigInt(10_000 + basisPoints)) / 10_000n;
  return { reference, low: Number(low < 1n ? 1n : low), high: Number(high), basisPoints };
}

/** The band an order of `quantity` tonnes trades in, around `reference`. */
export function bandFor(instrument: Instrument, reference: number, quantity: number): PriceBand {
  return bandAround(
    reference,
    isBlock(instrument, quantity) ? instrument.blockBandBasisPoints : instrument.bandBasisPoints,
  );
}

/**
 * The previous close for trading day `day`: the close of the latest earlier day with trades (within the
 * look-back), else the instrument's reference price. One bounded range read of the day-close index that ends
 * before today, so placing an order never conflicts with the clearing transactions that record today's close.
 */
export async function previousClose(store: Store, instrument: Instrument, day: string): Promise<number> {
  const window = previousDays(day, CLOSE_LOOKBACK_DAYS);
  const first = window[window.length - 1] ?? day;
  return (await latestCloseBetween(store.ctx, instrument.id, first, day)) ?? instrument.referencePrice;
}

/** Checks a limit price: whole fen, on the tick, and inside the band for the order's size. */
export function checkPrice(instrument: Instrument, band: PriceBand, price: number, field: string): void {
  if (price % instrument.tick !== 0) {
    throw invalidArgument(
      `${field} ${price} fen is off the tick: it must be a multiple of ${instrument.tick} fen`,
    );
  }
  if (price < band.low || price > band.high) {
    throw failedPrecondition(
      `${field} ${price} fen is outside the price band ${band.low}..${band.high} fen (±${band.basisPoints / 100} % of the previous close ${band.reference} fen)`,
    );
  }
}
