import type { ActivityLineInput, ElectricityUnit, EmissionFactorSet, FuelUnit } from '@carbon-ets/contract';
import { add, type Fraction, multiply, parseDecimal, roundHalfUp, roundUp, whole } from './decimal';

/** What the ledger will compute for a report, worked out in the browser before it is submitted. */
export interface EmissionsEstimate {
  /** Per line, whole kg (rounded half-up). */
  readonly linesKg: readonly number[];
  /** The exact sum rounded half-up to whole kg. */
  readonly totalKg: number;
  /** The exact sum rounded up to whole tonnes: what counts for compliance. */
  readonly totalTonnes: number;
}

const FUEL_UNIT: Record<FuelUnit, bigint> = { t: 1n, kt: 1000n };
const ELECTRICITY_UNIT: Record<ElectricityUnit, bigint> = { MWh: 1n, GWh: 1000n };

function factor(text: string | undefined, name: string): Fraction {
  const value = text === undefined ? undefined : parseDecimal(text);
  if (value === undefined) throw new Error(`the factor set's ${name} is not a decimal`);
  return value;
}

/** Exact kg CO2 of one line: the chaincode's formulas (fuel × NCV × EF × oxidation ÷ 1000, or × CC × 44/12). */
function lineKg(line: ActivityLineInput, set: EmissionFactorSet): Fraction {
  const quantity = parseDecimal(String(line.quantity));
  if (quantity === undefined) throw new Error(`${String(line.quantity)} is not a quantity`);
  if (line.kind === 'electricity') {
    return multiply(
      quantity,
      factor(set.gridFactor, 'grid factor'),
      whole(ELECTRICITY_UNIT[line.unit]),
      whole(1000n),
    );
  }
  const fuel = set.fuels[line.fuel];
  if (fuel === undefined)
    throw new Error(`fuel ${line.fuel} is not in factor set ${set.id} version ${set.version}`);
  const base = multiply(
    quantity,
    whole(FUEL_UNIT[line.unit]),
    factor(fuel.ncv, 'NCV'),
    factor(fuel.oxidation, 'oxidation'),
  );
  if (fuel.emissionFactor !== undefined) {
    return multiply(base, factor(fuel.emissionFactor, 'emission factor'), {
      numerator: 1n,
      denominator: 1000n,
    });
  }
  return multiply(base, factor(fuel.carbonContent, 'carbon content'), { numerator: 44n, denominator: 12n });
}

/** The report's emissions under `set`; throws with a one-line reason when they cannot be worked out. */
export function estimateEmissions(
  lines: readonly ActivityLineInput[],
  set: EmissionFactorSet,
): EmissionsEstimate {
  let total: Fraction = whole(0n);
  const linesKg: number[] = [];
  for (const line of lines) {
    const exact = lineKg(line, set);
    linesKg.push(Number(roundHalfUp(exact)));
    total = add(total, exact);
  }
  return {
    linesKg,
    totalKg: Number(roundHalfUp(total)),
    totalTonnes: Number(roundUp({ numerator: total.numerator, denominator: total.denominator * 1000n })),
  };
}
