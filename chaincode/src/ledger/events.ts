import type { Context } from 'fabric-contract-api';
import type { CarbonEventInput, CarbonEventName } from '@carbon-ets/contract';
import { toBytes } from './canonical-json';

/** `true` when `N` is a union of names (`cond ? 'A' : 'B'`), `false` for one name. */
type IsUnion<N, All = N> = N extends unknown ? ([All] extends [N] ? false : true) : never;

/**
 * Emits the transaction's single chaincode event. Fabric keeps only the last `setEvent` of a transaction, so
 * each state-changing transaction calls this exactly once, after all its writes.
 *
 * The payload is typed by the wire contract's {@link CARBON_EVENTS} schema of `name` (without `txId`, added
 * here from the transaction): a field missing, misspelt or of the wrong type does not compile. `name` must be
 * one literal name; a conditional name would type the payload as either event's, so such a call gets `never`
 * as its payload type: call `emitEvent` once in each branch instead.
 */
export function emitEvent<N extends CarbonEventName>(
  ctx: Context,
  name: N,
  payload: true extends IsUnion<N> ? never : CarbonEventInput<N>,
): void {
  ctx.stub.setEvent(name, toBytes({ ...payload, txId: ctx.stub.getTxID() }));
}
