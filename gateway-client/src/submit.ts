import {
  type Contract,
  GatewayError,
  type Status,
  StatusCode,
  type SubmittedTransaction,
} from '@hyperledger/fabric-gateway';
import { TransactionError } from './transaction-error';

export interface SubmitOptions {
  /** Transaction arguments, passed as strings (JSON for structured input). */
  readonly arguments?: readonly string[];
  /** Attempts in all, each a new proposal, while the commit ends in an MVCC or phantom-read conflict. */
  readonly maxAttempts?: number;
  /** Base delay before a retry; doubled each time, with jitter so competing clients spread out. */
  readonly backoffMs?: number;
  /** How often to ask again for the commit status of the same transaction id after a status timeout. */
  readonly statusChecks?: number;
  /**
   * The client's id for this request (letters, digits, `.`, `_`, `-`). The chaincode records it and refuses
   * it a second time, so resubmitting a request whose outcome is unknown can never apply it twice. Sent in
   * the transient map: it is recorded on the ledger as `request ~ id` but is not part of the arguments.
   */
  readonly requestId?: string;
}

/** Transient-map key the chaincode reads the request id from (see chaincode/src/ledger/request-id.ts). */
export const REQUEST_ID_TRANSIENT_KEY = 'carbon.requestId';

/** A committed transaction. */
export interface SubmitOutcome {
  readonly result: Uint8Array;
  readonly transactionId: string;
  readonly blockNumber: bigint;
  /** 1 if it committed at the first attempt. */
  readonly attempts: number;
}

/** Fabric's name for a validation code, e.g. `MVCC_READ_CONFLICT`. */
export function validationCodeName(code: number): string {
  return Object.entries(StatusCode).find(([, value]) => value === code)?.[0] ?? `code ${code}`;
}

const CONFLICTS: ReadonlySet<number> = new Set([
  StatusCode.MVCC_READ_CONFLICT,
  StatusCode.PHANTOM_READ_CONFLICT,
]);

/**
 * Submits a transaction and waits for its commit. An MVCC or phantom-read conflict is retried with a new
 * proposal (bounded by `maxAttempts`); a timeout waiting for the commit status re-checks the status of the
 * same transaction id instead of submitting again, so a slow commit is never applied twice. Every failure is
 * a {@link TransactionError}.
 */
export async function submit(
  contract: Contract,
  transaction: string,
  options: SubmitOptions = {},
): Promise<SubmitOutcome> {
  const maxAttempts = options.maxAttempts ?? 5;
  const backoffMs = options.backoffMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    let submitted: SubmittedTransaction;
    try {
      submitted = await endorseAndSubmit(contract, transaction, options.arguments ?? [], options.requestId);
    } catch (err) {
      // Endorsing peers that simulated on different states (one had not yet committed the last block)
      // return different results: the same race as an MVCC conflict, caught earlier. Retry it alike.
      if (!isEndorsementMismatch(err)) throw err;
      if (attempt >= maxAttempts) {
        throw new TransactionError(
          'CONFLICT',
          `${transaction}: endorsing peers disagreed after ${attempt} attempts`,
          {},
          { cause: err },
        );
      }
      await delay(backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      continue;
    }
    const status = await commitStatus(submitted, options.statusChecks ?? 3);
    if (status.successful) {
      return {
        result: submitted.getResult(),
        transactionId: status.transactionId,
        blockNumber: status.blockNumber,
        attempts: attempt,
      };
    }
    const validationCode = validationCodeName(status.code);
    if (!CONFLICTS.has(status.code)) {
      throw new TransactionError(
        'INVALID',
        `${transaction} ${status.transactionId} was not committed: ${validationCode}`,
        {
          transactionId: status.transactionId,
          validationCode,
        },
      );
    }
    if (attempt >= maxAttempts) {
      throw new TransactionError(
        'CONFLICT',
        `${transaction} still conflicted (${validationCode}) after ${attempt} attempts`,
        {
          transactionId: status.transactionId,
          validationCode,
        },
      );
    }
    await delay(backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
  }
}

/** Evaluates a query on the org's peer; a chaincode refusal is a `REJECTED` {@link TransactionError}. */
export async function evaluate(
  contract: Contract,
  transaction: string,
  args: readonly string[] = [],
): Promise<Uint8Array> {
  try {
    return await contract.evaluateTransaction(transaction, ...args);
  } catch (err) {
    throw asTransactionError(transaction, err);
  }
}

async function endorseAndSubmit(
  contract: Contract,
  transaction: string,
  args: readonly string[],
  requestId: string | undefined,
): Promise<SubmittedTransaction> {
  try {
    return await contract.submitAsync(transaction, {
      arguments: [...args],
      ...(requestId === undefined
        ? {}
        : { transientData: { [REQUEST_ID_TRANSIENT_KEY]: new TextEncoder().encode(requestId) } }),
    });
  } catch (err) {
    throw asTransactionError(transaction, err);
  }
}

async function commitStatus(submitted: SubmittedTransaction, checks: number): Promise<Status> {
  for (let check = 1; ; check++) {
    try {
      return await submitted.getStatus();
    } catch (err) {
      if (check >= checks) {
        throw new TransactionError(
          'UNAVAILABLE',
          `no commit status for ${submitted.getTransactionId()} after ${checks} checks: ${(err as Error).message}`,
          { transactionId: submitted.getTransactionId() },
          { cause: err },
        );
      }
    }
  }
}

/** A Gateway endorsement failure that is not a chaincode refusal: the endorsers' results did not match. */
function isEndorsementMismatch(err: unknown): boolean {
  const cause = err instanceof TransactionError ? err.cause : err;
  return (
    err instanceof TransactionError &&
    err.code === 'UNAVAILABLE' &&
    cause instanceof GatewayError &&
    cause.code === 10 && // ABORTED
    /failed to collect enough transaction endorsements|do not match/i.test(
      `${cause.message} ${cause.details.map((d) => d.message).join(' ')}`,
    )
  );
}

/** The chaincode's own message ("chaincode response 500, <message>") if the peers gave one. */
export function chaincodeMessage(err: unknown): string | undefined {
  if (!(err instanceof GatewayError)) return undefined;
  for (const detail of err.details) {
    const match = /chaincode response \d+, (.*)$/s.exec(detail.message);
    if (match?.[1]) return match[1].trim();
  }
  return undefined;
}

function asTransactionError(transaction: string, err: unknown): TransactionError {
  const message = chaincodeMessage(err);
  if (message !== undefined) return new TransactionError('REJECTED', message, {}, { cause: err });
  const text = err instanceof Error ? err.message : String(err);
  return new TransactionError('UNAVAILABLE', `${transaction} failed: ${text}`, {}, { cause: err });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
