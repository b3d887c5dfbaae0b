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
