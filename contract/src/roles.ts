/** Values of the `carbon.role` attribute that Fabric CA writes into a user's certificate. */
export const ROLES = ['regulator', 'verifier', 'operator', 'trader', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles of enterprise users, who act for the entity named by their `carbon.entity` attribute. */
export const ENTERPRISE_ROLES: readonly Role[] = ['operator', 'trader'];

/**
 * Roles of the supervisors — the regulator, verifiers, auditors — whose organisations read every enterprise's
 * commercial data (members of every commercial collection).
 */
export const SUPERVISOR_ROLES: readonly Role[] = ['regulator', 'verifier', 'auditor'];

/** Certificate attribute names the chaincode reads for access control. */
export const ROLE_ATTRIBUTE = 'carbon.role';
export const ENTITY_ATTRIBUTE = 'carbon.entity';

/**
 * MSP ids of the consortium's institutional organisations (see network/topology.yaml). Enterprise MSPs are not
 * listed: an enterprise's MSP is ledger data, recorded when the regulator registers the entity.
 */
export const RegulatorMsp = 'RegulatorMSP';
export const VerifierMsp = 'VerifierMSP';
export const AuditorMsp = 'AuditorMSP';

/** How many of `count` organisations make a majority (3 of 5): the consortium's rule for endorsement. */
export const majorityOf = (count: number): number => Math.floor(count / 2) + 1;

/**
 * Every organisation whose peers endorse (network/topology.yaml; a network test keeps the two alike). A key with
 * a key-level policy is validated against that policy *instead of* the chaincode's majority, so the policy itself
 * names the owner's organisation and enough of these others to make a majority with it.
 */
export const CONSORTIUM_ORGANIZATIONS: readonly string[] = [
  RegulatorMsp,
  VerifierMsp,
  'Enterprise1MSP',
  'Enterprise2MSP',
  AuditorMsp,
];
