import {
  divideHalfUp,
  ENERGY_SOURCES,
  MONTHS_PER_PERIOD,
  toSafeNumber,
  type CarbonIndexBar,
  type CarbonIndexPolicy,
  type EnergySource,
  type InstallationCarbonIndex,
  type MonthlyEnergy,
  type MonthlyEnergyUse,
  type SourceKg,
} from '@carbon-ets/contract';
import type { ActivityLine } from '../mrv/activity';
import { lineEmissionsKg, reportEmissions } from '../mrv/emissions';
import type { EmissionFactorSet } from '../period/emission-factors';

/**
 * The carbon index's integer arithmetic (bigint where products may pass 2^53):
 * - a month's emissions are MRV's: each source is one activity line (coal, oil, gas in t with the policy's fuel;
 *   electricity in MWh with the grid factor), its kg rounded half-up; the month's total is the exact sum rounded
 *   half-up;
 * - index through month m: `floor(E(1..m) × 12 × 10000 / (A × 1000 × m))` basis points, E in kg (months without
 *   a submission count 0), A the allocation in whole tonnes; null when A is 0 or absent;
 * - shares: largest remainder — floor(kg × 10000 / total) for each source, then the points left go one each to
 *   the largest remainders (ties: coal, oil, gas, electricity), so they sum to exactly 10000 (all 0 if total 0).
 */

const ZERO_KG: SourceKg = { coal: 0, oil: 0, gas: 0, electricity: 0 };

/** A month's energy use as MRV activity lines, one per source present. */
function activityOf(energy: MonthlyEnergyUse, policy: CarbonIndexPolicy): [EnergySource, ActivityLine][] {
  const lines: [EnergySource, ActivityLine][] = [];
  for (const source of ENERGY_SOURCES) {
    const quantity = energy[source];
    if (quantity === undefined) continue;
    lines.push([
      source,
      source === 'electricity'
        ? { kind: 'electricity', quantity, unit: 'MWh' }
        : { kind: 'fuel', fuel: policy.fuels[source], quantity, unit: 't' },
    ]);
  }
  return lines;
}

/** A month's kg by source and its total, exactly as an MRV report with the same lines. */
export function monthEmissions(
  energy: MonthlyEnergyUse,
  policy: CarbonIndexPolicy,
  factors: EmissionFactorSet,
): { emissionsKg: SourceKg; totalKg: number } {
  const lines = activityOf(energy, policy);
  const bySource: Record<EnergySource, number> = { ...ZERO_KG };
  for (const [source, line] of lines) {
    const exact = lineEmissionsKg(line, factors);
    bySource[source] = toSafeNumber(divideHalfUp(exact.numerator, exact.denominator), `${source} emissions`);
  }
  return {
    emissionsKg: bySource,
    totalKg: reportEmissions(
      lines.map(([, line]) => line),
      factors,
    ).totalKg,
  };
}

/** `floor(E × 12 × 10000 / (A × 1000 × m))`; null when there is no allocation to compare with. */
export function indexBasisPoints(
  yearToDateKg: number,
  allocationTonnes: number | undefined,
  month: number,
): number | null {
  if (allocationTonnes === undefined || allocationTonnes <= 0) return null;
  const numerator = BigInt(yearToDateKg) * BigInt(MONTHS_PER_PERIOD) * 10_000n;
  const denominator = BigInt(allocationTonnes) * 1000n * BigInt(month);
  return toSafeNumber(numerator / denominator, 'carbon index');
}

/** Shares in basis points by largest remainder: they sum to exactly 10000, or are all 0 when the total is 0. */
export function shareBasisPoints(kg: SourceKg): SourceKg {
  const total = ENERGY_SOURCES.reduce((sum, source) => sum + BigInt(kg[source]), 0n);
  if (total === 0n) return { ...ZERO_KG };
  const shares: Record<EnergySource, number> = { ...ZERO_KG };
  const remainders = ENERGY_SOURCES.map((source, order) => {
    const scaled = BigInt(kg[source]) * 10_000n;
    shares[source] = Number(scaled / total);
    return { source, remainder: scaled % total, order };
  });
  let left = 10_000 - ENERGY_SOURCES.reduce((sum, source) => sum + shares[source], 0);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.order - b.order : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { source } of remainders) {
    if (left === 0) break;
    shares[source] += 1;
    left -= 1;
  }
  return shares;
}

/**
 * A submitted month as the index needs it: its total, and its kg by source where known (the channel keeps only
 * the total; the owner's collection the sources).
 */
export type MonthFigures = Pick<
  MonthlyEnergy,
  'period' | 'installationId' | 'entityId' | 'month' | 'totalKg'
> & {
  readonly emissionsKg?: SourceKg;
};

/**
 * Year-to-date figures of an installation from its submitted months (any order, at least one). Months without
 * figures by source count 0 kg for each source (the totals, index and trend are whole either way).
 */
export function carbonIndexOf(
  submissions: readonly MonthFigures[],
  allocationTonnes: number | undefined,
  policy: CarbonIndexPolicy,
): InstallationCarbonIndex {
  const first = submissions[0];
  if (first === undefined) throw new Error('carbonIndexOf needs at least one submitted month');
  const byMonth = new Map(submissions.map((submission) => [submission.month, submission]));
  const throughMonth = Math.max(...byMonth.keys());
  const months: CarbonIndexBar[] = [];
  const yearToDate: Record<EnergySource, number> = { ...ZERO_KG };
  let cumulativeKg = 0;
  for (let month = 1; month <= throughMonth; month += 1) {
    const submission = byMonth.get(month);
    const emissionsKg = submission?.emissionsKg ?? ZERO_KG;
    const totalKg = submission?.totalKg ?? 0;
    cumulativeKg += totalKg;
    for (const source of ENERGY_SOURCES) yearToDate[source] += emissionsKg[source];
    months.push({
      month,
      submitted: submission !== undefined,
      emissionsKg,
      totalKg,
      indexBasisPoints: indexBasisPoints(cumulativeKg, allocationTonnes, month),
    });
  }
  const index = months[throughMonth - 1]?.indexBasisPoints ?? null;
  const previous = throughMonth > 1 ? (months[throughMonth - 2]?.indexBasisPoints ?? null) : null;
  const trendBasisPoints = index === null || previous === null ? null : index - previous;
  const threshold = policy.thresholdBasisPoints ?? null;
  const hasAllocation = allocationTonnes !== undefined && allocationTonnes > 0;
  return {
    period: first.period,
    installationId: first.installationId,
    entityId: first.entityId,
    throughMonth,
    missingMonths: months.filter((bar) => !bar.submitted).map((bar) => bar.month),
    yearToDateKg: cumulativeKg,
    allocationTonnes: hasAllocation ? allocationTonnes : null,
    proRataAllocationKg: hasAllocation
      ? toSafeNumber(
          (BigInt(allocationTonnes) * 1000n * BigInt(throughMonth)) / BigInt(MONTHS_PER_PERIOD),
          'pro rata allocation',
        )
      : null,
    indexBasisPoints: index,
    previousIndexBasisPoints: previous,
    trendBasisPoints,
    trend:
      trendBasisPoints === null ? null : trendBasisPoints > 0 ? 'up' : trendBasisPoints < 0 ? 'down' : 'flat',
    thresholdBasisPoints: threshold,
    aboveThreshold: threshold !== null && index !== null && index > threshold,
    emissionsKg: yearToDate,
    shareBasisPoints: shareBasisPoints(yearToDate),
    months,
  };
}

/** True when a submission takes the index from at or below the threshold (or no index) to above it. */
export function passesThreshold(
  threshold: number | undefined,
  before: number | null,
  after: number | null,
): boolean {
  if (threshold === undefined || after === null || after <= threshold) return false;
  return before === null || before <= threshold;
}
