import { forbidden, invalidArgument } from '@carbon-ets/contract';
import { actsFor, isSupervisor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { ObjectType, type ObjectTypeName } from '../ledger/keys';
import type { Store } from '../ledger/store';
import type { Account } from '../registry/account';
import type { Entity, Installation } from '../registry/entity';

/** Reference data every participant may read. */
const PUBLIC_TYPES: readonly ObjectTypeName[] = [
  ObjectType.entity,
  ObjectType.installation,
  ObjectType.period,
  ObjectType.periodClosing,
  ObjectType.factorSet,
  ObjectType.issuance,
  ObjectType.offsetProject,
  ObjectType.offsetIssuance,
  ObjectType.certificateDevice,
  ObjectType.certificateIssuance,
  ObjectType.certificateMonth,
  ObjectType.instrument,
  ObjectType.marketStatus,
  ObjectType.marketDay,
  ObjectType.auction,
  ObjectType.accreditation,
  ObjectType.verifierAssignment,
];

/** Number of key attributes each object type has (so a GetObject names exactly one object). */
export const KEY_ARITY: Readonly<Record<ObjectTypeName, number>> = {
  entity: 1,
  installation: 1,
  account: 1,
  period: 1,
  periodClosing: 1,
  factorSet: 2,
  lot: 2,
  issuance: 2,
  allocation: 2,
  allocationPlan: 2,
  offsetProject: 1,
  offsetIssuance: 3,
  certificateDevice: 1,
  certificateIssuance: 2,
  certificateMonth: 2,
  certificateApplication: 1,
  report: 2,
  accreditation: 1,
  verifierAssignment: 2,
  compliance: 2,
  cash: 2,
  instrument: 1,
  marketStatus: 1,
  holdingLimit: 2,
  order: 2,
  trade: 3,
  marketDay: 2,
  proposal: 1,
  auction: 1,
  auctionBid: 3,
  auctionEscrow: 2,
  approvalEscrow: 2,
  representatives: 1,
  approval: 2,
  trustedAccounts: 1,
  carbonIndexMonth: 3,
};

async function entityOfAccount(store: Store, accountId: string): Promise<string | undefined> {
  return (await store.get<Account>(ObjectType.account, [accountId]))?.entityId;
}

async function entityOfInstallation(store: Store, installationId: string): Promise<string | undefined> {
  return (await store.get<Installation>(ObjectType.installation, [installationId]))?.entityId;
}

/** The entity an object belongs to, for the object types enterprises may only read for themselves. */
async function owningEntity(
  store: Store,
  type: ObjectTypeName,
  attributes: readonly string[],
): Promise<string | undefined> {
  const [first = '', second = ''] = attributes;
  switch (type) {
    case ObjectType.account:
    case ObjectType.lot:
    case ObjectType.cash:
    case ObjectType.order:
    case ObjectType.auctionEscrow:
    case ObjectType.approvalEscrow:
    case ObjectType.representatives:
    case ObjectType.approval:
    case ObjectType.trustedAccounts:
      return entityOfAccount(store, first);
    case ObjectType.holdingLimit:
      return first;
    case ObjectType.auctionBid:
      return second;
    case ObjectType.proposal:
      return (await store.get<{ sellerEntityId: string }>(ObjectType.proposal, [first]))?.sellerEntityId;
    case ObjectType.certificateApplication:
      return (await store.get<{ entityId: string }>(ObjectType.certificateApplication, [first]))?.entityId;
    case ObjectType.report:
    case ObjectType.compliance:
    case ObjectType.allocation:
    case ObjectType.allocationPlan:
    case ObjectType.carbonIndexMonth:
      return entityOfInstallation(store, second);
    default:
      return undefined;
  }
}

/**
 * Supervisors (regulator, auditor, verifier) read everything; enterprise users read reference data and what
 * belongs to their own entity.
 */
export async function requireReadable(
  store: Store,
  caller: Caller,
  type: ObjectTypeName,
  attributes: readonly string[],
): Promise<void> {
  if (isSupervisor(caller) || PUBLIC_TYPES.includes(type)) {
    return;
  }
  const entityId = await owningEntity(store, type, attributes);
  const entity = entityId === undefined ? undefined : await store.get<Entity>(ObjectType.entity, [entityId]);
  if (entity === undefined || !actsFor(caller, entity)) {
    throw forbidden(
      `${caller.mspId}/${caller.entity ?? 'no entity'} may not read ${type} ${attributes.join('/')}`,
    );
  }
}

/** Validates an object reference `{ type, id: [...] }` from a client. */
export function checkArity(type: ObjectTypeName, attributes: readonly string[]): void {
  if (attributes.length !== KEY_ARITY[type]) {
    throw invalidArgument(`a ${type} is named by ${KEY_ARITY[type]} id part(s), got ${attributes.length}`);
  }
}
