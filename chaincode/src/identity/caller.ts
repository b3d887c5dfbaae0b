import { ENTITY_ATTRIBUTE, ROLE_ATTRIBUTE } from '@carbon-ets/contract';
import type { Context } from 'fabric-contract-api';

/** Who is calling: the MSP of the signing identity and its carbon attributes, if any. */
export interface Caller {
  readonly mspId: string;
  readonly role: string | undefined;
  readonly entity: string | undefined;
}

/** Reads the caller from the transaction's X.509 identity. Absent attributes are `undefined`. */
export function callerOf(ctx: Context): Caller {
  const identity = ctx.clientIdentity;
  return {
    mspId: identity.getMSPID(),
    role: identity.getAttributeValue(ROLE_ATTRIBUTE) ?? undefined,
    entity: identity.getAttributeValue(ENTITY_ATTRIBUTE) ?? undefined,
  };
}
