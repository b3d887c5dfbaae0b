import Long from 'long';
import type {
  ChaincodeProposal,
  ChaincodeResponse,
  ChaincodeStub,
  Iterators,
  SerializedIdentity,
  SplitCompositekey,
  StateQueryResponse,
  Timestamp,
} from 'fabric-shim-api';
import { createHash } from 'node:crypto';
import type { MemoryWorld, PrivateWrite, WriteSet } from './memory-world';

// Same encoding as fabric-shim's stub, so keys look exactly like on a peer.
const COMPOSITE_KEY_NAMESPACE = '\x00';
const MIN_UNICODE_RUNE = '\u0000';
const MAX_UNICODE_RUNE = '\u{10ffff}';

type QueryResult<T> = Promise<Iterators.CommonIterator<T>> & AsyncIterable<T>;

/**
 * Wraps a snapshot array as the promise-plus-async-iterable the real stub returns, and behaves as fabric-shim
 * does: a range read's promise resolves to `{ iterator }` (`wrapped`), a history read's to the iterator; its
 * `for await` closes the iterator after the last item and when left early. `onRead` sees each item as the
 * chaincode takes it (a reader that stops early has read only what it took); `onMessage` each further message
 * the iteration sends the peer (next batch, close).
 */
function queryResult<T>(
  items: readonly T[],
  { onRead = () => undefined, onMessage = () => undefined, wrapped = false }: QueryOptions<T> = {},
): QueryResult<T> {
  let index = 0;
  const iterator: Iterators.CommonIterator<T> = {
    close: () => {
      onMessage('QUERY_STATE_CLOSE');
      return Promise.resolve();
    },
    next: () => {
      // The peer answers in batches of PEER_QUERY_BATCH; each further batch is one more message.
      if (index > 0 && index % PEER_QUERY_BATCH === 0 && index < items.length) onMessage('QUERY_STATE_NEXT');
      const value = items[index];
      index += 1;
      if (value !== undefined) onRead(value);
      return Promise.resolve(
        value === undefined ? { value: undefined as unknown as T, done: true } : { value, done: false },
      );
    },
  };
  // fabric-shim's range reads resolve to `{ iterator }` although its type declarations say the iterator.
  const promise = Promise.resolve(
    wrapped ? ({ iterator } as unknown as Iterators.CommonIterator<T>) : iterator,
  );
  return Object.assign(promise, {
    async *[Symbol.asyncIterator](): AsyncGenerator<T> {
      try {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      } finally {
        // As fabric-shim: closed after the last item too (a message the peer does not need; see entriesOf).
        await iterator.close();
      }
    },
  });
}

interface QueryOptions<T> {
  readonly onRead?: (item: T) => void;
  readonly onMessage?: (type: PeerMessage) => void;
  readonly wrapped?: boolean;
}

/** Results a peer returns per message of a range or history read (Fabric's `MaxResultLimit`). */
const PEER_QUERY_BATCH = 100;

/**
 * The chaincode-to-peer messages of fabric-shim, by their Fabric names: each is a round trip between chaincode
 * and peer on every endorsing peer. (An event travels with the transaction's result: no message.)
 */
export type PeerMessage =
  | 'GET_STATE'
  | 'PUT_STATE'
  | 'DEL_STATE'
  | 'GET_STATE_METADATA'
  | 'PUT_STATE_METADATA'
  | 'GET_STATE_BY_RANGE'
  | 'QUERY_STATE_NEXT'
  | 'QUERY_STATE_CLOSE'
  | 'GET_HISTORY_FOR_KEY'
  | 'GET_PRIVATE_DATA_HASH';

/** A range a transaction opened, with its bounds as asked. */
export interface RangeRead {
  readonly start: string;
  readonly end: string;
}

/** A key as a person reads it: composite keys as `objectType/attribute/…`. */
export function printableKey(key: string): string {
  if (!key.startsWith(COMPOSITE_KEY_NAMESPACE)) {
    return key;
  }
  return key.slice(1).split(MIN_UNICODE_RUNE).slice(0, -1).join('/');
}

function unsupported(name: string): never {
  throw new Error(`MemoryStub does not implement ${name}`);
}

/**
 * An in-memory chaincode stub for one simulated transaction. Like a peer, reads see only the committed world
 * (never this transaction's own writes); writes, validation parameters and the (last) event are buffered and
 * reach the world only through {@link toWriteSet} + {@link MemoryWorld.commit}. Every write call is also logged,
 * accepted or not, so the test ledger can tell whether a transaction that ended in an error tried to write
 * first (on a peer such writes vanish with the failed transaction, so only this log can catch them).
 */
export class MemoryStub implements ChaincodeStub {
  private readonly writes = new Map<string, Uint8Array | null>();
  private readonly privateWrites = new Map<string, PrivateWrite>();
  private readonly validationWrites = new Map<string, Uint8Array>();
  private event: { name: string; payload: Uint8Array } | undefined;
  private readonly attempts: string[] = [];
  private readonly keysRead: string[] = [];
  private readonly rangesRead: RangeRead[] = [];
  private readonly messages: PeerMessage[] = [];

  constructor(
    private readonly world: MemoryWorld,
    private readonly txId: string,
    private readonly seconds: number,
    private readonly mspId: string,
    private readonly args: readonly string[] = [],
    private readonly transient: ReadonlyMap<string, Uint8Array> = new Map(),
  ) {}

  toWriteSet(): WriteSet {
    return {
      txId: this.txId,
      seconds: this.seconds,
      writes: this.writes,
      privateWrites: [...this.privateWrites.values()],
      validationParameters: this.validationWrites,
      event: this.event,
    };
  }

  /** Every write this transaction attempted, in call order (`putState lot/A/1`, `setEvent Transferred`…). */
  attemptedWrites(): readonly string[] {
    return [...this.attempts];
  }

  /**
   * The state keys this transaction read, in call order: point reads (found or not) and every key it took from
   * a range read. With {@link rangeReads}, what a peer would put in the transaction's read set.
   */
  stateReads(): readonly string[] {
    return [...this.keysRead];
  }

  /** The ranges this transaction opened (range and partial-composite-key reads), as asked. */
  rangeReads(): readonly RangeRead[] {
    return [...this.rangesRead];
  }

  /**
   * The messages this transaction sent the peer, in order, as fabric-shim would send them (private data reads
   * and writes are PUT_STATE/GET_STATE with a collection): on a network each is a round trip on every endorser.
   */
  peerMessages(): readonly PeerMessage[] {
    return [...this.messages];
  }

  /** The keys this transaction writes or deletes. */
  writtenKeys(): readonly string[] {
    return [...this.writes.keys()];
  }

  getArgs(): string[] {
    return [...this.args];
  }
  getStringArgs(): string[] {
    return [...this.args];
  }
  getFunctionAndParameters(): { params: string[]; fcn: string } {
    return { fcn: this.args[0] ?? '', params: this.args.slice(1) };
  }
  getTxID(): string {
    return this.txId;
  }
  getChannelID(): string {
    return 'carbon';
  }
  getCreator(): SerializedIdentity {
    return { mspid: this.mspId, idBytes: new Uint8Array() };
  }
  getMspID(): string {
    return this.mspId;
  }
  getTransient(): Map<string, Uint8Array> {
    return new Map(this.transient);
  }
  getSignedProposal(): ChaincodeProposal.SignedProposal {
    return unsupported('getSignedProposal');
  }
  getTxTimestamp(): Timestamp {
    return { seconds: Long.fromNumber(this.seconds), nanos: 0 };
  }
  getDateTimestamp(): Date {
    return new Date(this.seconds * 1000);
  }
  getBinding(): string {
    return unsupported('getBinding');
  }

  getState(key: string): Promise<Uint8Array> {
    this.messages.push('GET_STATE');
    this.keysRead.push(key);
    return Promise.resolve(this.world.state.get(key) ?? new Uint8Array());
  }
  putState(key: string, value: Uint8Array): Promise<void> {
    this.attempts.push(`putState ${printableKey(key)}`);
    this.messages.push('PUT_STATE');
    if (key === '') {
      return Promise.reject(new Error('key must not be empty'));
    }
    this.writes.set(key, Uint8Array.from(value));
    return Promise.resolve();
  }
  deleteState(key: string): Promise<void> {
    this.attempts.push(`deleteState ${printableKey(key)}`);
    this.messages.push('DEL_STATE');
    this.writes.set(key, null);
    return Promise.resolve();
  }
  setStateValidationParameter(key: string, ep: Uint8Array): Promise<void> {
    this.attempts.push(`setStateValidationParameter ${printableKey(key)}`);
    this.messages.push('PUT_STATE_METADATA');
    this.validationWrites.set(key, Uint8Array.from(ep));
    return Promise.resolve();
  }
  getStateValidationParameter(key: string): Promise<Uint8Array> {
    this.messages.push('GET_STATE_METADATA');
    return Promise.resolve(this.world.validationParameters.get(key) ?? new Uint8Array());
  }
  getStateByRange(startKey: string, endKey: string): QueryResult<Iterators.KV> {
    // As fabric-shim (which rejects): simple keys only; composite-key ranges go through `handler`.
    for (const key of [startKey, endKey]) {
      if (key.startsWith(COMPOSITE_KEY_NAMESPACE)) {
        throw new Error(`first character of the key [${key}] contains a null character which is not allowed`);
      }
    }
    return this.rangeQuery(startKey, endKey);
  }

  /**
   * fabric-shim's handler call behind its range reads, which the peer serves for any keys: composite-key ranges
   * that start after a given key use it (chaincode/src/ledger/key-range.ts).
   */
  readonly handler = {
    handleGetStateByRange: (
      _collection: string,
      startKey: string,
      endKey: string,
    ): Promise<{ iterator: Iterators.StateQueryIterator }> =>
      // A range read resolves to `{ iterator }` (see queryResult).
      this.rangeQuery(startKey, endKey) as unknown as Promise<{ iterator: Iterators.StateQueryIterator }>,
  };

  private rangeQuery(start: string, end: string): QueryResult<Iterators.KV> {
    this.messages.push('GET_STATE_BY_RANGE');
    this.rangesRead.push({ start, end });
    return queryResult(this.world.range(start, end), {
      onRead: (kv) => this.keysRead.push(kv.key),
      onMessage: (type) => this.messages.push(type),
      wrapped: true,
    });
  }
  getStateByRangeWithPagination(): Promise<StateQueryResponse<Iterators.StateQueryIterator>> &
    AsyncIterable<Iterators.KV> {
    return unsupported('getStateByRangeWithPagination');
  }
  getStateByPartialCompositeKey(objectType: string, attributes: string[]): QueryResult<Iterators.KV> {
    const prefix = this.createCompositeKey(objectType, attributes);
    return this.rangeQuery(prefix, prefix + MAX_UNICODE_RUNE);
  }
  getStateByPartialCompositeKeyWithPagination(): Promise<StateQueryResponse<Iterators.StateQueryIterator>> &
    AsyncIterable<Iterators.KV> {
    return unsupported('getStateByPartialCompositeKeyWithPagination');
  }
  getQueryResult(): QueryResult<Iterators.KV> {
    return unsupported('getQueryResult (CouchDB only; the network uses LevelDB)');
  }
  getQueryResultWithPagination(): Promise<StateQueryResponse<Iterators.StateQueryIterator>> &
    AsyncIterable<Iterators.KV> {
    return unsupported('getQueryResultWithPagination');
  }
  getHistoryForKey(key: string): QueryResult<Iterators.KeyModification> {
    const modifications = (this.world.history.get(key) ?? []).map((m) => ({
      txId: m.txId,
      isDelete: m.isDelete,
      value: m.value,
      // As the real shim: history timestamps come from Timestamp.toObject(), so seconds is a plain number.
      // (its type declaration says Long; the runtime value is not).
      timestamp: { seconds: m.seconds as unknown as Long, nanos: 0 },
    }));
    this.messages.push('GET_HISTORY_FOR_KEY');
    return queryResult(modifications, { onMessage: (type) => this.messages.push(type) });
  }
  invokeChaincode(): Promise<ChaincodeResponse> {
    return unsupported('invokeChaincode');
  }
  setEvent(name: string, payload: Uint8Array): void {
    this.attempts.push(`setEvent ${name}`);
    // Fabric keeps only the last event of a transaction.
    this.event = { name, payload: Uint8Array.from(payload) };
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    for (const part of [objectType, ...attributes]) {
      if (part.includes(MIN_UNICODE_RUNE) || part.includes(MAX_UNICODE_RUNE)) {
        throw new Error(`composite key part contains a reserved character: ${JSON.stringify(part)}`);
      }
    }
    return COMPOSITE_KEY_NAMESPACE + [objectType, ...attributes].map((p) => p + MIN_UNICODE_RUNE).join('');
  }
  splitCompositeKey(compositeKey: string): SplitCompositekey {
    const parts = compositeKey.slice(1).split(MIN_UNICODE_RUNE);
    return { objectType: parts[0] ?? '', attributes: parts.slice(1, -1) };
  }

  /** Like a member's peer with memberOnlyRead: a user of an organisation outside the collection is refused. */
  getPrivateData(collection: string, key: string): Promise<Uint8Array> {
    this.messages.push('GET_STATE');
    if (!this.world.isCollectionMember(collection, this.mspId)) {
      return Promise.reject(
        new Error(
          `tx creator does not have read access permission on privatedata in chaincodeName:carbon collectionName: ${collection}`,
        ),
      );
    }
    return Promise.resolve(this.world.privateValue(collection, key) ?? new Uint8Array());
  }
  getPrivateDataHash(collection: string, key: string): Promise<Uint8Array> {
    this.messages.push('GET_PRIVATE_DATA_HASH');
    const value = this.world.privateValue(collection, key);
    return Promise.resolve(
      value === undefined ? new Uint8Array() : createHash('sha256').update(value).digest(),
    );
  }
  putPrivateData(collection: string, key: string, value: Uint8Array): Promise<void> {
    this.attempts.push(`putPrivateData ${collection} ${printableKey(key)}`);
    this.messages.push('PUT_STATE');
    if (!this.world.isCollection(collection)) {
      return Promise.reject(new Error(`collection ${collection} could not be found`));
    }
    this.privateWrites.set(`${collection}\n${key}`, { collection, key, value: Uint8Array.from(value) });
    return Promise.resolve();
  }
  deletePrivateData(): Promise<void> {
    return unsupported('deletePrivateData');
  }
  purgePrivateData(): Promise<void> {
    return unsupported('purgePrivateData');
  }
  setPrivateDataValidationParameter(): Promise<void> {
    return unsupported('setPrivateDataValidationParameter');
  }
  getPrivateDataValidationParameter(): Promise<Uint8Array> {
    return unsupported('getPrivateDataValidationParameter');
  }
  getPrivateDataByRange(): QueryResult<Iterators.KV> {
    return unsupported('getPrivateDataByRange');
  }
  getPrivateDataByPartialCompositeKey(): QueryResult<Iterators.KV> {
    return unsupported('getPrivateDataByPartialCompositeKey');
  }
  getPrivateDataQueryResult(): QueryResult<Iterators.KV> {
    return unsupported('getPrivateDataQueryResult');
  }
}
