import type { Context } from 'fabric-contract-api';
import { conflict } from '../errors';
import { fromBytes, toBytes } from './canonical-json';
import { parseId } from './input';
import { txTime } from './tx-time';

/** Transient-map key under which a client sends its request id (transient data never enters the block). */
export const REQUEST_ID_TRANSIENT_KEY = 'carbon.requestId';

interface RequestRecord {
  readonly requestId: string;
  readonly txId: string;
  readonly transaction: string;
  readonly at: string;
}

/**
 * Records the client's request id, if it sent one, as `request ~ requestId`, and refuses a request id seen
 * before. A client that retries after a timeout with the same id therefore never applies its request twice:
 * a retry evaluated after the first commit is refused here, and two copies in flight both read the key as
 * absent and write it, so Fabric commits one and invalidates the other (MVCC read conflict).
 */
export async function recordRequestId(ctx: Context): Promise<void> {
  const raw = ctx.stub.getTransient().get(REQUEST_ID_TRANSIENT_KEY);
  if (raw === undefined || raw.length === 0) return;
  const requestId = parseId(new TextDecoder().decode(raw), 'requestId');
  const key = ctx.stub.createCompositeKey('request', [requestId]);
  const existing = await ctx.stub.getState(key);
  if (existing.length > 0) {
    const record = fromBytes(existing) as RequestRecord;
    throw conflict(
      `request ${requestId} was already applied by transaction ${record.txId} (${record.transaction})`,
      {
        requestId,
        txId: record.txId,
      },
    );
  }
  const record: RequestRecord = {
    requestId,
    txId: ctx.stub.getTxID(),
    transaction: ctx.stub.getFunctionAndParameters().fcn,
    at: txTime(ctx),
  };
  await ctx.stub.putState(key, toBytes(record));
}
