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
  /**
   * `allocation ~ period ~ installationId`: the free allocation of an installation for a period, by parts
   * (pre-allocation, true-up), with its return obligation.
   */
  allocation: 'allocation',
  /** `allocationPlan ~ period ~ installationId`: the period's allocation plan line of an installation. */
  allocationPlan: 'allocationPlan',
  offsetProject: 'offsetProject',
  /**
   * `offsetIssuance ~ projectId ~ vintage ~ monitoringPeriod`: one issuance; a new one is checked against the
   * project's range so no day of monitoring is credited twice.
   */
  offsetIssuance: 'offsetIssuance',
  /** `certificateDevice ~ deviceId`: a device green certificates were issued for, with its next serial. */
  certificateDevice: 'certificateDevice',
  /** `certificateIssuance ~ deviceId ~ from_to`: one issuance of green certificates (write once). */
  certificateIssuance: 'certificateIssuance',
  /**
   * `certificateMonth ~ deviceId ~ YYYY-MM`: the production periods already issued for a device that share a day
   * with the month; read by key, so no production day is issued twice without a range read.
   */
  certificateMonth: 'certificateMonth',
  /** `certificateApplication ~ lotId`: the one report a cancelled certificate lot is applied to. */
  certificateApplication: 'certificateApplication',
  /** `report ~ period ~ installationId`: the current version of an emissions report. */
  report: 'report',
  /** `accreditation ~ entityId`: a verifier entity's accreditation (sectors, valid until, withdrawal). */
  accreditation: 'accreditation',
  /** `verifierAssignment ~ period ~ installationId`: the verifier entity assigned to an installation's report. */
  verifierAssignment: 'verifierAssignment',
  /** `compliance ~ period ~ installationId`: surrendered totals, verified emissions and the final status. */
  compliance: 'compliance',
  /**
   * `periodClosing ~ period`: a paged closing's cursor (the last installation id closed, installations closed,
   * shortfall so far); kept after the period is closed as its closing summary.
   */
  periodClosing: 'periodClosing',
  /** `cash ~ accountId ~ entryId`: one UTXO-like entry of settlement funds (fen), spent whole; ids `<txId>.<n>`. */
  cash: 'cash',
  /** `instrument ~ instrumentId`: market parameters of one unit type and vintage (`allowance-2025`). */
  instrument: 'instrument',
  /** `marketStatus ~ market`: trading halted or open; written only by the regulator's halt and resume. */
  marketStatus: 'marketStatus',
  /** `holdingLimit ~ entityId ~ instrumentId`: the most units of an instrument an entity may hold. */
  holdingLimit: 'holdingLimit',
  /** `order ~ accountId ~ orderId`: a limit order (id = placing tx id), with its escrow. */
  order: 'order',
  /** `trade ~ instrumentId ~ day ~ tradeId`: one settled trade (write once). */
  trade: 'trade',
  /** `marketDay ~ instrumentId ~ day`: daily market data, written only by settling transactions of that day. */
  marketDay: 'marketDay',
  /** `proposal ~ proposalId`: a negotiated (bilateral) trade offered by a seller to a named buyer. */
  proposal: 'proposal',
  /** `representatives ~ accountId`: an account's representatives, approval threshold and window. */
  representatives: 'representatives',
  /**
   * `approval ~ accountId ~ approvalId`: a transfer, surrender or order waiting for a second representative (id =
   * the proposing tx id); keyed by account so an account's requests are one range.
   */
  approval: 'approval',
  /**
   * `approvalEscrow ~ accountId ~ approvalId`: the funds a pending buy-order request reserves of an account
   * (counted as locked funds).
   */
  approvalEscrow: 'approvalEscrow',
  /** `trustedAccounts ~ accountId`: the accounts an account may transfer to, each effective after a delay. */
  trustedAccounts: 'trustedAccounts',
  /** `auction ~ auctionId`: a sealed-bid auction of allowances from NATIONAL-AUCTION, with its result. */
  auction: 'auction',
  /** `auctionBid ~ auctionId ~ entityId ~ bidId`: one sealed bid (id = committing tx id), holding its escrow. */
  auctionBid: 'auctionBid',
  /** `auctionEscrow ~ accountId ~ bidId`: the escrow an open bid holds of an account (counted as locked funds). */
  auctionEscrow: 'auctionEscrow',
  /**
   * `carbonIndexMonth ~ period ~ installationId ~ MM`: an installation's energy use of one month and its
   * emissions (one object, so it can move into a private data collection whole).
   */
  carbonIndexMonth: 'carbonIndexMonth',
} as const;

export type ObjectTypeName = (typeof ObjectType)[keyof typeof ObjectType];

export const OBJECT_TYPES: readonly ObjectTypeName[] = Object.values(ObjectType);
