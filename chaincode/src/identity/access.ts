import { ANY_IDENTITY, type TransactionDefinition } from '@carbon-ets/contract';
import type { Context } from 'fabric-contract-api';
import { forbidden } from '@carbon-ets/contract';
import { callerOf, type Caller } from './caller';
import { AuditorMsp, RegulatorMsp, Role, VerifierMsp, type RoleName } from './msp';

/**
 * Who may call a transaction: an MSP (or any MSP, for enterprise roles whose MSP is checked against the entity
 * registered on the ledger) plus a `carbon.role` attribute. Enterprise roles also need `carbon.entity`.
 */
export interface AccessRule {
  readonly role: RoleName;
  /** Required MSP id; absent for enterprise roles (their MSP is the entity's registered owner MSP). */
  readonly mspId?: string;
  readonly label: string;
}

export const Regulator: AccessRule = {
  role: Role.regulator,
  mspId: RegulatorMsp,
  label: 'RegulatorMSP/regulator',
};
export const Verifier: AccessRule = {
  role: Role.verifier,
  mspId: VerifierMsp,
  label: 'VerifierMSP/verifier',
};
export const Auditor: AccessRule = { role: Role.auditor, mspId: AuditorMsp, label: 'AuditorMSP/auditor' };
export const Operator: AccessRule = { role: Role.operator, label: 'enterprise operator' };
export const Trader: AccessRule = { role: Role.trader, label: 'enterprise trader' };

/** The access rule of each role of the wire contract. */
const RULES: Readonly<Record<RoleName, AccessRule>> = {
  regulator: Regulator,
  verifier: Verifier,
  auditor: Auditor,
  operator: Operator,
  trader: Trader,
};

/**
 * Checks the caller against the roles the wire contract gives the transaction, before anything is read or
 * written; a denial is one FORBIDDEN error naming who may call it.
 */
export function authorizeTransaction(ctx: Context, transaction: TransactionDefinition): Caller {
  if (transaction.roles === ANY_IDENTITY) return callerOf(ctx);
  return authorize(
    ctx,
    transaction.name,
    transaction.roles.map((role) => RULES[role]),
  );
}

/** Everyone with a carbon role: used for reads of public reference data. */
export const Anyone: readonly AccessRule[] = [Regulator, Verifier, Auditor, Operator, Trader];
/** Institutional readers who may read every object. */
export const Supervisors: readonly AccessRule[] = [Regulator, Auditor, Verifier];

const ENTERPRISE_ROLES: readonly string[] = [Role.operator, Role.trader];

function matches(caller: Caller, rule: AccessRule): boolean {
  if (caller.role !== rule.role) {
    return false;
  }
  if (rule.mspId !== undefined) {
    return caller.mspId === rule.mspId;
  }
  // Enterprise users must say which entity they act for; an institutional MSP can never act as an enterprise.
  return (
    caller.entity !== undefined &&
    caller.entity !== '' &&
    ![RegulatorMsp, VerifierMsp, AuditorMsp].includes(caller.mspId)
  );
}

/**
 * Checks the caller against the transaction's rules before anything is read or written; a denial is one
 * FORBIDDEN error naming who may call `action`.
 */
export function authorize(ctx: Context, action: string, rules: readonly AccessRule[]): Caller {
  const caller = callerOf(ctx);
  if (!rules.some((rule) => matches(caller, rule))) {
    throw forbidden(
      `${action} may be called by ${rules.map((r) => r.label).join(' or ')}; caller is ${caller.mspId}/${caller.role ?? 'no role'}`,
    );
  }
  return caller;
}

/** True when the caller is an enterprise user (operator or trader). */
function isEnterpriseUser(caller: Caller): boolean {
  return caller.role !== undefined && ENTERPRISE_ROLES.includes(caller.role);
}

/** True when the caller is one of the regulator, auditor or verifier. */
export function isSupervisor(caller: Caller): boolean {
  return Supervisors.some((rule) => matches(caller, rule));
}

/** The parts of an entity that decide who acts for it. */
export interface EntityOwnership {
  readonly id: string;
  readonly ownerMsp: string;
}

/** True when the caller acts for `entity`: same `carbon.entity` and the entity's registered MSP. */
export function actsFor(caller: Caller, entity: EntityOwnership): boolean {
  return isEnterpriseUser(caller) && caller.entity === entity.id && caller.mspId === entity.ownerMsp;
}

/** Fails unless the caller acts for `entity`; `action` names what was attempted. */
export function requireActsFor(caller: Caller, entity: EntityOwnership, action: string): void {
  if (!actsFor(caller, entity)) {
    throw forbidden(
      `${action}: only users of entity ${entity.id} (${entity.ownerMsp}) may do this; caller is ${caller.mspId}/${caller.entity ?? 'no entity'}`,
    );
  }
}
