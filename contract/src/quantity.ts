import { invalidArgument } from './refusal';
import { NumberLiteral } from './exact-json';

/**
 * Quantities of units are whole tonnes of CO2e held as JavaScript safe integers (< 2^53, i.e. up to
 * 9,007,199,254,740,991 t — far above any national cap). Clients may send them as JSON numbers or as decimal
 * strings; anything else (zero, negative, fractional, exponent notation, oversized, non-numeric) is refused,
 * judged on the JSON text (see {@link NumberLiteral}) so `7.0000000000000001` is not taken for 7.
 */
export function parseQuantity(value: unknown, field: string): number {
  const quantity = parseWholeNumber(value, field);
  if (quantity === 0) {
    throw invalidArgument(`${field} must be greater than zero`);
  }
  return quantity;
}

/** Like {@link parseQuantity} but zero is allowed (e.g. a cap of 0 or a penalty of 0). */
export function parseWholeNumber(value: unknown, field: string): number {
  let parsed: number;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) {
      throw invalidArgument(`${field} must be a whole number, got ${String(value)}`);
    }
    parsed = value;
  } else if (typeof value === 'string') {
    if (!/^-?[0-9]+$/.test(value)) {
      throw invalidArgument(`${field} must be a whole number, got "${value}"`);
    }
    parsed = Number(value);
  } else if (value instanceof NumberLiteral) {
    // Only literals that are not exact safe integers get here: fractions and exponents (even `7.0`, or
    // `7.0000000000000001`, which a double would round to 7), or integers beyond 2^53.
    if (!/^-?[0-9]+$/.test(value.text)) {
      throw invalidArgument(`${field} must be a whole number, got ${value.text}`);
    }
    parsed = Number(value.text);
  } else {
    throw invalidArgument(`${field} must be a whole number`);
  }
  if (parsed < 0) {
    const written = value instanceof NumberLiteral ? value.text : String(value);
    throw invalidArgument(`${field} must not be negative, got ${written}`);
  }
  if (!Number.isSafeInteger(parsed)) {
    throw invalidArgument(`${field} is too large (maximum ${Number.MAX_SAFE_INTEGER})`);
  }
  return parsed;
}

/** Adds whole quantities, refusing to leave the safe-integer range instead of silently rounding. */
export function addQuantities(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw invalidArgument(`quantity overflow: ${a} + ${b} exceeds ${Number.MAX_SAFE_INTEGER}`);
  }
  return sum;
}

/** Sum of a list of whole quantities (see {@link addQuantities}). */
export function sumQuantities(values: readonly number[]): number {
  return values.reduce(addQuantities, 0);
}

/** Converts an exact bigint result back to a safe integer, or fails with a clear message. */
export function toSafeNumber(value: bigint, field: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < 0n) {
    throw invalidArgument(`${field} is out of range: ${value.toString()}`);
  }
  return Number(value);
}
