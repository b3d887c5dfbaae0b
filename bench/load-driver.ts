import { StatusCode } from '@hyperledger/fabric-gateway';

/** What one attempt of a transaction came to. */
export interface Attempt {
  /** Fabric validation code of the commit, or undefined if it failed before ordering (endorsement error). */
  readonly code?: number;
  readonly latencyMs: number;
  readonly error?: string;
}

/** One in-flight slot's work: submit one transaction and wait for its commit status. */
export type Operation = () => Promise<Omit<Attempt, 'latencyMs'>>;

export interface LoadResult {
  readonly inFlight: number;
  readonly seconds: number;
  readonly attempts: number;
  readonly committed: number;
  readonly mvccConflicts: number;
  readonly phantomConflicts: number;
  readonly otherInvalid: number;
  readonly endorsementErrors: number;
  readonly firstError?: string;
  /** Committed (VALID) transactions per second. */
  readonly tps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
}

/**
 * Keeps `operations.length` transactions in flight for `durationMs`: each slot submits, waits for the commit
 * status, and submits again. Latency is submit-to-commit-status as the client sees it. Conflicts are counted,
 * not retried, so the conflict rate is the first-attempt rate.
 */
export async function drive(operations: readonly Operation[], durationMs: number): Promise<LoadResult> {
  const attempts: Attempt[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    operations.map(async (operation) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        let outcome: Omit<Attempt, 'latencyMs'>;
        try {
          outcome = await operation();
        } catch (err) {
          outcome = { error: err instanceof Error ? err.message : String(err) };
        }
        attempts.push({ ...outcome, latencyMs: performance.now() - t0 });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const committed = attempts.filter((a) => a.code === StatusCode.VALID);
  const latencies = committed.map((a) => a.latencyMs).sort((a, b) => a - b);
  const count = (code: number) => attempts.filter((a) => a.code === code).length;
  const firstError = attempts.find((a) => a.error !== undefined)?.error;
  return {
    inFlight: operations.length,
    seconds,
    attempts: attempts.length,
    committed: committed.length,
    mvccConflicts: count(StatusCode.MVCC_READ_CONFLICT),
    phantomConflicts: count(StatusCode.PHANTOM_READ_CONFLICT),
    otherInvalid: attempts.filter(
      (a) =>
        a.code !== undefined &&
        a.code !== StatusCode.VALID &&
        a.code !== StatusCode.MVCC_READ_CONFLICT &&
        a.code !== StatusCode.PHANTOM_READ_CONFLICT,
    ).length,
    endorsementErrors: attempts.filter((a) => a.code === undefined).length,
    ...(firstError === undefined ? {} : { firstError }),
    tps: committed.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
  };
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}
