import { REQUEST_ID_TRANSIENT_KEY } from '@carbon-ets/contract';
import { status as grpcStatus } from '@grpc/grpc-js';
import {
  type Contract,
  GatewayError,
  type Status,
  StatusCode,
  type SubmittedTransaction,
  type Transaction,
} from '@hyperledger/fabric-gateway';
import { TransactionError } from './transaction-error';

export interface SubmitOptions {
  /** Transaction arguments, passed as strings (JSON for structured input). */
  readonly arguments?: readonly string[];
  /** Attempts in all, each a new proposal, while the commit ends in an MVCC or phantom-read conflict. */
  readonly maxAttempts?: number;
  /** Base delay before a retry; doubled each time, with jitter so competing clients spread out. */
  readonly backoffMs?: number;
  /**
   * How long to wait for the commit status of a transaction before sending the same signed transaction to
   * the ordering service again (see {@link CommitWait}).
   */
  readonly commitWait?: Partial<CommitWait>;
  /**
   * The client's id for this request (letters, digits, `.`, `_`, `-`). The chaincode records it and refuses
   * it a second time, so resubmitting a request whose outcome is unknown can never apply it twice. Sent in
   * the transient map: it is recorded on the ledger as `request ~ id` but is not part of the arguments.
   */
  readonly requestId?: string;
  /**
   * More of the transient map (commercial data): sent to the endorsing peers with the proposal, never written
   * into the block. With transient data the gateway endorses only on peers of organisations in the written
   * collections' distribution.
   */
  readonly transient?: Readonly<Record<string, Uint8Array>>;
  /**
   * The organisations whose peers endorse, when the Gateway cannot plan it from the transient data's collections
   * (see `proposalSubmitOptions`); by default the Gateway chooses.
   */
  readonly endorsingOrganizations?: readonly string[];
}

/**
 * Waiting for a commit. An orderer that accepted a transaction can die before the transaction is ordered;
 * the transaction is then lost, and no commit status ever comes. So the client waits `perTryMs` (a few batch
 * timeouts), then broadcasts the very same signed transaction again — peers refuse a repeated transaction id
 * at validation (`DUPLICATE_TXID`), so a copy can never apply twice — and keeps waiting, until `totalMs`.
 */
export interface CommitWait {
  readonly perTryMs: number;
  readonly totalMs: number;
}

/**
 * The least time a transaction is given before it is presumed lost: with a short batch timeout, a busy network's
 * commits (p99 ~2 s at 32 in flight on 2 cores) would otherwise be re-broadcast while still on their way.
 */
const MIN_COMMIT_WAIT_MS = 2500;

/** Block cutting every 500 ms (the local network's batch timeout): see {@link commitWaitFor}. */
const DEFAULT_COMMIT_WAIT: CommitWait = commitWaitFor(500);

/**
 * The commit wait for an ordering service that cuts a block at least every `batchTimeoutMs`: a committed
 * transaction normally reports within about two batch timeouts, so after six plus a second of slack (at least
 * 2.5 s) it is presumed lost and re-broadcast; the outcome is declared unknown after a minute.
 */
export function commitWaitFor(batchTimeoutMs: number): CommitWait {
  return { perTryMs: Math.max(MIN_COMMIT_WAIT_MS, 6 * batchTimeoutMs + 1000), totalMs: 60_000 };
}

/** What to do about a transaction that kept conflicting: the ledger was busy with the same keys. */
const RETRY_HINT = 'other transactions kept changing the same data; try again';

/** The least time a broadcast is given, however little is left of the commit wait. */
const MIN_BROADCAST_MS = 1000;

/** A committed transaction. */
export interface SubmitOutcome {
  readonly result: Uint8Array;
  readonly transactionId: string;
  readonly blockNumber: bigint;
  /** 1 if it committed at the first attempt. */
  readonly attempts: number;
  /** How many times the signed transaction was sent to the ordering service (1 unless it was re-sent). */
  readonly broadcasts: number;
}

/** Fabric's name for a validation code, e.g. `MVCC_READ_CONFLICT`. */
function validationCodeName(code: number): string {
  return Object.entries(StatusCode).find(([, value]) => value === code)?.[0] ?? `code ${code}`;
}

const CONFLICTS: ReadonlySet<number> = new Set([
  StatusCode.MVCC_READ_CONFLICT,
  StatusCode.PHANTOM_READ_CONFLICT,
]);

/** Endorsements that disagreed are retried after this many times the conflict backoff (~3.75 s over 5 attempts). */
const MISMATCH_BACKOFF_FACTOR = 2.5;

/**
 * Submits a transaction and waits for its commit. An MVCC or phantom-read conflict is retried with a new
 * proposal (bounded by `maxAttempts`). A commit status that does not come within the commit wait re-sends the
 * same signed transaction instead of endorsing a new one, so a lost transaction is recovered and a slow one is
 * never applied twice; after the total wait the error says the outcome is unknown. Every failure is a
 * {@link TransactionError}.
 */
export async function submit(
  contract: Contract,
  transaction: string,
  options: SubmitOptions = {},
): Promise<SubmitOutcome> {
  const maxAttempts = options.maxAttempts ?? 5;
  const backoffMs = options.backoffMs ?? 100;
  const wait: CommitWait = { ...DEFAULT_COMMIT_WAIT, ...options.commitWait };
  for (let attempt = 1; ; attempt++) {
    let endorsed: Transaction;
    try {
      endorsed = await endorse(contract, transaction, options);
    } catch (err) {
      // Endorsing peers that simulated on different states (one had not yet committed the last block)
      // return different results: the same race as an MVCC conflict, caught earlier. Retry it alike.
      if (!isEndorsementMismatch(err)) throw err;
      if (attempt >= maxAttempts) {
        throw new TransactionError(
          'CONFLICT',
          `${transaction}: endorsing peers disagreed after ${attempt} attempts`,
          { hint: RETRY_HINT },
          { cause: err },
        );
      }
      // A peer behind by a block catches up in its own time (seconds on a busy machine, where 1.5 s in all was
      // seen to run out): wait longer between these attempts than after an MVCC conflict.
      await delay(MISMATCH_BACKOFF_FACTOR * backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      continue;
    }
    const { status, broadcasts } = await commitOf(endorsed, transaction, wait);
    if (status.successful) {
      return {
        result: endorsed.getResult(),
        transactionId: status.transactionId,
        blockNumber: status.blockNumber,
        attempts: attempt,
        broadcasts,
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
          hint: RETRY_HINT,
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

async function endorse(
  contract: Contract,
  transaction: string,
  options: SubmitOptions,
): Promise<Transaction> {
  const transientData = {
    ...options.transient,
    ...(options.requestId === undefined
      ? {}
      : { [REQUEST_ID_TRANSIENT_KEY]: new TextEncoder().encode(options.requestId) }),
  };
  try {
    return await contract
      .newProposal(transaction, {
        arguments: [...(options.arguments ?? [])],
        ...(Object.keys(transientData).length === 0 ? {} : { transientData }),
        ...(options.endorsingOrganizations === undefined
          ? {}
          : { endorsingOrganizations: [...options.endorsingOrganizations] }),
      })
      .endorse();
  } catch (err) {
    throw asTransactionError(transaction, err);
  }
}

/**
 * Broadcasts the endorsed transaction and waits for its commit status, re-broadcasting the same signed
 * envelope each time the status does not come within `wait.perTryMs` (see {@link CommitWait}). A status of
 * `DUPLICATE_TXID` belongs to a re-sent copy: the first copy committed, so its status is asked for again.
 */
async function commitOf(
  endorsed: Transaction,
  transaction: string,
  wait: CommitWait,
): Promise<{ status: Status; broadcasts: number }> {
  const transactionId = endorsed.getTransactionId();
  const deadline = Date.now() + wait.totalMs;
  let broadcasts = 0;
  let submitted: SubmittedTransaction | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const tryUntil = Math.min(deadline, Date.now() + wait.perTryMs);
    try {
      broadcasts++;
      // A broadcast normally takes milliseconds; one stuck on an orderer that just died is abandoned at the
      // end of this try, and the next broadcast tries the orderers in another order.
      submitted = await endorsed.submit({ deadline: Math.max(tryUntil, Date.now() + MIN_BROADCAST_MS) });
    } catch (err) {
      // The ordering service refused it for good (e.g. too large): waiting will not help.
      if (err instanceof GatewayError && err.code === (grpcStatus.ABORTED as number)) {
        throw new TransactionError(
          'INVALID',
          `${transaction} ${transactionId} was refused by the ordering service: ${err.message}`,
          { transactionId },
          { cause: err },
        );
      }
      // No orderer took it (none reachable, or no Raft leader yet): the orderers are re-tried shortly.
      lastError = err;
      await delay(Math.min(500, Math.max(0, tryUntil - Date.now())));
      continue;
    }
    try {
      let status = await submitted.getStatus({ deadline: tryUntil });
      for (let ask = 1; status.code === StatusCode.DUPLICATE_TXID && ask < 3; ask++) {
        await delay(100);
        status = await submitted.getStatus({ deadline: tryUntil });
      }
      return { status, broadcasts };
    } catch (err) {
      lastError = err;
    }
  }
  throw new TransactionError(
    'OUTCOME_UNKNOWN',
    `${transaction} ${transactionId}: outcome unknown — no commit status within ${wait.totalMs / 1000} s ` +
      `(sent ${broadcasts} time(s)); it may still commit`,
    {
      transactionId,
      hint: 'look the transaction id up before sending the request again, or resend it with the same request id',
    },
    { cause: lastError },
  );
}

/** A Gateway endorsement failure that is not a chaincode refusal: the endorsers' results did not match. */
function isEndorsementMismatch(err: unknown): boolean {
  const cause = err instanceof TransactionError ? err.cause : err;
  return (
    err instanceof TransactionError &&
    err.kind === 'UNAVAILABLE' &&
    cause instanceof GatewayError &&
    cause.code === (grpcStatus.ABORTED as number) &&
    unreachableEndorsers(cause) === undefined &&
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

/**
 * The organisations whose peers the Gateway could not reach for an endorsement — every one it asked timed out
 * or was unavailable — or, once the Gateway's peer no longer counts them as alive, the empty list for "no
 * combination of peers can satisfy the endorsement policy". Undefined for any other failure. Either way the
 * member's peer is cut off from the consortium (or the others are down): retrying at once cannot help.
 */
export function unreachableEndorsers(err: unknown): string[] | undefined {
  if (!(err instanceof GatewayError)) return undefined;
  if (
    err.code === (grpcStatus.FAILED_PRECONDITION as number) &&
    /no combination of peers/i.test(err.message)
  ) {
    return [];
  }
  if (err.code !== (grpcStatus.ABORTED as number) || err.details.length === 0) return undefined;
  const unreachable = err.details.every((d) => /DeadlineExceeded|Unavailable|connection/i.test(d.message));
  return unreachable ? err.details.map((d) => d.mspId) : undefined;
}

function asTransactionError(transaction: string, err: unknown): TransactionError {
  const message = chaincodeMessage(err);
  if (message !== undefined) return new TransactionError('REJECTED', message, {}, { cause: err });
  const unreachable = unreachableEndorsers(err);
  if (unreachable !== undefined) {
    const whom = unreachable.length > 0 ? ` (${unreachable.join(', ')})` : '';
    return new TransactionError(
      'UNAVAILABLE',
      `${transaction}: other organisations' peers did not answer your organisation's peer in time${whom}; nothing was written`,
      {
        hint: 'your member may be cut off from the consortium, or their peers are down or overloaded: try again in a moment',
      },
      { cause: err },
    );
  }
  const text = err instanceof Error ? err.message : String(err);
  return new TransactionError(
    'UNAVAILABLE',
    `${transaction} failed: ${text}`,
    { hint: 'is the network up? `npm run network:status` shows it' },
    { cause: err },
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
