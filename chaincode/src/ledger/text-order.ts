/**
 * Orders strings by UTF-16 code units, the same on every peer. `localeCompare` follows the process's locale
 * (ICU and `LANG`), so two endorsers started with different locales could pick different lots or orders and
 * produce different write sets.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
