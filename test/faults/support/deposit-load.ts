import { submit, type FundsBalance, type SubmitOutcome } from '@carbon-ets/gateway-client';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Participant } from '../../support/participants';

/** One deposit the load asked for: a distinct amount, so the balance shows which were applied and how often. */
export interface Deposit {
  readonly requestId: string;
  readonly amount: number;
  readonly reference: string;
}

export interface LoadResult {
  /** Deposits whose commit the client saw (on the first call or on a retry of the same request id). */
  readonly committed: readonly (Deposit & { readonly outcome: SubmitOutcome })[];
  /** Deposits a retry found already applied (the first call's answer was lost): on the ledger once. */
  readonly appliedEarlier: readonly Deposit[];
  /** Deposits still failing after every retry: they may or may not be on the ledger. */
  readonly failed: readonly (Deposit & { readonly error: string })[];
  /** Calls that failed and were retried with the same request id. */
  readonly retried: number;
  /** Seconds the load ran, and committed deposits per second. */
  readonly seconds: number;
  readonly throughput: number;
}

const ATTEMPTS_PER_DEPOSIT = 6;

/** Loads still running: a failed test stops its load in afterAll ({@link stopLoads}). */
const running = new Set<{ stop(): Promise<LoadResult> }>();

/** Stops every load still running (a test that failed midway left it going). */
export async function stopLoads(): Promise<void> {
  await Promise.all([...running].map((load) => load.stop()));
}

/**
 * Deposits into one account from `inFlight` concurrent workers until stopped: the regulator's transactions
 * through its own Gateway. A call that fails is retried with the same request id (the chaincode refuses a
 * request id it has applied), as a client that cannot tell whether its transaction committed must do.
 */
export function startDepositLoad(
  regulator: Participant,
  accountId: string,
  inFlight = 8,
): { stop(): Promise<LoadResult> } {
  let next = 0;
  let active = true;
  let retried = 0;
  const committed: (Deposit & { outcome: SubmitOutcome })[] = [];
  const appliedEarlier: Deposit[] = [];
  const failed: (Deposit & { error: string })[] = [];
  const started = Date.now();

  const depositOnce = async (deposit: Deposit): Promise<void> => {
    let lastError = '';
    for (let attempt = 1; attempt <= ATTEMPTS_PER_DEPOSIT; attempt++) {
      try {
        const outcome = await submit(regulator.connection.contract, 'Funds:Deposit', {
          arguments: [
            JSON.stringify({ accountId, amount: String(deposit.amount), reference: deposit.reference }),
          ],
          requestId: deposit.requestId,
          commitWait: regulator.connection.commitWait,
        });
        committed.push({ ...deposit, outcome });
        return;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
        // Applied by an earlier attempt whose answer was lost: it is on the ledger once, as it should be.
        if (lastError.includes(`request ${deposit.requestId} was already applied`)) {
          appliedEarlier.push(deposit);
          return;
        }
        retried++;
        await sleep(500 * attempt);
      }
    }
    failed.push({ ...deposit, error: lastError });
  };

  const worker = async (): Promise<void> => {
    while (active) {
      const n = next++;
      await depositOnce({ requestId: `${accountId}-${n}`, amount: 1000 + n, reference: `load ${n}` });
    }
  };
  const workers = Array.from({ length: inFlight }, () => worker());

  let stopped: Promise<LoadResult> | undefined;
  const load = {
    stop(): Promise<LoadResult> {
      active = false;
      stopped ??= Promise.all(workers).then(() => {
        running.delete(load);
        const seconds = (Date.now() - started) / 1000;
        return {
          committed,
          appliedEarlier,
          failed,
          retried,
          seconds,
          throughput: committed.length / seconds,
        };
      });
      return stopped;
    },
  };
  running.add(load);
  return load;
}

/**
 * The account's deposits on the ledger, by reference: each reference must appear once, and every deposit the
 * client saw committed must be there with its amount.
 */
export function depositsApplied(balance: FundsBalance): Map<string, number[]> {
  const applied = new Map<string, number[]>();
  for (const entry of balance.entries) {
    const reference = entry.reference ?? '';
    applied.set(reference, [...(applied.get(reference) ?? []), Number(entry.amount)]);
  }
  return applied;
}
