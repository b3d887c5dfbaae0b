/** Fen (minor units) as `CNY 1,234.56`: thousands separators, two decimals, the currency named. */
export function formatMoney(minor: bigint | number | string, currency = 'CNY'): string {
  const value = BigInt(minor);
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  const whole = (magnitude / 100n).toLocaleString('en-US');
  const cents = String(magnitude % 100n).padStart(2, '0');
  return `${sign}${currency} ${whole}.${cents}`;
}

/** A price per tonne in fen as `60.50` (the currency shown beside it). */
export function formatPrice(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Whole tonnes with thousands separators: `12,345 t`. */
export function formatTonnes(tonnes: number): string {
  return `${tonnes.toLocaleString('en-US')} t`;
}

/** Whole MWh with thousands separators: `1,500 MWh` (green certificates: 1 MWh each). */
export function formatMwh(mwh: number): string {
  return `${mwh.toLocaleString('en-US')} MWh`;
}

/** Whole kg as tonnes to the kg: `1,092,749` → `1,092.749 t` (integer arithmetic, nothing rounded). */
export function formatKgAsTonnes(kg: number): string {
  const magnitude = Math.abs(kg);
  const grams = String(magnitude % 1000).padStart(3, '0');
  return `${kg < 0 ? '-' : ''}${Math.floor(magnitude / 1000).toLocaleString('en-US')}.${grams} t`;
}

/**
 * Basis points as a percentage with two decimals: `9548` → `95.48 %`, `-25` → `-0.25 %`; a difference of two
 * percentages reads in percentage points (`unit` `pp`).
 */
export function formatBasisPoints(basisPoints: number, unit: '%' | 'pp' = '%'): string {
  const magnitude = Math.abs(basisPoints);
  const hundredths = String(magnitude % 100).padStart(2, '0');
  return `${basisPoints < 0 ? '-' : ''}${Math.floor(magnitude / 100).toLocaleString('en-US')}.${hundredths} ${unit}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month of the year (1–12) by its short name: `2` → `Feb`. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** `60.50` typed by a user → 6050 fen; undefined unless it is a positive amount with at most two decimals. */
export function parsePrice(text: string): number | undefined {
  const match = /^\s*([0-9]{1,9})(?:\.([0-9]{1,2}))?\s*$/.exec(text);
  if (match === null) return undefined;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : undefined;
}

/** An ISO instant in the user's locale; its UTC form is the element's title (shown on hover). */
export function localTime(iso: string | undefined | null): { text: string; title: string } {
  if (iso === undefined || iso === null || iso === '') return { text: '–', title: '' };
  const date = new Date(iso);
  return { text: date.toLocaleString(), title: `${date.toISOString().replace('T', ' ').slice(0, 19)} UTC` };
}
