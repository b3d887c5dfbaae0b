import type { Iterators } from 'fabric-shim-api';
import {
  AuditorMsp,
  commercialCollection,
  commercialCollectionOwner,
  RegulatorMsp,
  VerifierMsp,
} from '@carbon-ets/contract';

/** One committed change of a key, newest first as Fabric's history database returns it. */
export interface MemoryModification {
  readonly txId: string;
  readonly seconds: number;
  readonly isDelete: boolean;
  readonly value: Uint8Array;
}

/** A chaincode event as committed with its transaction. */
export interface MemoryEvent {
  readonly txId: string;
  readonly name: string;
  readonly payload: unknown;
}

/** A write to a private data collection. */
export interface PrivateWrite {
  readonly collection: string;
  readonly key: string;
  readonly value: Uint8Array;
}

/** The organisations that read every enterprise's commercial collection (as network/ derives them). */
const SUPERVISOR_MSPS: readonly string[] = [RegulatorMsp, VerifierMsp, AuditorMsp];

/** What one simulated transaction wants to change; applied atomically by {@link MemoryWorld.commit}. */
export interface WriteSet {
  readonly txId: string;
  readonly seconds: number;
  readonly writes: ReadonlyMap<string, Uint8Array | null>;
  readonly privateWrites: readonly PrivateWrite[];
  readonly validationParameters: ReadonlyMap<string, Uint8Array>;
  readonly event: { name: string; payload: Uint8Array } | undefined;
}

/**
 * The committed ledger of the in-memory test network: world state, key-level validation parameters, history
 * per key and events. Only {@link commit} changes it, so a transaction that throws leaves it untouched.
 */
export class MemoryWorld {
  readonly state = new Map<string, Uint8Array>();
  readonly validationParameters = new Map<string, Uint8Array>();
  readonly history = new Map<string, MemoryModification[]>();
  readonly events: MemoryEvent[] = [];
  /** Private data by collection, then key: what every member's peer of the collection holds. */
  readonly privateState = new Map<string, Map<string, Uint8Array>>();
  /** The state's keys in order, kept in step with `state` by commit (range reads stay fast on big books). */
  private sortedKeys: string[] | undefined;

  commit(writeSet: WriteSet): void {
    for (const [key, value] of writeSet.writes) {
      const modifications = this.history.get(key) ?? [];
      this.indexKey(key, value !== null);
      if (value === null) {
        this.state.delete(key);
        modifications.unshift({
          txId: writeSet.txId,
          seconds: writeSet.seconds,
          isDelete: true,
          value: new Uint8Array(),
        });
      } else {
        this.state.set(key, value);
        modifications.unshift({ txId: writeSet.txId, seconds: writeSet.seconds, isDelete: false, value });
      }
      this.history.set(key, modifications);
    }
    for (const { collection, key, value } of writeSet.privateWrites) {
      const values = this.privateState.get(collection) ?? new Map<string, Uint8Array>();
      values.set(key, value);
      this.privateState.set(collection, values);
    }
    for (const [key, parameter] of writeSet.validationParameters) {
      this.validationParameters.set(key, parameter);
    }
    if (writeSet.event !== undefined) {
      this.events.push({
        txId: writeSet.txId,
        name: writeSet.event.name,
        payload: JSON.parse(Buffer.from(writeSet.event.payload).toString('utf8')),
      });
    }
  }

  /** The test network's collections: one commercial collection per enterprise organisation. */
  isCollection(collection: string): boolean {
    const owner = commercialCollectionOwner(collection);
    return owner !== undefined && !SUPERVISOR_MSPS.includes(owner);
  }

  /** Its owner and the supervisors' organisations. */
  isCollectionMember(collection: string, mspId: string): boolean {
    return (
      this.isCollection(collection) &&
      (collection === commercialCollection(mspId) || SUPERVISOR_MSPS.includes(mspId))
    );
  }

  privateValue(collection: string, key: string): Uint8Array | undefined {
    return this.privateState.get(collection)?.get(key);
  }

  /** Keys in [startKey, endKey) in key order, as LevelDB range scans return them. */
  range(startKey: string, endKey: string): Iterators.KV[] {
    const keys = this.keysInOrder();
    const results: Iterators.KV[] = [];
    for (let i = lowerBound(keys, startKey); i < keys.length; i += 1) {
      const key = keys[i] ?? '';
      if (endKey !== '' && key >= endKey) break;
      results.push({ namespace: 'carbon', key, value: this.state.get(key) ?? new Uint8Array() });
    }
    return results;
  }

  private keysInOrder(): string[] {
    this.sortedKeys ??= [...this.state.keys()].sort();
    return this.sortedKeys;
  }

  private indexKey(key: string, present: boolean): void {
    if (this.sortedKeys === undefined) return;
    const at = lowerBound(this.sortedKeys, key);
    const there = this.sortedKeys[at] === key;
    if (present && !there) this.sortedKeys.splice(at, 0, key);
    if (!present && there) this.sortedKeys.splice(at, 1);
  }

  /** A deep copy, so a test can try many transactions against the same starting point. */
  clone(): MemoryWorld {
    const copy = new MemoryWorld();
    for (const [key, value] of this.state) copy.state.set(key, value);
    for (const [key, value] of this.validationParameters) copy.validationParameters.set(key, value);
    for (const [key, value] of this.history) copy.history.set(key, [...value]);
    copy.events.push(...this.events);
    for (const [collection, values] of this.privateState) copy.privateState.set(collection, new Map(values));
    return copy;
  }

  /** A comparable fingerprint of state, validation parameters and events. */
  fingerprint(): string {
    const decode = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
    return JSON.stringify({
      state: [...this.state.entries()].sort().map(([k, v]) => [k, decode(v)]),
      validation: [...this.validationParameters.entries()].sort().map(([k, v]) => [k, decode(v)]),
      private: [...this.privateState.entries()]
        .sort()
        .map(([collection, values]) => [
          collection,
          [...values.entries()].sort().map(([k, v]) => [k, decode(v)]),
        ]),
      events: this.events.length,
    });
  }
}

/** The first index of `keys` (sorted) whose key is not below `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? '') < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
