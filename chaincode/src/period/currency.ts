import { invalidArgument } from '../errors';

/**
 * The currency of a period that does not name one: the Chinese national ETS trades and fines in yuan. A
 * period's prices, settlement funds and penalties are all integer minor units of its one currency.
 */
export const DEFAULT_CURRENCY = 'CNY';

/** An ISO 4217 alphabetic code: three capital letters (`CNY`, `EUR`). */
const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Parses a currency code; a lowercase or longer code is refused rather than guessed at. */
export function parseCurrency(value: unknown, field: string): string {
  if (typeof value !== 'string' || !CURRENCY_CODE.test(value)) {
    throw invalidArgument(`${field} must be an ISO 4217 currency code of three capital letters, e.g. CNY`);
  }
  return value;
}
