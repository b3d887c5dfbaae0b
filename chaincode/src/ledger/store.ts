import type { Context } from 'fabric-contract-api';
import { type HistoryEntry, notFound } from '@carbon-ets/contract';
import { fromBytes, toBytes } from './canonical-json';
import type { ObjectTypeName } from './keys';
import { entriesOf } from './state-iteration';
import { timestampMillis } from './tx-time';

/** One entry of a key's history as the Query contract returns it (the wire contract's schema). */
export type { HistoryEntry };

/**
 * Typed access to the world state through composite keys. Values are canonical JSON. Remember Fabric's rule:
 * a transaction does not read its own writes — reads always see the state before the transaction.
 */
export class Store {
  constructor(readonly ctx: Context) {}

  key(type: ObjectTypeName, attributes: readonly (string | number)[]): string {
    return this.ctx.stub.createCompositeKey(type, attributes.map(String));
  }

  async get<T>(type: ObjectTypeName, attributes: readonly (string | number)[]): Promise<T | undefined> {
    return this.getByKey<T>(this.key(type, attributes));
  }

  async getByKey<T>(key: string): Promise<T | undefined> {
    const bytes = await this.ctx.stub.getState(key);
    if (bytes.length === 0) {
      return undefined;
    }
    return fromBytes(bytes) as T;
  }

  /** Reads an object that must exist; `what` names it in the error (`account ACC1`). */
  async require<T>(type: ObjectTypeName, attributes: readonly (string | number)[], what: string): Promise<T> {
    const value = await this.get<T>(type, attributes);
    if (value === undefined) {
      throw notFound(`${what} does not exist`);
    }
    return value;
  }

  async exists(type: ObjectTypeName, attributes: readonly (string | number)[]): Promise<boolean> {
    const bytes = await this.ctx.stub.getState(this.key(type, attributes));
    return bytes.length > 0;
  }

  async put(type: ObjectTypeName, attributes: readonly (string | number)[], value: unknown): Promise<string> {
    const key = this.key(type, attributes);
    await this.ctx.stub.putState(key, toBytes(value));
    return key;
  }

  async delete(type: ObjectTypeName, attributes: readonly (string | number)[]): Promise<void> {
    await this.ctx.stub.deleteState(this.key(type, attributes));
  }

  /**
   * All objects under a partial composite key. A range read: use it in queries, or in writing transactions only
   * where a concurrent insert into the range should indeed make this transaction fail (phantom read).
   */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the stored type
  async list<T>(
    type: ObjectTypeName,
    attributes: readonly (string | number)[],
  ): Promise<{ key: string; value: T }[]> {
    const results: { key: string; value: T }[] = [];
    for await (const kv of entriesOf(
      this.ctx.stub.getStateByPartialCompositeKey(type, attributes.map(String)),
    )) {
      results.push({ key: kv.key, value: fromBytes(kv.value) as T });
    }
    return results;
  }

  /** The life of a key as Fabric's history database records it. */
  async history(key: string): Promise<HistoryEntry[]> {
    const entries: HistoryEntry[] = [];
    for await (const modification of entriesOf(this.ctx.stub.getHistoryForKey(key))) {
      entries.push({
        txId: modification.txId,
        timestamp: new Date(timestampMillis(modification.timestamp)).toISOString(),
        isDelete: modification.isDelete,
        value:
          modification.isDelete || modification.value.length === 0 ? null : fromBytes(modification.value),
      });
    }
    return entries;
  }
}
