import type { CarbonConnection } from '../connect';
import { waitForBlock } from '../ledger-height';
import { evaluate, submit, type SubmitOptions } from '../submit';

/** A committed write: what a CLI or a log line reports about it. */
export interface Commit {
  /** `Contract:Function`. */
  readonly transaction: string;
  readonly transactionId: string;
  readonly blockNumber: bigint;
  /** 1 if it committed at the first attempt (more after MVCC retries). */
  readonly attempts: number;
}

/** Options shared by every contract façade. */
export interface ContractClientOptions {
  /** Called after each committed write, e.g. to print its transaction id. */
  readonly onCommit?: (commit: Commit) => void;
  /** Retry settings for writes (see {@link submit}); shared by every write of this client. */
  readonly retry?: Pick<SubmitOptions, 'maxAttempts' | 'backoffMs' | 'commitWait'>;
  /**
   * Reads first wait until the org's peer has committed this block: a caller that wrote through another
   * org's peer passes the block of its write, so it reads its own write.
   */
  readonly readAfterBlock?: bigint;
}

/**
 * The base of the typed façades: writes send one JSON request and get the written object back; reads pass
 * plain string arguments. Errors are the {@link TransactionError}s of {@link submit} and {@link evaluate}.
 */
export abstract class ContractClient {
  protected constructor(
    protected readonly connection: CarbonConnection,
    private readonly contractName: string,
    private readonly options: ContractClientOptions = {},
  ) {}

  /** Submits `Contract:fn` with `request` as JSON and returns the decoded answer. */
  protected async write<T>(fn: string, request: object): Promise<T> {
    const transaction = `${this.contractName}:${fn}`;
    const outcome = await submit(this.connection.contract, transaction, {
      commitWait: this.connection.commitWait,
      ...this.options.retry,
      arguments: [JSON.stringify(request)],
    });
    this.options.onCommit?.({
      transaction,
      transactionId: outcome.transactionId,
      blockNumber: outcome.blockNumber,
      attempts: outcome.attempts,
    });
    return decodeJson(outcome.result) as T;
  }

  /** Evaluates `Contract:fn` on the org's peer and returns the decoded answer. */
  protected async read<T>(fn: string, ...args: readonly (string | number)[]): Promise<T> {
    if (this.options.readAfterBlock !== undefined) {
      await waitForBlock(this.connection, this.options.readAfterBlock);
    }
    const result = await evaluate(
      this.connection.contract,
      `${this.contractName}:${fn}`,
      args.map((arg) => String(arg)),
    );
    return decodeJson(result) as T;
  }
}

function decodeJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}
