import type { Context } from 'fabric-contract-api';
import type { Iterators } from 'fabric-shim-api';
import { fromBytes } from './canonical-json';
import type { ObjectTypeName } from './keys';

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

/**
 * Up to `limit` objects of one type with a single-attribute key (`installation ~ id`), in key order, starting
 * just after the object `afterId` (from the first when null). A bounded range read: only the keys taken enter
 * the read set (Fabric records a range closed early up to its last key read), so a concurrent insert before
 * that point makes this transaction fail as a phantom read, one after it does not.
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
  const { iterator } = await rangeHandler(ctx).handleGetStateByRange(
    '',
    start,
    prefix + AFTER_ALL,
    ctx.stub.getChannelID(),
    ctx.stub.getTxID(),
  );
  const results: { key: string; value: T }[] = [];
  try {
    while (results.length < limit) {
      const next = await iterator.next();
      if (next.done) break;
      results.push({ key: next.value.key, value: fromBytes(next.value.value) as T });
    }
  } finally {
    await iterator.close();
  }
  return results;
}
