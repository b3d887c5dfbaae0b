import { z } from 'zod';
import { AuctionBid, AuctionRecord } from './auction';
import { ALLOCATION_PARTS, AllocationPlanLine, AllocationRecord } from './allowance';
import { AccountRepresentatives, TrustedAccountList } from './approval';
import { ComplianceStatus, EmissionsCorrection, EmissionsEstimate, PeriodClosing } from './compliance';
import {
  CLEARING_LIMITS,
  Instrument,
  HoldingLimit,
  MarketStatus,
  Order,
  PriceBand,
  PricedTrade,
  Proposal,
  Trade,
} from './market';
import { EmissionReport } from './mrv';
import { VerifierAccreditation, VerifierAssignment } from './verifiers';
import { OffsetIssuance, OffsetProject } from './offset';
import { CertificateIssuance } from './certificate';
import { CompliancePeriod, EmissionFactorSet } from './period';
import { Account, AccountStatus, Entity, Installation } from './registry';
import { Heartbeat } from './system';
import { ApprovalRequest, UnitType } from './units';

/**
 * The payload of one chaincode event: the fields the transaction describes plus `txId`, which the chaincode's
 * `emitEvent` adds to every event (a listener that only keeps payloads can still tie each to its transaction).
 * Objects are not strict, like answers: a field a newer chaincode adds does not make an older client refuse the
 * event; the chaincode's tests check instead that parsing drops no field.
 */
function eventPayload<const Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object({ ...shape, txId: z.string() }).readonly();
}

/** What a report's events say about it: where it stands, not its activity data (read the report for that). */
export const ReportSummary = EmissionReport.unwrap().pick({
  period: true,
  installationId: true,
  version: true,
  status: true,
  emissionsKg: true,
  emissionsTonnes: true,
  late: true,
});
export type ReportSummary = z.infer<typeof ReportSummary>;

/** What a review that sets a figure (verification, acceptance) adds to the summary. */
const reviewedFigures = {
  /** Verified emissions, whole tonnes. */
  verifiedEmissions: z.number(),
  /** Verified − computed emissions, tonnes (negative when the verifier found less). */
  /** Absent on verifications recorded before the materiality rule (round 2). */
  differenceTonnes: z.number().optional(),
  /** The verifier's reason for the difference, when one was given. */
  reason: z.string().optional(),
};

/** A transfer of units: what left which account, by lot id. */
const unitTransfer = {
  fromAccount: z.string(),
  toAccount: z.string(),
  quantity: z.number(),
  spentLotIds: z.array(z.string()).readonly(),
  /** Lots created at the destination. */
  newLots: z.array(z.string()).readonly(),
};

/** What a placed order is: the order and the band its price was checked against. */
const placedOrder = { order: Order, band: PriceBand };

/**
 * A fill of a clearing, as its event lists it: the trade's id, price, size and orders, no counterparties. An
 * order-book trade always has its public price.
 */
export const MatchedTrade = PricedTrade.unwrap()
  .pick({ id: true, price: true, quantity: true, buyOrderId: true, sellOrderId: true })
  .readonly();
export type MatchedTrade = z.infer<typeof MatchedTrade>;

/** What a cancelled order gave back: units unlocked (sell orders) and escrow returned, fen (buy orders). */
export const OrderRelease = z.object({ units: z.number(), funds: z.string() }).readonly();
export type OrderRelease = z.infer<typeof OrderRelease>;

/** What a monthly energy submission's events say: which month, which version, the index it leads to. */
const monthlyEnergyFields = {
  period: z.number(),
  installationId: z.string(),
  entityId: z.string(),
  month: z.number(),
  version: z.number(),
  /** Year-to-date index through the latest submitted month, basis points; null without an allocation. */
  indexBasisPoints: z.number().nullable(),
};

/**
 * Every chaincode event by name: one per state-changing transaction (Fabric keeps only a transaction's last
 * `setEvent`), its payload's schema. The chaincode can emit only these (its `emitEvent` is typed by this map);
 * a listener validates each payload with it.
 */
export const CARBON_EVENTS = {
  // Registry
  /** Registry:RegisterEntity. */
  EntityRegistered: eventPayload({ entity: Entity }),
  /** Registry:AddInstallations: the installations added (the entity lists every id). */
  InstallationsAdded: eventPayload({ entityId: z.string(), installations: z.array(Installation).readonly() }),
  /** Registry:OpenAccount. */
  AccountOpened: eventPayload({ account: Account }),
  /** Registry:BlockAccount, UnblockAccount, CloseAccount; Market:FreezeAccount, UnfreezeAccount. */
  AccountStatusChanged: eventPayload({
    accountId: z.string(),
    from: AccountStatus,
    to: AccountStatus,
    reason: z.string(),
  }),

  // Period
  /** Period:CreatePeriod. */
  PeriodCreated: eventPayload({ period: CompliancePeriod }),
  /** Period:PublishFactorSet. */
  FactorSetPublished: eventPayload({ factorSet: EmissionFactorSet }),

  // Allowance
  /** Allowance:IssueAllowances: the new lot in NATIONAL-ALLOCATION and the vintage's total issued so far. */
  AllowancesIssued: eventPayload({
    period: z.number(),
    quantity: z.number(),
    lotId: z.string(),
    totalIssued: z.number(),
  }),
  /** Allowance:SetAllocationPlan: the plan lines as recorded. */
  AllocationPlanSet: eventPayload({ period: z.number(), lines: z.array(AllocationPlanLine).readonly() }),
  /**
   * Allowance:PreAllocate and Allowance:TrueUp: the allocation's record, the part and the allowances it moved,
   * and the lots created in the holding account (none when a true-up owes a return).
   */
  AllowancesAllocated: eventPayload({
    allocation: AllocationRecord,
    /** Absent on allocations made before allocation plans (the record's quantity, paid at once). */
    part: z.enum(ALLOCATION_PARTS).optional(),
    quantity: z.number().optional(),
    newLots: z.array(z.string()).readonly(),
  }),
  /** Allowance:ReturnAllocation: the lots spent in the holding account and those now in NATIONAL-ALLOCATION. */
  AllocationReturned: eventPayload({
    allocation: AllocationRecord,
    quantity: z.number(),
    spentLotIds: z.array(z.string()).readonly(),
    returnedLots: z.array(z.string()).readonly(),
  }),
  /** Allowance:Transfer. */
  AllowancesTransferred: eventPayload(unitTransfer),
  /**
   * Allowance:ConsolidateLots: per lot written, its id, quantity and the lots merged into it (itself first);
   * the others were deleted. `leftOver`: lots left for a next consolidation.
   */
  LotsConsolidated: eventPayload({
    accountId: z.string(),
    lots: z
      .array(
        z
          .object({ lotId: z.string(), quantity: z.number(), mergedLotIds: z.array(z.string()).readonly() })
          .readonly(),
      )
      .readonly(),
    leftOver: z.number(),
  }),

  // Offset
  /** Offset:RegisterProject. */
  OffsetProjectRegistered: eventPayload({ project: OffsetProject }),
  /** Offset:IssueOffsets. */
  OffsetsIssued: eventPayload({ issuance: OffsetIssuance }),
  /** Offset:TransferOffsets. */
  OffsetsTransferred: eventPayload(unitTransfer),
  /** Offset:RetireOffsets: the lots spent in the account and the retired lots now in NATIONAL-DELETION. */
  OffsetsRetired: eventPayload({
    accountId: z.string(),
    quantity: z.number(),
    beneficiary: z.string(),
    spentLotIds: z.array(z.string()).readonly(),
    retiredLots: z.array(z.string()).readonly(),
  }),

  // Certificate
  /** Certificate:IssueCertificates. */
  CertificatesIssued: eventPayload({ issuance: CertificateIssuance }),
  /** Certificate:TransferCertificates. */
  CertificatesTransferred: eventPayload(unitTransfer),
  /** Certificate:CancelCertificates: the lots spent in the account and the cancelled lots now in NATIONAL-DELETION. */
  CertificatesCancelled: eventPayload({
    accountId: z.string(),
    entityId: z.string(),
    quantity: z.number(),
    beneficiary: z.string(),
    spentLotIds: z.array(z.string()).readonly(),
    cancelledLots: z.array(z.string()).readonly(),
  }),

  // Mrv
  /** Mrv:SubmitReport (version 1). */
  ReportSubmitted: eventPayload(ReportSummary.shape),
  /** Mrv:CorrectReport (the next version). */
  ReportCorrected: eventPayload(ReportSummary.shape),
  /** Mrv:VerifyReport. */
  ReportVerified: eventPayload({ ...ReportSummary.shape, ...reviewedFigures }),
  /** Mrv:RejectReport, with the verifier's reason. */
  ReportRejected: eventPayload({ ...ReportSummary.shape, reason: z.string() }),
  /** Mrv:AcceptReport: the verified figure becomes the installation's obligation. */
  ReportAccepted: eventPayload({ ...ReportSummary.shape, ...reviewedFigures }),
  /** Mrv:AccreditVerifier: the new accreditation (replacing any earlier one). */
  VerifierAccredited: eventPayload({ accreditation: VerifierAccreditation }),
  /** Mrv:WithdrawAccreditation: the accreditation as withdrawn. */
  VerifierAccreditationWithdrawn: eventPayload({ accreditation: VerifierAccreditation }),
  /** Mrv:AssignVerifier: the assignment (naming the entity it replaced, if any). */
  VerifierAssigned: eventPayload({ assignment: VerifierAssignment }),

  // Compliance
  /** Compliance:Surrender: the lots spent in the holding account, those now surrendered, and the new status. */
  UnitsSurrendered: eventPayload({
    period: z.number(),
    installationId: z.string(),
    unitType: UnitType,
    quantity: z.number(),
    late: z.boolean(),
    spentLotIds: z.array(z.string()).readonly(),
    surrenderedLots: z.array(z.string()).readonly(),
    status: ComplianceStatus,
    /** Set when the surrender went beyond the obligation and the period warns about it. */
    warning: z.string().optional(),
  }),
  /** Compliance:CorrectEmissions: the correction and the corrected period's status. */
  EmissionsCorrected: eventPayload({
    period: z.number(),
    installationId: z.string(),
    correction: EmissionsCorrection,
    status: ComplianceStatus,
  }),
  /** Compliance:EstimateEmissions: the estimate and the installation's status with it. */
  EmissionsEstimated: eventPayload({
    period: z.number(),
    installationId: z.string(),
    estimate: EmissionsEstimate,
    status: ComplianceStatus,
  }),
  /**
   * Compliance:ClosePeriod, a page that leaves installations to close: as its answer (this page's outcomes,
   * the running totals).
   */
  PeriodClosingProgressed: eventPayload(PeriodClosing.unwrap().shape),
  /**
   * Compliance:ClosePeriod, the last page: as its answer (the last page's outcomes, the period's totals).
   * Events recorded before closing was paged lack `done` and `closed`: one call closed every installation.
   */
  PeriodClosed: eventPayload({
    ...PeriodClosing.unwrap().shape,
    done: z.boolean().optional(),
    closed: z.number().optional(),
  }),

  // Funds
  /** Funds:Deposit: the new cash entry's id and amount (fen). */
  FundsDeposited: eventPayload({ accountId: z.string(), amount: z.string(), entryId: z.string() }),
  /** Funds:Withdraw: the entries spent and the id of the change entry written back (null: none). */
  FundsWithdrawn: eventPayload({
    accountId: z.string(),
    /** Fen, decimal string. */
    amount: z.string(),
    spentEntryIds: z.array(z.string()).readonly(),
    change: z.string().nullable(),
    /** The bank's reference, when the request gave one. */
    reference: z.string().optional(),
  }),

  // Market
  /** Market:ConfigureInstrument. */
  InstrumentConfigured: eventPayload({ instrument: Instrument }),
  /** Market:HaltMarket. */
  MarketHalted: eventPayload({ status: MarketStatus }),
  /** Market:ResumeMarket. */
  MarketResumed: eventPayload({ status: MarketStatus }),
  /** Market:SetHoldingLimit with a limit. */
  HoldingLimitSet: eventPayload({ limit: HoldingLimit }),
  /** Market:SetHoldingLimit with `limit: null`. */
  HoldingLimitRemoved: eventPayload({ entityId: z.string(), instrument: z.string() }),
  /** Market:PlaceOrder below the instrument's large-order threshold. */
  OrderPlaced: eventPayload(placedOrder),
  /** Market:PlaceOrder at or above the large-order threshold, for the supervisor. */
  LargeOrderPlaced: eventPayload({ ...placedOrder, largeOrderThreshold: z.number() }),
  /** Market:CancelOrder: the cancelled order and what it released. */
  OrderCancelled: eventPayload({ order: Order, released: OrderRelease }),
  /** Market:Match: the fills and the orders expired by this clearing round (bounded by CLEARING_LIMITS). */
  OrdersMatched: eventPayload({
    instrument: z.string(),
    cutoff: z.string(),
    trades: z.array(MatchedTrade).max(CLEARING_LIMITS.fills).readonly(),
    expiredOrderIds: z.array(z.string()).max(CLEARING_LIMITS.expiries).readonly(),
    /** The round stopped at a limit: the operator clears again. */
    more: z.boolean(),
  }),
  /** Market:ProposeTrade (an off-channel proposal without its agreed price: events are in the block). */
  TradeProposed: eventPayload({ proposal: Proposal }),
  /** Market:AcceptTrade: the accepted proposal and its settled trade, as the answer (no private price). */
  TradeAccepted: eventPayload({ proposal: Proposal, trade: Trade }),
  /** Market:RejectTrade. */
  TradeRejected: eventPayload({ proposal: Proposal }),
  /** Market:CancelProposal. */
  ProposalCancelled: eventPayload({ proposal: Proposal }),

  // Auction
  /** Auction:ScheduleAuction: the auction with the NATIONAL-AUCTION lots it locked. */
  AuctionScheduled: eventPayload({ auction: AuctionRecord }),
  /** Auction:CommitBid: the sealed bid (its commitment and escrow, nothing of its price or quantity). */
  BidCommitted: eventPayload({ bid: AuctionBid }),
  /** Auction:RevealBid: the bid with its price and quantity. */
  BidRevealed: eventPayload({ bid: AuctionBid }),
  /** Auction:ClearAuction at one price: the auction with its result, and every bid as settled. */
  AuctionCleared: eventPayload({ auction: AuctionRecord, bids: z.array(AuctionBid).readonly() }),
  /** Auction:ClearAuction below the reserve or undersubscribed: every bid's escrow released, the lots unlocked. */
  AuctionCancelled: eventPayload({ auction: AuctionRecord, bids: z.array(AuctionBid).readonly() }),

  // Approval
  /** Approval:SetRepresentatives: the account's representatives, threshold and window as recorded. */
  RepresentativesSet: eventPayload({ representatives: AccountRepresentatives }),
  /** A transfer or surrender above the account's threshold became an approval request (units locked). */
  ApprovalRequested: eventPayload({ approval: ApprovalRequest }),
  /**
   * Approval:Approve (status `executed`: the lots spent and created), Reject or Expire (`rejected`, `expired`:
   * the request's `lockedLotIds` are unlocked, a buy order's funds released, the lists are empty).
   */
  ApprovalDecided: eventPayload({
    approval: ApprovalRequest,
    spentLotIds: z.array(z.string()).readonly(),
    newLots: z.array(z.string()).readonly(),
    /** An approved order request: the order placed (in the book's new stage, like `OrderPlaced`'s). */
    order: Order.optional(),
  }),
  /** Approval:AddTrustedAccount or RemoveTrustedAccount: the list as it now is and the account changed. */
  TrustedAccountsChanged: eventPayload({
    list: TrustedAccountList,
    change: z.enum(['added', 'removed']),
    trustedAccountId: z.string(),
  }),

  // Carbon index (no energy figures: they will move into a private data collection)
  /** CarbonIndex:SubmitMonthlyEnergy, when the index stays on its side of the period's threshold. */
  MonthlyEnergySubmitted: eventPayload(monthlyEnergyFields),
  /**
   * CarbonIndex:SubmitMonthlyEnergy that took the installation's year-to-date index from at or below the period's
   * threshold (or from no index yet) to above it: emitted once per crossing, instead of `MonthlyEnergySubmitted`.
   */
  CarbonIndexThresholdPassed: eventPayload({
    ...monthlyEnergyFields,
    thresholdBasisPoints: z.number(),
    previousIndexBasisPoints: z.number().nullable(),
  }),

  // System
  /** System:Heartbeat: the heartbeat as written (it carries its own `txId`). */
  Heartbeat: eventPayload(Heartbeat.unwrap().shape),
} as const satisfies Record<string, z.ZodType<Record<string, unknown>>>;

/** The name of a chaincode event. */
export type CarbonEventName = keyof typeof CARBON_EVENTS;

/** Every event name, in the order of {@link CARBON_EVENTS}. */
export const CARBON_EVENT_NAMES = Object.keys(CARBON_EVENTS) as readonly CarbonEventName[];

/** The parsed payload of event `N` (`txId` included). */
export type CarbonEventPayload<N extends CarbonEventName = CarbonEventName> = N extends CarbonEventName
  ? z.output<(typeof CARBON_EVENTS)[N]>
  : never;

/**
 * An event with its name and payload. Distributed over names, so `CarbonEventOf` (all names) is a union that
 * narrows on `name`: after `if (event.name === 'OrderPlaced')`, `event.payload.order` is an `Order`.
 */
export type CarbonEventOf<N extends CarbonEventName = CarbonEventName> = N extends CarbonEventName
  ? { readonly name: N; readonly payload: CarbonEventPayload<N> }
  : never;

/**
 * What the chaincode passes to `emitEvent` for event `N`: the payload without `txId`, which `emitEvent` adds from
 * the transaction itself (so no emit site can name another transaction).
 */
export type CarbonEventInput<N extends CarbonEventName> = N extends CarbonEventName
  ? Omit<z.input<(typeof CARBON_EVENTS)[N]>, 'txId'>
  : never;

/** True for the name of an event of {@link CARBON_EVENTS} (own keys only: `toString` is no event). */
export function isCarbonEventName(name: string): name is CarbonEventName {
  return Object.hasOwn(CARBON_EVENTS, name);
}

/** Why an event's payload is not what the contract declares. */
export interface CarbonEventMismatch {
  /** `unknown-name`: no such event (a newer chaincode?); `invalid-payload`: the payload fails its schema. */
  readonly reason: 'unknown-name' | 'invalid-payload';
  /** One line naming the event and, for a payload, the first field that fails and why. */
  readonly message: string;
}

/** The outcome of {@link parseCarbonEvent}: the typed event, or why it does not match the contract. */
export type CarbonEventParse =
  | { readonly success: true; readonly event: CarbonEventOf }
  | { readonly success: false; readonly mismatch: CarbonEventMismatch };

/**
 * Validates an event's payload (parsed JSON) against the schema of its name. Every consumer (the client's
 * listener, a server, a web app) judges events the same way.
 */
export function parseCarbonEvent(name: string, payload: unknown): CarbonEventParse {
  if (!isCarbonEventName(name)) {
    return {
      success: false,
      mismatch: { reason: 'unknown-name', message: `event ${JSON.stringify(name)} is not a carbon event` },
    };
  }
  const parsed = (CARBON_EVENTS[name] as z.ZodType<CarbonEventPayload>).safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue === undefined || issue.path.length === 0 ? 'payload' : issue.path.join('.');
    return {
      success: false,
      mismatch: {
        reason: 'invalid-payload',
        message: `event ${name}: ${path}: ${issue?.message ?? 'is not valid'}`,
      },
    };
  }
  // The schema of `name` produced this payload, so the pair is one member of the union.
  return { success: true, event: { name, payload: parsed.data } as CarbonEventOf };
}
