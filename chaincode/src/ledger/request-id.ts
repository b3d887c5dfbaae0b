import { conflict, parseId, REQUEST_ID_TRANSIENT_KEY } from '@carbon-ets/contract';
import { createHash } from 'node:crypto';
import type { Context } from 'fabric-contract-api';
import { fromBytes, toBytes } from './canonical-json';
import { txTime } from './tx-time';

export { REQUEST_ID_TRANSIENT_KEY };

interface RequestRecord {
  readonly requestId: string;
  readonly txId: string;
  readonly transaction: string;
  readonly at: string;
}

/**
 * The subject DN of the caller's certificate, from `getID()` (`x509::<subject DN>::<issuer DN>`). The subject,
 * not the certificate, names the client: a re-enrolled certificate keeps its subject, so a retry after
 * re-enrolment is still recognised.
 */
export function certificateSubject(ctx: Context): string {
  const id = ctx.clientIdentity.getID();
  return /^x509::(.*?)::/s.exec(id)?.[1] ?? id;
}

/**
 * Ledger key of a request id: `request ~ <MSP id> ~ <sha256 of the certificate subject, hex> ~ <requestId>`.
 * Scoped to the submitting identity, so one client can never block or replay another's request by naming its
 * id; the subject is hashed because DNs hold characters (and lengths) that ids do not.
 */
export function requestKey(ctx: Context, requestId: string): string {
  const subject = createHash('sha256').update(certificateSubject(ctx), 'utf8').digest('hex');
  return ctx.stub.createCompositeKey('request', [ctx.clientIdentity.getMSPID(), subject, requestId]);
}

/** The request id the client sent in the transient map, validated; undefined when it sent none. */
function requestIdOf(ctx: Context): string | undefined {
  const raw = ctx.stub.getTransient().get(REQUEST_ID_TRANSIENT_KEY);
  if (raw === undefined || raw.length === 0) return undefined;
  return parseId(new TextDecoder().decode(raw), 'requestId');
}

/**
 * Refuses a request id this identity (MSP id and certificate subject) used before; run before the transaction. It only reads: the id is recorded by
 * {@link recordRequestId} once the transaction has succeeded, so a refused transaction writes nothing.
 * A client that retries after a timeout with the same id therefore never applies its request twice: a retry
 * evaluated after the first commit is refused here, and two copies in flight both read the key as absent and
 * write it, so Fabric commits one and invalidates the other (MVCC read conflict).
 */
export async function checkRequestId(ctx: Context): Promise<void> {
  const requestId = requestIdOf(ctx);
  if (requestId === undefined) return;
  const existing = await ctx.stub.getState(requestKey(ctx, requestId));
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
}

/**
 * Records the client's request id, if it sent one, under {@link requestKey}; run after the transaction
 * succeeded.
 */
export async function recordRequestId(ctx: Context): Promise<void> {
  const requestId = requestIdOf(ctx);
  if (requestId === undefined) return;
  const record: RequestRecord = {
    requestId,
    txId: ctx.stub.getTxID(),
    transaction: ctx.stub.getFunctionAndParameters().fcn,
    at: txTime(ctx),
  };
  await ctx.stub.putState(requestKey(ctx, requestId), toBytes(record));
}
