/**
 * MSP ids of the consortium's institutional organisations (see network/topology.yaml). Enterprise MSPs are not
 * listed: an enterprise's MSP is ledger data, recorded when the regulator registers the entity.
 */
export const RegulatorMsp = 'RegulatorMSP';
export const VerifierMsp = 'VerifierMSP';
export const AuditorMsp = 'AuditorMSP';

/** Values of the `carbon.role` certificate attribute. */
export const Role = {
  regulator: 'regulator',
  verifier: 'verifier',
  operator: 'operator',
  trader: 'trader',
  auditor: 'auditor',
} as const;

export type RoleName = (typeof Role)[keyof typeof Role];
