/**
 * Exact decimal arithmetic on the strings the ledger uses for quantities and factors (`"1000"`, `"0.5703"`):
 * a value is `numerator / denominator` in bigints, so an estimate rounds once, as the chaincode does.
 */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** `"12.5"` → 125/10; undefined unless it is a non-negative decimal. */
export function parseDecimal(text: string): Fraction | undefined {
  const match = /^\s*([0-9]+)(?:\.([0-9]+))?\s*$/.exec(text);
  if (match === null) return undefined;
  const decimals = match[2] ?? '';
  return { numerator: BigInt(`${match[1] ?? '0'}${decimals}`), denominator: 10n ** BigInt(decimals.length) };
}

export function multiply(...factors: readonly Fraction[]): Fraction {
  return factors.reduce(
    (product, factor) => ({
      numerator: product.numerator * factor.numerator,
      denominator: product.denominator * factor.denominator,
    }),
    { numerator: 1n, denominator: 1n },
  );
}

export function add(a: Fraction, b: Fraction): Fraction {
  return {
    numerator: a.numerator * b.denominator + b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  };
}

export const whole = (value: bigint): Fraction => ({ numerator: value, denominator: 1n });

/** Rounded half-up to a whole number (values are never negative here). */
export function roundHalfUp(value: Fraction): bigint {
  return (2n * value.numerator + value.denominator) / (2n * value.denominator);
}

/** Rounded up to a whole number. */
export function roundUp(value: Fraction): bigint {
  return (value.numerator + value.denominator - 1n) / value.denominator;
}

/** A fraction whose denominator is a power of ten, written back as a decimal string (`125/10` → `"12.5"`). */
export function formatDecimal(value: Fraction): string {
  let scale = 0;
  for (let d = value.denominator; d > 1n; d /= 10n) scale += 1;
  const digits = ((value.numerator * 10n ** BigInt(scale)) / value.denominator)
    .toString()
    .padStart(scale + 1, '0');
  if (scale === 0) return digits;
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/0+$/, '');
  return text.endsWith('.') ? text.slice(0, -1) : text;
}
