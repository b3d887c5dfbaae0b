import { invalidArgument } from './refusal';
import { beyondSafeRange, NumberLiteral, sendAsDecimalString } from './exact-json';

/**
 * An exact non-negative decimal: `units / 10^scale`. Factors such as an NCV of 48.0 GJ/t or a grid factor of
 * 0.5703 t/MWh are stored as decimal strings on the ledger and multiplied as bigints, so no binary float ever
 * touches a quantity.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Longest fraction accepted in a decimal string (enough for 0.000001 correction steps). */
export const MAX_DECIMAL_SCALE = 9;

/**
 * Parses `"48.0"`, `"0.5703"`, `"56100"` into a {@link Decimal}: strings, safe-integer numbers, or JSON number
 * literals (`0.5703`) taken from their text as written, never from the double they would round to.
 */
export function parseDecimal(value: unknown, field: string): Decimal {
  let text: string;
  if (typeof value === 'number' && Number.isSafeInteger(value)) {
    text = String(value);
  } else if (typeof value === 'string') {
    text = value;
  } else if (value instanceof NumberLiteral) {
    if (beyondSafeRange(value)) {
      throw sendAsDecimalString(field, value);
    }
    text = value.text;
  } else {
    throw invalidArgument(`${field} must be a decimal string such as "0.5703"`);
  }
  const match = /^([0-9]{1,18})(?:\.([0-9]+))?$/.exec(text);
  if (!match) {
    throw invalidArgument(`${field} must be a non-negative decimal such as "0.5703", got "${text}"`);
  }
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > MAX_DECIMAL_SCALE) {
    throw invalidArgument(`${field} has more than ${MAX_DECIMAL_SCALE} decimal places`);
  }
  return { units: BigInt(whole + fraction), scale: fraction.length };
}

/** Like {@link parseDecimal} but zero is refused. */
export function parsePositiveDecimal(value: unknown, field: string): Decimal {
  const decimal = parseDecimal(value, field);
  if (decimal.units === 0n) {
    throw invalidArgument(`${field} must be greater than zero`);
  }
  return decimal;
}

/** Exact product of decimals (scales add up). */
export function multiplyDecimals(factors: readonly Decimal[]): Decimal {
  return factors.reduce<Decimal>((acc, d) => ({ units: acc.units * d.units, scale: acc.scale + d.scale }), {
    units: 1n,
    scale: 0,
  });
}

/** Canonical text of a decimal (trailing zeros kept, so "48.0" stays "48.0"). */
export function formatDecimal(decimal: Decimal): string {
  const digits = decimal.units.toString().padStart(decimal.scale + 1, '0');
  if (decimal.scale === 0) {
    return digits;
  }
  return `${digits.slice(0, digits.length - decimal.scale)}.${digits.slice(digits.length - decimal.scale)}`;
}

/** 10^n as a bigint. */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** floor(numerator / denominator) for non-negative bigints. */
export function divideFloor(numerator: bigint, denominator: bigint): bigint {
  return numerator / denominator;
}

/** ceil(numerator / denominator) for non-negative bigints. */
export function divideCeil(numerator: bigint, denominator: bigint): bigint {
  return (numerator + denominator - 1n) / denominator;
}

/** Round half up of numerator / denominator for non-negative bigints. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}
