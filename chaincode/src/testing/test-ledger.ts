import './quiet-logs';
import { createHash } from 'node:crypto';
import { Context } from 'fabric-contract-api';
import { MemoryClientIdentity, type TestIdentity } from './memory-identity';
import { MemoryStub } from './memory-stub';
import { MemoryWorld } from './memory-world';

/** A submitted transaction that ended in an error, with every write it attempted before failing. */
export interface Refusal {
  readonly txId: string;
  readonly error: unknown;
  readonly attemptedWrites: readonly string[];
}

/** The first few writes, enough to find the first one in the code. */
function listed(writes: readonly string[]): string {
  const shown = 4;
  const more = writes.length - shown;
  return writes.slice(0, shown).join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/**
 * Thrown by {@link TestLedger.submit} instead of a transaction's own error when the transaction attempted a
 * write before failing. The chaincode's rule is to validate and check everything before writing anything; a
 * peer would discard such writes with the failed transaction, so without this error no test could see them.
 * The message deliberately leaves out the transaction's own message (kept as `cause`), so an assertion on
 * that message cannot pass by accident.
 */
export class WriteBeforeRefusalError extends Error {
  constructor(public readonly refusal: Refusal) {
    super(
      `WRITE_BEFORE_REFUSAL: transaction ${refusal.txId.slice(0, 12)} attempted ${listed(refusal.attemptedWrites)} ` +
        `before it failed; check everything before writing anything (the transaction's own error is this ` +
        `error's cause; every write is in \`refusal.attemptedWrites\`)`,
      { cause: refusal.error },
    );
    this.name = 'WriteBeforeRefusalError';
  }
}

/** Start of the simulated clock: 2025-01-15T00:00:00Z. */
const DEFAULT_START_SECONDS = Date.UTC(2025, 0, 15) / 1000;

/**
 * A one-peer, one-block-per-transaction ledger for unit tests. `submit` runs a transaction function against
 * a fresh stub and commits its writes only if it returns normally; `evaluate` never commits. Since a failed
 * transaction therefore never changes the world, comparing the world before and after a refusal proves
 * nothing: instead every failed submit is kept in {@link refusals} with the writes it attempted, and one that
 * attempted any write fails with {@link WriteBeforeRefusalError}. Transaction ids are deterministic
 * (`sha256(counter)`), time is a settable clock.
 */
export class TestLedger {
  /** Every submitted transaction that ended in an error, oldest first. */
  readonly refusals: Refusal[] = [];
  /** The stub of the last submitted transaction: what it read and wrote (see MemoryStub.stateReads). */
  lastStub: MemoryStub | undefined;
  private counter = 0;
  private seconds: number;

  constructor(
    public world: MemoryWorld = new MemoryWorld(),
    startSeconds = DEFAULT_START_SECONDS,
  ) {
    this.seconds = startSeconds;
  }

  /** Moves the clock to an ISO time (e.g. past a deadline). */
  setTime(iso: string): void {
    this.seconds = Math.floor(Date.parse(iso) / 1000);
  }

  now(): string {
    return new Date(this.seconds * 1000).toISOString();
  }

  /** A copy of this ledger at the same point in time, for trying transactions side by side. */
  fork(): TestLedger {
    const copy = new TestLedger(this.world.clone(), this.seconds);
    copy.counter = this.counter;
    return copy;
  }

  private context(
    who: TestIdentity,
    transient?: ReadonlyMap<string, Uint8Array>,
  ): { ctx: Context; stub: MemoryStub } {
    this.counter += 1;
    const txId = createHash('sha256').update(`tx-${this.counter}`).digest('hex');
    const stub = new MemoryStub(this.world, txId, this.seconds, who.mspId, [], transient);
    const ctx = new Context();
    ctx.stub = stub;
    ctx.clientIdentity = new MemoryClientIdentity(who);
    // Each transaction happens one second after the previous one.
    this.seconds += 1;
    return { ctx, stub };
  }

  /**
   * Runs a state-changing transaction; commits its writes only when it succeeds. A failure is recorded in
   * {@link refusals}; if the transaction attempted a write before failing, a {@link WriteBeforeRefusalError}
   * replaces its error. `transient` is the proposal's transient map (commercial data, a request id).
   */
  async submit<T>(
    who: TestIdentity,
    transaction: (ctx: Context) => Promise<T>,
    transient?: ReadonlyMap<string, Uint8Array>,
  ): Promise<T> {
    const { ctx, stub } = this.context(who, transient);
    this.lastStub = stub;
    let result: T;
    try {
      result = await transaction(ctx);
    } catch (error) {
      const refusal: Refusal = { txId: stub.getTxID(), error, attemptedWrites: stub.attemptedWrites() };
      this.refusals.push(refusal);
      throw refusal.attemptedWrites.length > 0 ? new WriteBeforeRefusalError(refusal) : error;
    }
    this.world.commit(stub.toWriteSet());
    return result;
  }

  /** The most recent failed submit, if any. */
  lastRefusal(): Refusal | undefined {
    return this.refusals.at(-1);
  }

  /** Runs a read-only transaction; nothing it writes is kept. */
  async evaluate<T>(who: TestIdentity, transaction: (ctx: Context) => Promise<T>): Promise<T> {
    const { ctx } = this.context(who);
    return transaction(ctx);
  }

  /** The last committed event, parsed. */
  lastEvent(): { name: string; payload: Record<string, unknown> } | undefined {
    const event = this.world.events.at(-1);
    return event === undefined
      ? undefined
      : { name: event.name, payload: event.payload as Record<string, unknown> };
  }
}
