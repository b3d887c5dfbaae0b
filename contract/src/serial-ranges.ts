import { addQuantities } from './quantity';
import type { Lot, SerialRange } from './units';

/**
 * The most serial ranges one lot carries: a consolidated lot's document stays small (about 30 bytes a range)
 * however scattered the serials it holds, and splitting it never makes a piece with more ranges than it had.
 */
export const MAX_SERIAL_RANGES = 256;

/** The serials a lot holds, as ascending ranges (one range unless the lot carries `serialRanges`). */
export function serialRangesOf(
  lot: Pick<Lot, 'serialStart' | 'serialEnd' | 'serialRanges'>,
): readonly SerialRange[] {
  return lot.serialRanges ?? [{ start: lot.serialStart, end: lot.serialEnd }];
}

/** How many serials `ranges` hold. */
export function serialCount(ranges: readonly SerialRange[]): number {
  return ranges.reduce((sum, range) => addQuantities(sum, range.end - range.start + 1), 0);
}

/**
 * A lot's serial fields for `ranges` (ascending, non-empty): `serialRanges` only when there are two or more, and
 * explicitly `undefined` otherwise so that a lot shrunk back to one range loses the field when it is written.
 */
export function serialFields(ranges: readonly SerialRange[]): Pick<
  Lot,
  'serialStart' | 'serialEnd' | 'quantity'
> & {
  serialRanges: readonly SerialRange[] | undefined;
} {
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (first === undefined || last === undefined) {
    throw new RangeError('a lot holds at least one serial');
  }
  return {
    serialStart: first.start,
    serialEnd: last.end,
    serialRanges: ranges.length > 1 ? ranges : undefined,
    quantity: serialCount(ranges),
  };
}

/** The lowest `quantity` serials of `ranges` and what is left; `quantity` is at most what they hold. */
export function takeLowestSerials(
  ranges: readonly SerialRange[],
  quantity: number,
): { readonly taken: SerialRange[]; readonly rest: SerialRange[] } {
  const taken: SerialRange[] = [];
  const rest: SerialRange[] = [];
  let remaining = quantity;
  for (const range of ranges) {
    const size = range.end - range.start + 1;
    if (remaining >= size) {
      taken.push(range);
      remaining -= size;
    } else if (remaining > 0) {
      taken.push({ start: range.start, end: range.start + remaining - 1 });
      rest.push({ start: range.start + remaining, end: range.end });
      remaining = 0;
    } else {
      rest.push(range);
    }
  }
  if (remaining > 0) {
    throw new RangeError(`the serial ranges hold ${serialCount(ranges)} serials, ${quantity} asked`);
  }
  return { taken, rest };
}

/** Two lots claim the same serial: the ledger's conservation of units is broken, nothing may be merged. */
export class SerialOverlapError extends Error {
  constructor(
    readonly a: SerialRange,
    readonly b: SerialRange,
  ) {
    super(
      `serials ${a.start}-${a.end} and ${b.start}-${b.end} overlap: a serial is held twice; run \`carbon audit reconcile\` and report it`,
    );
    this.name = 'SerialOverlapError';
  }
}

/** The union of disjoint serial ranges, ascending, with touching ranges joined (`1-5` and `6-9` give `1-9`). */
export function mergeSerialRanges(ranges: readonly SerialRange[]): SerialRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: SerialRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) {
      throw new SerialOverlapError(last, range);
    }
    if (last !== undefined && range.start === last.end + 1) {
      merged[merged.length - 1] = { start: last.start, end: range.end };
    } else {
      merged.push(range);
    }
  }
  return merged;
}

/** A lot's serials for people: `1-500` or `1-5, 9-12`. */
export function formatSerials(lot: Pick<Lot, 'serialStart' | 'serialEnd' | 'serialRanges'>): string {
  return serialRangesOf(lot)
    .map((range) => (range.start === range.end ? String(range.start) : `${range.start}-${range.end}`))
    .join(', ');
}
