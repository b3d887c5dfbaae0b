import './quiet-logs';
import { createHash } from 'node:crypto';
import { Context } from 'fabric-contract-api';
import { MemoryClientIdentity, type TestIdentity } from './memory-identity';
import { MemoryStub } from './memory-stub';
import { MemoryWorld } from './memory-world';

/** Start of the simulated clock: 2025-01-15T00:00:00Z. */
const DEFAULT_START_SECONDS = Date.UTC(2025, 0, 15) / 1000;

/**
 * A one-peer, one-block-per-transaction ledger for unit tests. `submit` runs a transaction function against
 * a fresh stub and commits its writes only if it returns normally — so "bad input changes nothing" is testable;
 * `evaluate` never commits. Transaction ids are deterministic (`sha256(counter)`), time is a settable clock.
 */
export class TestLedger {
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

  private context(who: TestIdentity): { ctx: Context; stub: MemoryStub } {
    this.counter += 1;
    const txId = createHash('sha256').update(`tx-${this.counter}`).digest('hex');
    const stub = new MemoryStub(this.world, txId, this.seconds, who.mspId);
    const ctx = new Context();
    ctx.stub = stub;
    ctx.clientIdentity = new MemoryClientIdentity(who);
    // Each transaction happens one second after the previous one.
    this.seconds += 1;
    return { ctx, stub };
  }

  /** Runs a state-changing transaction; commits its writes only when it succeeds. */
  async submit<T>(who: TestIdentity, transaction: (ctx: Context) => Promise<T>): Promise<T> {
    const { ctx, stub } = this.context(who);
    const result = await transaction(ctx);
    this.world.commit(stub.toWriteSet());
    return result;
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
