import type { Context } from 'fabric-contract-api';
import { toBytes } from './canonical-json';

/**
 * Emits the transaction's single chaincode event. Fabric keeps only the last `setEvent` of a transaction, so
 * each state-changing transaction calls this exactly once, after all its writes.
 */
export function emitEvent(ctx: Context, name: string, payload: Record<string, unknown>): void {
  ctx.stub.setEvent(name, toBytes({ ...payload, txId: ctx.stub.getTxID() }));
}
