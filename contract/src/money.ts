import { invalidArgument } from './refusal';
import { NumberLiteral, sendAsDecimalString } from './exact-json';

/**
 * Money is integer minor units (fen for CNY: 1 CNY = 100 fen), held as bigint in code and as decimal strings
 * on the ledger and in JSON, since balances and trade values (price × quantity) may exceed 2^53.
 */
export type Fen = bigint;

/** Largest amount accepted from a client: 10^24 fen, far above any national money supply. */
const MAX_DIGITS = 24;

/** Parses a positive amount in fen from a decimal string (`"150000"`) or a safe-integer JSON number. */
export function parseAmount(value: unknown, field: string): Fen {
  let text: string;
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    text = String(value);
  } else if (typeof value === 'string') {
    text = value;
  } else if (value instanceof NumberLiteral) {
    if (/^[0-9]+$/.test(value.text)) {
      throw sendAsDecimalString(field, value);
    }
    text = value.text; // refused below, with the literal as written
  } else {
    throw invalidArgument(`${field} must be a whole number of fen as a decimal string such as "150000"`);
  }
  if (!/^[0-9]+$/.test(text)) {
    throw invalidArgument(
      `${field} must be a whole number of fen (no sign, decimals or exponent), got "${text}"`,
    );
  }
  if (text.replace(/^0+/, '').length > MAX_DIGITS) {
    throw invalidArgument(`${field} is too large (at most ${MAX_DIGITS} digits)`);
  }
  const amount = BigInt(text);
  if (amount === 0n) {
    throw invalidArgument(`${field} must be greater than zero`);
  }
  return amount;
}

/** Reads an amount stored on the ledger by {@link formatFen}. */
export function fenOf(stored: string): Fen {
  return BigInt(stored);
}

/** Canonical ledger text of an amount. */
export function formatFen(amount: Fen): string {
  return amount.toString();
}

/** Value of `quantity` tonnes at `price` fen per tonne, exactly. */
export function tradeValue(price: number, quantity: number): Fen {
  return BigInt(price) * BigInt(quantity);
}
