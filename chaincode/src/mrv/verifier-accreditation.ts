import {
  failedPrecondition,
  forbidden,
  type VerifierAccreditation,
  type VerifierAssignment,
} from '@carbon-ets/contract';
import type { Caller } from '../identity/caller';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { requireEntity } from '../registry/registry-reads';

export type { VerifierAccreditation, VerifierAssignment } from '@carbon-ets/contract';

/**
 * Why `accreditation` does not let its entity verify an installation of `sector` at `now` (ISO, the
 * transaction's time), or undefined when it does. Withdrawn first: a withdrawn accreditation says so even
 * when it has also lapsed.
 */
export function accreditationProblem(
  entityId: string,
  accreditation: VerifierAccreditation | undefined,
  sector: string,
  now: string,
): string | undefined {
  if (accreditation === undefined) {
    return `verifier ${entityId} has no accreditation; the regulator accredits it (Mrv:AccreditVerifier)`;
  }
  if (accreditation.withdrawn !== undefined) {
    return `verifier ${entityId}'s accreditation was withdrawn at ${accreditation.withdrawn.at} (${accreditation.withdrawn.reason}); the regulator accredits it again`;
  }
  if (now >= accreditation.validUntil) {
    return `verifier ${entityId}'s accreditation expired at ${accreditation.validUntil}; the regulator accredits it again`;
  }
  if (!accreditation.sectors.includes(sector)) {
    return `verifier ${entityId} is not accredited for sector ${sector} (only ${accreditation.sectors.join(', ')}); the regulator extends its accreditation or assigns another verifier`;
  }
  return undefined;
}

/** The accreditation of a verifier entity, if it has one. */
export function loadAccreditation(
  store: Store,
  entityId: string,
): Promise<VerifierAccreditation | undefined> {
  return store.get<VerifierAccreditation>(ObjectType.accreditation, [entityId]);
}

/**
 * Fails unless the caller is a verifier user of the entity assigned to the report's installation and period,
 * and that entity's accreditation is valid at `now` and covers the installation's sector. An unassigned report
 * cannot be reviewed at all: the regulator assigns a verifier first.
 */
export async function requireAssignedVerifier(
  store: Store,
  caller: Caller,
  report: { readonly period: number; readonly installationId: string },
  sector: string,
  now: string,
): Promise<VerifierAssignment> {
  const { period, installationId } = report;
  const assignment = await store.get<VerifierAssignment>(ObjectType.verifierAssignment, [
    period,
    installationId,
  ]);
  if (assignment === undefined) {
    throw failedPrecondition(
      `no verifier is assigned to the ${period} report of ${installationId}; the regulator assigns one (Mrv:AssignVerifier)`,
    );
  }
  const assigned = assignment.verifierEntityId;
  if (caller.entity !== assigned) {
    throw forbidden(
      `the ${period} report of ${installationId} is assigned to verifier ${assigned}; caller acts for ${caller.entity ?? 'no entity'}`,
    );
  }
  const entity = await requireEntity(store, assigned);
  if (entity.kind !== 'verifier' || entity.ownerMsp !== caller.mspId) {
    throw forbidden(
      `entity ${assigned} is a ${entity.kind} of ${entity.ownerMsp}; caller is a verifier of ${caller.mspId}`,
    );
  }
  const problem = accreditationProblem(assigned, await loadAccreditation(store, assigned), sector, now);
  if (problem !== undefined) {
    throw failedPrecondition(problem);
  }
  return assignment;
}
