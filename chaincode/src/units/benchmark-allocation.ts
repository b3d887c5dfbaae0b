import { type Decimal, divideFloor, multiplyDecimals, pow10, toSafeNumber } from '@carbon-ets/contract';

/**
 * Free allocation by benchmark: `allowances = output × benchmark × Π correction factors`, computed exactly
 * on decimal integers and then **rounded down** to whole allowances — the regulator never hands out a
 * fraction more than the formula yields. Example: 1,000,000 MWh × 0.877 t/MWh × 0.95 = 833,150 allowances.
 */
export function benchmarkAllocation(
  output: Decimal,
  benchmark: Decimal,
  corrections: readonly Decimal[],
): number {
  const product = multiplyDecimals([output, benchmark, ...corrections]);
  return toSafeNumber(divideFloor(product.units, pow10(product.scale)), 'allocation');
}
