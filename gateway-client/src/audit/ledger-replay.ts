import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ObjectTypeName } from '@carbon-ets/contract';
import type { common } from '@hyperledger/fabric-protos';
import { GatewayClientError } from '../errors';
import { blockTransactions } from './block-decoder';

/**
 * What {@link LedgerReplay.objects} needs of a schema of `@carbon-ets/contract` (`Lot`, `CashEntry`, …): zod's
 * `safeParse`. Declared by its shape, so this package reads state with the contract's schemas without a zod
 * dependency of its own.
 */
export interface StateSchema<T> {
  safeParse(value: unknown):
    | { readonly success: true; readonly data: T }
    | {
        readonly success: false;
        readonly error: {
          readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
        };
      };
}

/** Where a replay stands: the next block to apply and the state rebuilt so far. Saved as a checkpoint file. */
interface ReplayCheckpoint {
  readonly channel: string;
  readonly namespace: string;
  readonly nextBlock: string;
  readonly transactions: number;
  readonly validTransactions: number;
  readonly state: readonly (readonly [string, string])[];
}

/** The accounts and vintages whose state the blocks applied while recording changed (before or after). */
export interface StateTouches {
  readonly accounts: Set<string>;
  readonly vintages: Set<number>;
}

/**
 * Rebuilds the chaincode's world state off-chain from committed blocks: the valid transactions' writes,
 * applied in block order. Independent of the peers' state databases, so comparing the two finds anything
 * that does not add up.
 */
export class LedgerReplay {
  /** Key → JSON value, as the world state should hold it. */
  readonly state = new Map<string, string>();
  nextBlock = 0n;
  transactions = 0;
  validTransactions = 0;
  private touches: StateTouches | undefined;

  constructor(
    readonly channel: string,
    readonly namespace: string,
  ) {}

  apply(block: common.Block): void {
    const number = BigInt(block.getHeader()?.getNumber() ?? -1);
    if (number !== this.nextBlock)
      throw new Error(`replay expected block ${this.nextBlock}, got block ${number}`);
    const decoder = new TextDecoder();
    for (const transaction of blockTransactions(block, this.namespace)) {
      this.transactions++;
      if (!transaction.valid) continue;
      this.validTransactions++;
      for (const write of transaction.writes) {
        const value = write.isDelete ? undefined : decoder.decode(write.value);
        if (this.touches) {
          noteTouch(this.touches, this.state.get(write.key));
          noteTouch(this.touches, value);
        }
        if (value === undefined) this.state.delete(write.key);
        else this.state.set(write.key, value);
      }
    }
    this.nextBlock = number + 1n;
  }

  /**
   * Notes, from now until {@link stopRecording}, which accounts and vintages the applied writes change: any
   * state whose old or new value names an `accountId` or a `vintage` (lots, cash entries, orders, escrow…).
   */
  recordTouches(): StateTouches {
    this.touches = { accounts: new Set(), vintages: new Set() };
    return this.touches;
  }

  stopRecording(): void {
    this.touches = undefined;
  }

  /**
   * Values of every key of one object type (composite keys `\0type\0attr…\0`), each parsed with the wire
   * contract's schema of that state. A value the schema refuses throws: the chaincode that wrote it and this
   * client disagree on the contract, and totals built from a guess would be wrong.
   */
  objects<T>(type: ObjectTypeName, schema: StateSchema<T>): T[] {
    const prefix = `\u0000${type}\u0000`;
    const found: T[] = [];
    for (const [key, value] of this.state) {
      if (!key.startsWith(prefix)) continue;
      const parsed = schema.safeParse(JSON.parse(value));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new GatewayClientError(
          'ANSWER_MISMATCH',
          `the ${type} ${readableKey(key)} written in block history does not match the wire contract: ${issue?.path.map(String).join('.') ?? ''} ${issue?.message ?? ''}`,
          'the chaincode that wrote it and this client were built from different versions of @carbon-ets/contract',
        );
      }
      found.push(parsed.data);
    }
    return found;
  }

  save(file: string): void {
    const checkpoint: ReplayCheckpoint = {
      channel: this.channel,
      namespace: this.namespace,
      nextBlock: this.nextBlock.toString(),
      transactions: this.transactions,
      validTransactions: this.validTransactions,
      state: [...this.state],
    };
    // Write then rename, so an interrupted save never leaves a half-written checkpoint.
    writeFileSync(`${file}.tmp`, JSON.stringify(checkpoint));
    renameSync(`${file}.tmp`, file);
  }

  /** A replay resumed from `file`, or a new one if the file does not exist or is for another channel. */
  static resume(file: string | undefined, channel: string, namespace: string): LedgerReplay {
    const replay = new LedgerReplay(channel, namespace);
    if (file === undefined) return replay;
    let checkpoint: ReplayCheckpoint;
    try {
      checkpoint = JSON.parse(readFileSync(file, 'utf8')) as ReplayCheckpoint;
    } catch {
      return replay;
    }
    if (checkpoint.channel !== channel || checkpoint.namespace !== namespace) return replay;
    replay.nextBlock = BigInt(checkpoint.nextBlock);
    replay.transactions = checkpoint.transactions;
    replay.validTransactions = checkpoint.validTransactions;
    for (const [key, value] of checkpoint.state) replay.state.set(key, value);
    return replay;
  }
}

function noteTouch(touches: StateTouches, value: string | undefined): void {
  if (value === undefined) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return;
  }
  if (typeof parsed !== 'object' || parsed === null) return;
  const { accountId, vintage } = parsed as { accountId?: unknown; vintage?: unknown };
  if (typeof accountId === 'string') touches.accounts.add(accountId);
  if (typeof vintage === 'number') touches.vintages.add(vintage);
}

/** A composite key's attributes as people write them: `\0lot\0HOLD1\0l1\0` → `HOLD1 ~ l1`. */
function readableKey(key: string): string {
  return key.split('\u0000').slice(2, -1).join(' ~ ');
}
