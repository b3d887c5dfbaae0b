import type { ObjectTypeName } from '@carbon-ets/contract';

/** Every object type of the world state with the id parts its key has (checked complete against the contract). */
const ID_PARTS: Record<ObjectTypeName, string> = {
  account: 'accountId',
  lot: 'accountId/lotId',
  report: 'period/installationId',
  compliance: 'period/installationId',
  accreditation: 'entityId',
  verifierAssignment: 'period/installationId',
  order: 'accountId/orderId',
  trade: 'instrument/day/tradeId',
  proposal: 'proposalId',
  auction: 'auctionId',
  auctionBid: 'auctionId/entityId/bidId',
  auctionEscrow: 'accountId/bidId',
  approvalEscrow: 'accountId/approvalId',
  cash: 'accountId/entryId',
  period: 'year',
  periodClosing: 'year',
  factorSet: 'factorSetId/version',
  entity: 'entityId',
  installation: 'installationId',
  allocation: 'period/installationId',
  allocationPlan: 'period/installationId',
  issuance: 'vintage',
  offsetProject: 'projectId',
  offsetIssuance: 'projectId/vintage/monitoringPeriod',
  certificateDevice: 'deviceId',
  certificateIssuance: 'deviceId/productionPeriod',
  certificateMonth: 'deviceId/month',
  certificateApplication: 'lotId',
  instrument: 'instrument',
  marketStatus: 'market',
  holdingLimit: 'entityId/instrument',
  marketDay: 'instrument/day',
  representatives: 'accountId',
  approval: 'accountId/approvalId',
  trustedAccounts: 'accountId',
  carbonIndexMonth: 'period/installationId/month',
};

export const OBJECT_TYPE_NAMES = Object.keys(ID_PARTS) as ObjectTypeName[];

/** How an object's id is typed: its parts separated by `/`. */
export const idPartsOf = (type: ObjectTypeName): string => ID_PARTS[type];

export const isObjectType = (value: string): value is ObjectTypeName => value in ID_PARTS;
