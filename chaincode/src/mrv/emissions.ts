import {
  type Decimal,
  divideCeil,
  divideHalfUp,
  failedPrecondition,
  invalidArgument,
  notFound,
  parseDecimal,
  pow10,
  toSafeNumber,
} from '@carbon-ets/contract';
import type { EmissionFactorSet } from '../period/emission-factors';
import { ELECTRICITY_UNITS, FUEL_UNITS, type ActivityLine } from './activity';

/**
 * Emission arithmetic, exact until one final rounding. Units:
 * - fuel with an emission factor: `kg CO2 = t × NCV [GJ/t] × EF [kg CO2/TJ] × oxidation ÷ 1000 [GJ/TJ]`
 *   (1,000 t natural gas × 48.0 × 56,100 ÷ 1000 = 2,692,800 kg);
 * - fuel with a carbon content: `kg CO2 = t × NCV [GJ/t] × CC [tC/TJ] × oxidation × 44/12` (the ÷1000 GJ→TJ and
 *   ×1000 t→kg cancel). We use the exact molar-mass ratio 44/12, not 3.664;
 * - electricity: `kg CO2 = MWh × grid factor [t/MWh] × 1000` (1,000 MWh × 0.5703 = 570,300 kg).
 * Purchased electricity covered by cancelled green certificates counts at zero grid factor: `certified MWh × grid
 * factor × 1000` kg is taken off the exact sum (and the certified MWh may not exceed the electricity lines).
 * Each line is an exact fraction; the report's total is the exact sum rounded half-up to whole kg, and the
 * tonnes that count for compliance are that total **rounded up** to whole tonnes, so an obligation is never
 * understated by rounding.
 */
export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export interface LineEmissions {
  /** Exact value rounded half-up to whole kg, for display. */
  readonly emissionsKg: number;
}

export interface ReportEmissions {
  readonly lines: readonly LineEmissions[];
  /** Exact sum of the lines rounded half-up to whole kg. */
  readonly totalKg: number;
  /** `ceil(exact sum ÷ 1000)`: whole tonnes for the compliance obligation. */
  readonly totalTonnes: number;
  /** The certified MWh at the grid factor, rounded half-up to whole kg: what the certificates took off. */
  readonly zeroRatedKg: number;
}

const fraction = (factors: readonly Decimal[], extraNumerator = 1n, extraDenominator = 1n): Fraction => {
  let numerator = extraNumerator;
  let scale = 0;
  for (const factor of factors) {
    numerator *= factor.units;
    scale += factor.scale;
  }
  return { numerator, denominator: pow10(scale) * extraDenominator };
};

const add = (a: Fraction, b: Fraction): Fraction => ({
  numerator: a.numerator * b.denominator + b.numerator * a.denominator,
  denominator: a.denominator * b.denominator,
});

/** Exact kg CO2 of one activity line under a factor set. */
export function lineEmissionsKg(line: ActivityLine, factors: EmissionFactorSet): Fraction {
  const quantity = parseDecimal(line.quantity, 'activity quantity');
  if (line.kind === 'electricity') {
    const grid = parseDecimal(factors.gridFactor, 'gridFactor');
    return fraction([quantity, grid], ELECTRICITY_UNITS[line.unit] * 1000n);
  }
  const fuel = factors.fuels[line.fuel];
  if (fuel === undefined) {
    throw notFound(
      `fuel ${line.fuel} is not in emission factor set ${factors.id} version ${factors.version}`,
    );
  }
  const ncv = parseDecimal(fuel.ncv, 'ncv');
  const oxidation = parseDecimal(fuel.oxidation, 'oxidation');
  const unit = FUEL_UNITS[line.unit];
  if (fuel.emissionFactor !== undefined) {
    const ef = parseDecimal(fuel.emissionFactor, 'emissionFactor');
    return fraction([quantity, ncv, ef, oxidation], unit, 1000n);
  }
  if (fuel.carbonContent !== undefined) {
    const carbon = parseDecimal(fuel.carbonContent, 'carbonContent');
    return fraction([quantity, ncv, carbon, oxidation], unit * 44n, 12n);
  }
  throw invalidArgument(`fuel ${line.fuel} has neither an emission factor nor a carbon content`);
}

/** Exact MWh of purchased electricity over the report's lines. */
function electricityMwh(lines: readonly ActivityLine[]): Fraction {
  let total: Fraction = { numerator: 0n, denominator: 1n };
  for (const line of lines) {
    if (line.kind === 'electricity') {
      const quantity = parseDecimal(line.quantity, 'activity quantity');
      total = add(total, fraction([quantity], ELECTRICITY_UNITS[line.unit]));
    }
  }
  return total;
}

/**
 * Emissions of a whole report (see the rounding rules above); `certifiedMwh` of its purchased electricity are
 * covered by cancelled green certificates and count at zero grid factor.
 */
export function reportEmissions(
  lines: readonly ActivityLine[],
  factors: EmissionFactorSet,
  certifiedMwh = 0,
): ReportEmissions {
  let total: Fraction = { numerator: 0n, denominator: 1n };
  let zeroRated: Fraction = { numerator: 0n, denominator: 1n };
  if (certifiedMwh > 0) {
    const purchased = electricityMwh(lines);
    if (BigInt(certifiedMwh) * purchased.denominator > purchased.numerator) {
      const bought = lines.flatMap((line) =>
        line.kind === 'electricity' ? [`${line.quantity} ${line.unit}`] : [],
      );
      throw failedPrecondition(
        `green certificates for ${certifiedMwh} MWh exceed the report's purchased electricity (${bought.length === 0 ? 'none' : bought.join(' + ')})`,
      );
    }
    const grid = parseDecimal(factors.gridFactor, 'gridFactor');
    zeroRated = fraction([grid], BigInt(certifiedMwh) * 1000n);
    total = { numerator: -zeroRated.numerator, denominator: zeroRated.denominator };
  }
  const perLine: LineEmissions[] = [];
  for (const line of lines) {
    const exact = lineEmissionsKg(line, factors);
    perLine.push({
      emissionsKg: toSafeNumber(divideHalfUp(exact.numerator, exact.denominator), 'line emissions'),
    });
    total = add(total, exact);
  }
  return {
    lines: perLine,
    totalKg: toSafeNumber(divideHalfUp(total.numerator, total.denominator), 'emissions'),
    totalTonnes: toSafeNumber(divideCeil(total.numerator, total.denominator * 1000n), 'emissions'),
    zeroRatedKg: toSafeNumber(
      divideHalfUp(zeroRated.numerator, zeroRated.denominator),
      'zero-rated emissions',
    ),
  };
}
