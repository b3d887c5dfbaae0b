import {
  failedPrecondition,
  invalidArgument,
  notFound,
  parseDecimal,
  parsePositiveDecimal,
  type AllocationPlanLine,
  type Allowance,
  type CompliancePeriod,
  type ParsedRequestOf,
} from '@carbon-ets/contract';
import { benchmarkAllocation } from './benchmark-allocation';

/** One line of a `SetAllocationPlan` request. */
export type PlanLineRequest = ParsedRequestOf<typeof Allowance.setAllocationPlan>['lines'][number];

/** Who set a line, when, in which transaction, and the version it replaces (0: none). */
export interface PlanStamp {
  readonly setBy: string;
  readonly setAt: string;
  readonly txId: string;
  readonly previousVersion: number;
}

/** floor(base × share / 10000), in bigint: the product of two safe integers need not be one. */
export function preAllocationOf(base: number, shareBasisPoints: number): number {
  return Number((BigInt(base) * BigInt(shareBasisPoints)) / 10_000n);
}

/**
 * A plan line from a request line, checked against the period: the method's inputs and nothing else, a
 * benchmark the period defines (its value is copied into the line), a pre-allocation base and share given
 * together, and neither a fixed quantity nor the pre-allocation above the ceiling.
 */
export function planLineOf(
  period: CompliancePeriod,
  request: PlanLineRequest,
  index: number,
  stamp: PlanStamp,
): AllocationPlanLine {
  const where = `plan.lines[${index}]`;
  let method: Pick<AllocationPlanLine, 'method' | 'quantity' | 'benchmark'>;
  if (request.method === 'fixed') {
    if (request.quantity === undefined) {
      throw invalidArgument(`${where}.quantity is required for a fixed line`);
    }
    for (const input of ['benchmarkId', 'correctionFactors'] as const) {
      if (request[input] !== undefined) {
        throw invalidArgument(`${where}.${input} does not apply to a fixed line (it is a benchmark input)`);
      }
    }
    if (request.quantity > request.ceiling) {
      throw invalidArgument(
        `${where}.quantity ${request.quantity} exceeds the line's ceiling ${request.ceiling}`,
      );
    }
    method = { method: 'fixed', quantity: request.quantity };
  } else {
    if (request.benchmarkId === undefined) {
      throw invalidArgument(`${where}.benchmarkId is required for a benchmark line`);
    }
    if (request.quantity !== undefined) {
      throw invalidArgument(
        `${where}.quantity does not apply to a benchmark line (its output comes with the true-up)`,
      );
    }
    const definition = period.benchmarks[request.benchmarkId];
    if (definition === undefined) {
      throw notFound(`benchmark ${request.benchmarkId} is not defined for period ${period.year}`);
    }
    method = {
      method: 'benchmark',
      benchmark: {
        id: request.benchmarkId,
        value: definition.value,
        correctionFactors: request.correctionFactors ?? [],
      },
    };
  }
  const base = request.preAllocationBase;
  const share = request.preAllocationShareBasisPoints;
  if ((base === undefined) !== (share === undefined)) {
    throw invalidArgument(
      `${where}: preAllocationBase and preAllocationShareBasisPoints go together (neither: no pre-allocation)`,
    );
  }
  const preAllocation = preAllocationOf(base ?? 0, share ?? 0);
  if (preAllocation > request.ceiling) {
    throw invalidArgument(
      `${where}: the pre-allocation ${preAllocation} (${share ?? 0} bp of ${base ?? 0} t) exceeds the line's ceiling ${request.ceiling}`,
    );
  }
  return {
    period: period.year,
    installationId: request.installationId,
    ...method,
    preAllocationBase: base ?? 0,
    preAllocationShareBasisPoints: share ?? 0,
    preAllocation,
    ceiling: request.ceiling,
    version: stamp.previousVersion + 1,
    setBy: stamp.setBy,
    setAt: stamp.setAt,
    txId: stamp.txId,
  };
}

/**
 * The final allocation of a plan line: the fixed quantity, or verified output × benchmark × correction factors
 * rounded down; never above the ceiling. A benchmark line needs the output, a fixed line refuses one.
 */
export function finalAllocationOf(line: AllocationPlanLine, verifiedOutput: string | undefined): number {
  let planned: number;
  if (line.benchmark === undefined) {
    if (verifiedOutput !== undefined) {
      throw invalidArgument(
        `trueUp.verifiedOutput does not apply: ${line.installationId}'s plan line is a fixed quantity`,
      );
    }
    planned = line.quantity ?? 0;
  } else {
    if (verifiedOutput === undefined) {
      throw invalidArgument(
        `trueUp.verifiedOutput is required: ${line.installationId}'s plan line is benchmark ${line.benchmark.id}`,
      );
    }
    planned = benchmarkAllocation(
      parsePositiveDecimal(verifiedOutput, 'trueUp.verifiedOutput'),
      parseDecimal(line.benchmark.value, 'benchmark'),
      line.benchmark.correctionFactors.map((factor, i) =>
        parsePositiveDecimal(factor, `plan.correctionFactors[${i}]`),
      ),
    );
  }
  return Math.min(planned, line.ceiling);
}

/** Refuses a second line for the same installation in one request (which one would count?). */
export function requireDistinctLines(lines: readonly PlanLineRequest[]): void {
  const seen = new Set<string>();
  for (const { installationId } of lines) {
    if (seen.has(installationId)) {
      throw invalidArgument(`plan.lines names installation ${installationId} twice`);
    }
    seen.add(installationId);
  }
}

/** The refusal for a plan line replaced after its allocation started. */
export function planLineFixed(installationId: string, year: number, allocated: number): Error {
  return failedPrecondition(
    `the ${year} plan line of ${installationId} is fixed: its allocation has started (${allocated} allowances allocated); differences are settled by the true-up`,
  );
}
