/**
 * Money as people type and read it, and as the ledger keeps it. The ledger holds integer minor units of the
 * period's currency (fen, cents); people type and read the currency's two decimals (`60.50`). The conversion
 * is done on the decimal text with bigint, never through a floating-point number, so every amount converts
 * exactly, however large.
 */

/** The currency of a period that names none (as the chaincode's default). */
export const DEFAULT_CURRENCY = 'CNY';

/** Every currency of the scheme has two decimals: 100 minor units (fen, cents) to the unit. */
const MINOR_PER_UNIT = 100n;

/** An ISO 4217 alphabetic code: three capital letters. */
const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Plain digits with at most two decimals: no sign, exponent, separator or currency symbol. */
const AMOUNT = /^([0-9]+)(?:\.([0-9]{1,2}))?$/;

/** A text that is not an amount of money as this module accepts it; its message is one line for a user. */
export class InvalidMoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidMoneyError';
  }
}

/**
 * Parses an amount typed with at most two decimals into minor units: `60.50` → 6050n, `60.5` → 6050n,
 * `60` → 6000n. A sign, an exponent, a third decimal, separators or a currency symbol are refused rather than
 * rounded or guessed at. `what` names the amount in the message (e.g. `--price`).
 */
export function parseMoney(text: string, what: string): bigint {
  const match = AMOUNT.exec(text);
  if (match?.[1] === undefined) {
    // JSON quoting keeps the message on one line whatever was typed.
    throw new InvalidMoneyError(`${what} ${problemWith(text)}, got ${JSON.stringify(text)}`);
  }
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return BigInt(match[1]) * MINOR_PER_UNIT + BigInt(fraction);
}

/** Why `text` is not an amount, in the words a user needs to fix it. */
function problemWith(text: string): string {
  if (/^[0-9]+\.[0-9]{3,}$/.test(text)) {
    return 'has more than two decimals (the smallest amount is 0.01)';
  }
  if (/^[+-]/.test(text)) {
    return 'takes no sign: write the amount as digits with at most two decimals, e.g. 60.50';
  }
  return 'must be an amount with at most two decimals, e.g. 60.50 (digits only: no exponent or separators)';
}

/**
 * Minor units as a safe-integer number, for request fields the chaincode takes as JSON numbers (prices,
 * ticks, penalties per tonne); a larger amount is refused instead of losing precision.
 */
export function minorUnitsAsNumber(minor: bigint, what: string): number {
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidMoneyError(`${what} is too large (at most ${formatMoney(Number.MAX_SAFE_INTEGER)})`);
  }
  return Number(minor);
}

/**
 * Minor units from the ledger (a bigint, a safe-integer number or a decimal string) with two decimals:
 * 6050 → `60.50`, -120 → `-1.20`. No grouping separators, so what is printed can be typed back.
 */
export function formatMoney(minor: bigint | number | string): string {
  const value = toBigInt(minor);
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  const fraction = (magnitude % MINOR_PER_UNIT).toString().padStart(2, '0');
  return `${sign}${(magnitude / MINOR_PER_UNIT).toString()}.${fraction}`;
}

/** Minor units with their currency code, as people read an amount: `CNY 60.50`. */
export function formatAmount(minor: bigint | number | string, currency: string): string {
  return `${currency} ${formatMoney(minor)}`;
}

/** Parses a currency code (`CNY`, `EUR`): three capital letters, as the chaincode requires. */
export function parseCurrency(text: string, what: string): string {
  if (!CURRENCY_CODE.test(text)) {
    throw new InvalidMoneyError(
      `${what} must be an ISO 4217 currency code of three capital letters, e.g. CNY`,
    );
  }
  return text;
}

function toBigInt(minor: bigint | number | string): bigint {
  if (typeof minor === 'bigint') return minor;
  if (typeof minor === 'number') {
    if (!Number.isSafeInteger(minor)) {
      throw new InvalidMoneyError(`${String(minor)} is not a whole number of minor units`);
    }
    return BigInt(minor);
  }
  if (!/^-?[0-9]+$/.test(minor)) {
    throw new InvalidMoneyError(`${JSON.stringify(minor)} is not a whole number of minor units`);
  }
  return BigInt(minor);
}
