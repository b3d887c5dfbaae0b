import type { Context } from 'fabric-contract-api';
import type { Iterators } from 'fabric-shim-api';
import { fromBytes } from './canonical-json';
import type { ObjectTypeName } from './keys';
import { entriesOf } from './state-iteration';

/** Sorts after every character a key part may hold, so `prefix + AFTER_ALL` ends a composite-key range. */
const AFTER_ALL = '\u{10ffff}';
/** Ends every composite key part; a key plus this sorts just after the key and before its successors. */
const PART_END = '\u0000';

/** The one call of fabric-shim's handler this module needs (how getStateByPartialCompositeKey reads). */
interface RangeHandler {
  handleGetStateByRange(
    collection: string,
    startKey: string,
    endKey: string,
    channelId: string,
    txId: string,
  ): Promise<{ iterator: Iterators.StateQueryIterator }>;
}

/**
 * The stub's handler, when it has one: fabric-shim's public `getStateByRange` refuses composite keys (it keeps
 * simple keys out of their namespace) and a paginated query forbids writes in the same transaction, but the peer
 * ranges over any keys: `getStateByPartialCompositeKey` itself is this handler call. The in-memory stub has one
 * too (see MemoryStub.handler), so tests take this same path.
 */
function rangeHandler(ctx: Context): RangeHandler {
  const handler = (ctx.stub as unknown as { handler?: Partial<RangeHandler> }).handler;
  if (typeof handler?.handleGetStateByRange !== 'function') {
    throw new Error('the chaincode stub offers no range read over composite keys');
  }
  return handler as RangeHandler;
}

/** One stored object of a range read, with the size of its stored value. */
interface Stored<T> {
  key: string;
  value: T;
  bytes: number;
}

/**
 * Reads keys `startKey` (inclusive) to `endKey` (exclusive) in key order: at most `limit` objects, and only while
 * `fits` agrees with the one just read, then closes the range; `ended` tells that the range held nothing more.
 * A peer answers in batches of 100 keys and records the range in the read set up to the last key it fetched: the
 * keys taken and at most the rest of their batch (plus one), not the whole range.
 */
async function readRange<T>(
  ctx: Context,
  startKey: string,
  endKey: string,
  limit: number,
  fits: (taken: readonly Stored<T>[], next: Stored<T>) => boolean = () => true,
): Promise<{ objects: Stored<T>[]; ended: boolean }> {
  const entries = entriesOf(
    rangeHandler(ctx).handleGetStateByRange(
      '',
      startKey,
      endKey,
      ctx.stub.getChannelID(),
      ctx.stub.getTxID(),
    ),
  );
  const objects: Stored<T>[] = [];
  try {
    while (objects.length < limit) {
      const next = await entries.next();
      if (next.done === true) return { objects, ended: true };
      const bytes = next.value.value.length;
      const stored = { key: next.value.key, value: fromBytes(next.value.value) as T, bytes };
      if (!fits(objects, stored)) return { objects, ended: false };
      objects.push(stored);
    }
    return { objects, ended: false };
  } finally {
    // Closes the peer's iterator when the range was left before its end (a no-op after the end).
    await entries.return(undefined);
  }
}

/**
 * Up to `limit` objects of one type with a single-attribute key (`installation ~ id`), in key order, starting
 * just after the object `afterId` (from the first when null). A bounded range read: the read set records the
 * range up to the last key the peer fetched (the keys taken and at most the rest of their batch of 100), so a
 * concurrent insert before that point makes this transaction fail as a phantom read, one after it does not.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the stored type
export async function objectsAfter<T>(
  ctx: Context,
  type: ObjectTypeName,
  afterId: string | null,
  limit: number,
): Promise<{ key: string; value: T }[]> {
  const prefix = ctx.stub.createCompositeKey(type, []);
  const start = afterId === null ? prefix : ctx.stub.createCompositeKey(type, [afterId]) + PART_END;
  const { objects } = await readRange<T>(ctx, start, prefix + AFTER_ALL, limit);
  return objects.map(({ key, value }) => ({ key, value }));
}

/**
 * A page of one type's objects in key order, starting just after the object keyed `after` (its full key parts;
 * from the first when null): at most `limit` objects and, past the first, at most `maxBytes` of stored values.
 * `more` tells whether objects follow the page (one key past it is read to know).
 */
export async function pageAfter<T>(
  ctx: Context,
  type: ObjectTypeName,
  after: readonly string[] | null,
  limit: number,
  maxBytes: number,
): Promise<{ objects: Stored<T>[]; more: boolean }> {
  const prefix = ctx.stub.createCompositeKey(type, []);
  const start = after === null ? prefix : ctx.stub.createCompositeKey(type, [...after]) + PART_END;
  let bytes = 0;
  // One past the page, to tell whether another follows.
  const { objects, ended } = await readRange<T>(ctx, start, prefix + AFTER_ALL, limit + 1, (taken, next) => {
    if (taken.length > 0 && bytes + next.bytes > maxBytes) return false;
    bytes += next.bytes;
    return true;
  });
  return { objects: objects.slice(0, limit), more: !ended };
}

/**
 * Every object of one type whose first key part lies between `first` and `last` inclusive, in key order: one
 * range read for what would be a partial-key read per first part (e.g. the cash entries of a page of accounts).
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the stored type
export async function objectsBetween<T>(
  ctx: Context,
  type: ObjectTypeName,
  first: string,
  last: string,
): Promise<{ key: string; value: T }[]> {
  const start = ctx.stub.createCompositeKey(type, [first]);
  const end = ctx.stub.createCompositeKey(type, [last]) + AFTER_ALL;
  const { objects } = await readRange<T>(ctx, start, end, Infinity);
  return objects.map(({ key, value }) => ({ key, value }));
}
