import { z } from 'zod';
import {
  distinctIds,
  Id,
  list,
  OneOf,
  optional,
  Quantity,
  Sha256,
  strictObject,
  Text,
  WholeNumber,
  Year,
} from './fields';
import { DocumentRef } from './mrv';
import { ANYONE, read, type RequestOf, write } from './transaction';
import { ApprovalRequest, COMPLIANCE_UNIT_TYPES, Lot } from './units';

/** A (covered), B (short: surrendered less than owed), C (no verified emissions). */
export const ComplianceCode = z.enum(['A', 'B', 'C']);
export type ComplianceCode = z.infer<typeof ComplianceCode>;

/** The outcome recorded for an installation when its period is closed. */
export const ComplianceFinal = z
  .object({
    code: ComplianceCode,
    shortfall: z.number(),
    /** shortfall × penalty per tonne, in minor units, as a decimal string (may exceed 2^53). */
    penalty: z.string(),
    currency: z.string(),
    closedAt: z.string(),
    /** Of the shortfall, the allocation return obligation still unsettled at closing (absent: none). */
    unreturnedAllocation: z.number().optional(),
  })
  .readonly();
export type ComplianceFinal = z.infer<typeof ComplianceFinal>;

/** Where the verified emissions of a compliance record come from: an accepted report or the regulator's estimate. */
export const EmissionsSource = z.enum(['report', 'estimate']);
export type EmissionsSource = z.infer<typeof EmissionsSource>;

/** A conservative estimate set by the regulator for an installation that did not report (or was not accepted). */
export const EmissionsEstimate = z
  .object({
    tonnes: z.number(),
    reason: z.string(),
    documents: z.array(DocumentRef).readonly(),
    by: z.string(),
    at: z.string(),
  })
  .readonly();
export type EmissionsEstimate = z.infer<typeof EmissionsEstimate>;

/**
 * The regulator's last correction of an installation's verified emissions (earlier ones: the key's history).
 * When the period was already closed, the difference of the obligation is carried into the next period.
 */
export const EmissionsCorrection = z
  .object({
    previousTonnes: z.number(),
    tonnes: z.number(),
    reason: z.string(),
    documents: z.array(DocumentRef).readonly(),
    by: z.string(),
    at: z.string(),
    /** The next period the obligation's difference was carried into (the period was closed); null: open. */
    carriedTo: z.number().nullable(),
    /** Signed tonnes carried (obligation after − before, the period's gap cap applied to both). */
    carriedTonnes: z.number(),
  })
  .readonly();
export type EmissionsCorrection = z.infer<typeof EmissionsCorrection>;

/**
 * `compliance ~ period ~ installationId`: what an installation owes and has surrendered for a period. Written
 * by the regulator's acceptance of verified emissions, the operator's surrenders and the period's closing.
 */
export const ComplianceRecord = z
  .object({
    period: z.number(),
    installationId: z.string(),
    /**
     * Verified emissions in whole tonnes: the accepted report's, the regulator's estimate, or a correction of
     * either; absent until one of them is set.
     */
    verifiedEmissions: z.number().optional(),
    /** Absent on records accepted before estimates existed: an accepted report. */
    emissionsSource: EmissionsSource.optional(),
    estimate: EmissionsEstimate.optional(),
    correction: EmissionsCorrection.optional(),
    surrenderedAllowances: z.number(),
    surrenderedOffsets: z.number(),
    /** Shortfall carried from the previous period's closing, added to this period's obligation. */
    carriedShortfall: z.number(),
    /**
     * Signed tonnes carried from corrections of the previous period made after it was closed, added to this
     * period's obligation (absent: 0).
     */
    carriedAdjustment: z.number().optional(),
    /** Allowances of vintage period + 1 surrendered (borrowed), included in `surrenderedAllowances`. */
    borrowedAllowances: z.number().optional(),
    /** Set when the period is closed. */
    final: ComplianceFinal.optional(),
  })
  .readonly();
export type ComplianceRecord = z.infer<typeof ComplianceRecord>;

/** The computed status a client sees. */
export const ComplianceStatus = z
  .object({
    period: z.number(),
    installationId: z.string(),
    verifiedEmissions: z.number().nullable(),
    /** Absent on statuses recorded before estimates existed. */
    emissionsSource: EmissionsSource.nullable().optional(),
    carriedShortfall: z.number(),
    /** Absent on statuses recorded before corrections existed (0). */
    carriedAdjustment: z.number().optional(),
    /**
     * The period's gap cap for this installation: floor(free allocation × (10000 + cap bp) / 10000); null when
     * the period sets no cap or the installation has no free allocation for it.
     */
    obligationCap: z.number().nullable().optional(),
    /** min(verified emissions, obligationCap) + carriedShortfall + carriedAdjustment. */
    obligation: z.number(),
    surrendered: z.number(),
    surrenderedAllowances: z.number(),
    surrenderedOffsets: z.number(),
    /** Of the allowances, those of vintage period + 1 (absent on statuses recorded before borrowing). */
    borrowedAllowances: z.number().optional(),
    /** surrendered − obligation (negative when short). */
    balance: z.number(),
    code: ComplianceCode,
  })
  .readonly();
export type ComplianceStatus = z.infer<typeof ComplianceStatus>;

/** `Compliance:GetComplianceStatus`: the status and, once the period is closed, its final outcome. */
export const ComplianceStatusReport = z
  .object({
    ...ComplianceStatus.unwrap().shape,
    final: ComplianceFinal.nullable(),
    /**
     * Allowances still to be returned to NATIONAL-ALLOCATION after a negative allocation true-up (absent: 0);
     * added to the shortfall if unsettled when the period closes.
     */
    allocationReturnDue: z.number().optional(),
  })
  .readonly();
export type ComplianceStatusReport = z.infer<typeof ComplianceStatusReport>;

/** What a surrender did: the installation's status after it and the lots now in the deletion account. */
export const SurrenderResult = z
  .object({
    status: ComplianceStatus,
    lots: z.array(Lot).readonly(),
    /** Set when the surrender went beyond the obligation and the period's policy is `overSurrender: warned`. */
    warning: z.string().optional(),
    /**
     * Set when the surrender went above the holding account's approval threshold: nothing was surrendered yet
     * (`lots` is empty, `status` unchanged); the units are locked until a second representative approves.
     */
    pendingApproval: ApprovalRequest.optional(),
  })
  .readonly();
export type SurrenderResult = z.infer<typeof SurrenderResult>;

/** One installation's outcome of a period's closing. */
export const ClosingOutcome = z
  .object({
    installationId: z.string(),
    code: ComplianceCode,
    shortfall: z.number(),
    /** Minor units, decimal string. */
    penalty: z.string(),
  })
  .readonly();
export type ClosingOutcome = z.infer<typeof ClosingOutcome>;

/**
 * One page of a period's closing (`Compliance:ClosePeriod`): this page's outcomes and the closing's running
 * totals. `done`: the period is closed (this was the last page); otherwise call again for the next page.
 */
export const PeriodClosing = z
  .object({
    period: z.number(),
    /** The period is closed: every installation has its final outcome. */
    done: z.boolean(),
    /** Installations closed so far, this page included (the period's total once `done`). */
    closed: z.number(),
    /** Shortfall of every installation closed so far (the period's total once `done`). */
    totalShortfall: z.number(),
    /** This page's outcomes, in installation id order. */
    outcomes: z.array(ClosingOutcome).readonly(),
  })
  .readonly();
export type PeriodClosing = z.infer<typeof PeriodClosing>;

/** Installations a `ClosePeriod` call closes when the request names no page size. */
export const CLOSING_PAGE_SIZE = 200;
/** The most installations one `ClosePeriod` call may close (bounded read and write sets, events and answers). */
export const MAX_CLOSING_PAGE_SIZE = 500;

/**
 * `periodClosing ~ period`: where a paged closing stands. Written by every page; after the last one it stays as
 * the closing's summary.
 */
export const PeriodClosingProgress = z
  .object({
    period: z.number(),
    /** The last installation id closed (installations close in id order); null before the first page. */
    after: z.string().nullable(),
    closed: z.number(),
    totalShortfall: z.number(),
    pages: z.number(),
    startedAt: z.string(),
    /** Set by the last page. */
    closedAt: z.string().optional(),
  })
  .readonly();
export type PeriodClosingProgress = z.infer<typeof PeriodClosingProgress>;

/** What a correction did: the corrected period's status and where the difference went. */
export const EmissionsCorrectionResult = z
  .object({ status: ComplianceStatus, correction: EmissionsCorrection })
  .readonly();
export type EmissionsCorrectionResult = z.infer<typeof EmissionsCorrectionResult>;

const DocumentRequest = strictObject({ name: Text(), sha256: Sha256 });

/**
 * `Compliance`: surrender (operators), status (anyone), corrections, estimates and closing a period
 * (regulator).
 */
export const Compliance = {
  surrender: write({
    contract: 'Compliance',
    name: 'Surrender',
    roles: ['operator'],
    label: 'surrender',
    summary:
      "Surrenders allowances (vintage ≤ period) or offsets (within the period's offset share of verified emissions) from an installation's holding account to NATIONAL-DELETION, for good",
    request: strictObject({
      period: Year,
      installationId: Id,
      unitType: OneOf(COMPLIANCE_UNIT_TYPES),
      quantity: Quantity,
      /** Spend these lots. */
      lotIds: optional(distinctIds()),
      /**
       * Only allowances of this vintage: ≤ period, or period + 1 to borrow from the next vintage (when the
       * period allows borrowing, up to its share of the obligation).
       */
      vintage: optional(Year),
    }),
    answer: SurrenderResult,
  }),
  correctEmissions: write({
    contract: 'Compliance',
    name: 'CorrectEmissions',
    roles: ['regulator'],
    label: 'correction',
    summary:
      "Corrects an installation's verified emissions (accepted or estimated) with a reason and documents, even after the period is closed: the difference of the obligation is then carried into the next period",
    request: strictObject({
      period: Year,
      installationId: Id,
      /** The corrected figure, whole tonnes. */
      verifiedEmissions: WholeNumber,
      reason: Text(2000),
      /** SHA-256 of the supporting documents (kept off-chain). */
      documents: list(DocumentRequest, 100),
    }),
    answer: EmissionsCorrectionResult,
  }),
  estimateEmissions: write({
    contract: 'Compliance',
    name: 'EstimateEmissions',
    roles: ['regulator'],
    label: 'estimate',
    summary:
      'After the reporting deadline, sets a conservative estimate of the emissions of an installation without an accepted report: it counts as its verified emissions',
    request: strictObject({
      period: Year,
      installationId: Id,
      /** Whole tonnes. */
      estimatedEmissions: Quantity,
      reason: Text(2000),
      documents: optional(list(DocumentRequest, 100)),
    }),
    answer: ComplianceStatus,
  }),
  closePeriod: write({
    contract: 'Compliance',
    name: 'ClosePeriod',
    roles: ['regulator'],
    label: 'closing',
    summary:
      "After the surrender deadline, one page of installations at a time (call again until done): records each one's final code, shortfall (unsettled allocation returns included) and penalty, and carries shortfalls into the next period; a page is refused while one of its covered installations has neither accepted nor estimated emissions",
    request: strictObject({
      period: Year,
      /** Installations to close in this call (default CLOSING_PAGE_SIZE, at most MAX_CLOSING_PAGE_SIZE). */
      pageSize: optional(Quantity),
    }),
    answer: PeriodClosing,
  }),
  getComplianceStatus: read({
    contract: 'Compliance',
    name: 'GetComplianceStatus',
    roles: ANYONE,
    label: 'status',
    summary:
      'Compliance status of an installation for a period (NOT_FOUND when the period or the installation does not exist)',
    args: [Year, Id],
    answer: ComplianceStatusReport,
  }),
} as const;

/** Names of the requests, as clients use them. */
export type SurrenderRequest = RequestOf<typeof Compliance.surrender>;
export type EmissionsCorrectionRequest = RequestOf<typeof Compliance.correctEmissions>;
export type EmissionsEstimateRequest = RequestOf<typeof Compliance.estimateEmissions>;
