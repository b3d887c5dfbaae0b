/**
 * Object types of the world state. Every object is one composite key `type ~ attributes…`, so its whole life is
 * the history of that key. Key layouts are chosen for Fabric's MVCC: lots are keyed by account and lot id so
 * that transactions spending different lots never touch the same key.
 */
export const ObjectType = {
  entity: 'entity',
  installation: 'installation',
  account: 'account',
  period: 'period',
  factorSet: 'factorSet',
  /** `lot ~ accountId ~ lotId`: one serial block held in one account. */
  lot: 'lot',
  /** `issuance ~ vintage`: the next free allowance serial of a vintage and the running issued total. */
  issuance: 'issuance',
  /** `allocation ~ period ~ installationId ~ txId`: a free-allocation record (write once). */
  allocation: 'allocation',
  offsetProject: 'offsetProject',
  /** `offsetIssuance ~ projectId ~ vintage ~ monitoringPeriod`: guards against issuing the same credits twice. */
  offsetIssuance: 'offsetIssuance',
  /** `report ~ period ~ installationId`: the current version of an emissions report. */
  report: 'report',
  /** `compliance ~ period ~ installationId`: surrendered totals, verified emissions and the final status. */
  compliance: 'compliance',
} as const;

export type ObjectTypeName = (typeof ObjectType)[keyof typeof ObjectType];

export const OBJECT_TYPES: readonly ObjectTypeName[] = Object.values(ObjectType);
