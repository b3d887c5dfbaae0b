import { qualifiedName, type TransactionDefinition } from '@carbon-ets/contract';
import { GatewayClientError } from '../errors';
import type { CarbonConnection } from '../connect';
import { proposalSubmitOptions } from '../endorsing-organizations';
import { waitForBlock } from '../ledger-height';
import { requestProposal } from '../request-proposal';
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
  /**
   * The newest block a cooperating client (another org's, in the same workflow) has seen its write commit in.
   * Writes and reads first wait until this org's peer has it: a regulator accepting a report a verifier has just
   * verified through another org's peer is then endorsed on state that includes the verification.
   */
  readonly afterBlock?: () => bigint | undefined;
}

/**
 * The base of the façades typed from the wire contract (see `facadeOf`): writes send one JSON request and get
 * the written object back; reads pass positional arguments. Errors are the {@link TransactionError}s of {@link submit} and {@link evaluate}.
 */
export abstract class ContractClient {
  constructor(
    protected readonly connection: CarbonConnection,
    private readonly options: ContractClientOptions = {},
  ) {}

  /** Submits a write of the wire contract and returns its answer, checked against the contract. */
  protected async submitDefined(definition: TransactionDefinition, request: unknown): Promise<unknown> {
    const transaction = qualifiedName(definition);
    await this.catchUp();
    // Commercial fields travel in the transient map: never in the block, only to the collection's members' peers.
    const proposal = requestProposal(transaction, request);
    const outcome = await submit(this.connection.contract, transaction, {
      commitWait: this.connection.commitWait,
      ...this.options.retry,
      ...(await proposalSubmitOptions(this.connection, transaction, proposal)),
    });
    this.options.onCommit?.({
      transaction,
      transactionId: outcome.transactionId,
      blockNumber: outcome.blockNumber,
      attempts: outcome.attempts,
    });
    return answerOf(definition, outcome.result);
  }

  /** Evaluates a read of the wire contract on the org's peer and returns its answer, checked. */
  protected async evaluateDefined(
    definition: TransactionDefinition,
    args: readonly unknown[],
  ): Promise<unknown> {
    if (this.options.readAfterBlock !== undefined) {
      await waitForBlock(this.connection, this.options.readAfterBlock);
    }
    await this.catchUp();
    const result = await evaluate(
      this.connection.contract,
      qualifiedName(definition),
      // A read whose argument is a JSON object (Query:GetObject's reference) sends it as JSON text.
      args.map((arg) => (typeof arg === 'object' && arg !== null ? JSON.stringify(arg) : String(arg))),
    );
    return answerOf(definition, result);
  }

  /** Waits until this org's peer has the newest block {@link ContractClientOptions.afterBlock} names. */
  private async catchUp(): Promise<void> {
    const block = this.options.afterBlock?.();
    if (block !== undefined) await waitForBlock(this.connection, block);
  }
}

function answerOf(definition: TransactionDefinition, bytes: Uint8Array): unknown {
  const parsed = definition.answer.safeParse(decodeJson(bytes));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GatewayClientError(
      'ANSWER_MISMATCH',
      `the answer of ${qualifiedName(definition)} does not match the wire contract: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
      'the chaincode and this client were built from different versions of @carbon-ets/contract',
    );
  }
  return parsed.data;
}

function decodeJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}
