import { z } from 'zod';
import { distinctIds, Id, OneOf, optional, Quantity, strictObject, Year } from './fields';
import { ANYONE, read, type RequestOf, write } from './transaction';
import { Lot, UNIT_TYPES } from './units';

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
  })
  .readonly();
export type ComplianceFinal = z.infer<typeof ComplianceFinal>;

/**
 * `compliance ~ period ~ installationId`: what an installation owes and has surrendered for a period. Written
 * by the regulator's acceptance of verified emissions, the operator's surrenders and the period's closing.
 */
export const ComplianceRecord = z
  .object({
    period: z.number(),
    installationId: z.string(),
    /** Accepted verified emissions in whole tonnes; absent until the regulator accepts a report. */
    verifiedEmissions: z.number().optional(),
    surrenderedAllowances: z.number(),
    surrenderedOffsets: z.number(),
    /** Shortfall carried from the previous period's closing, added to this period's obligation. */
    carriedShortfall: z.number(),
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
    carriedShortfall: z.number(),
    obligation: z.number(),
    surrendered: z.number(),
    surrenderedAllowances: z.number(),
    surrenderedOffsets: z.number(),
    /** surrendered − obligation (negative when short). */
    balance: z.number(),
    code: ComplianceCode,
  })
  .readonly();
export type ComplianceStatus = z.infer<typeof ComplianceStatus>;

/** `Compliance:GetComplianceStatus`: the status and, once the period is closed, its final outcome. */
export const ComplianceStatusReport = z
  .object({ ...ComplianceStatus.unwrap().shape, final: ComplianceFinal.nullable() })
  .readonly();
export type ComplianceStatusReport = z.infer<typeof ComplianceStatusReport>;

/** What a surrender did: the installation's status after it and the lots now in the deletion account. */
export const SurrenderResult = z
  .object({ status: ComplianceStatus, lots: z.array(Lot).readonly() })
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

export const PeriodClosing = z
  .object({ period: z.number(), totalShortfall: z.number(), outcomes: z.array(ClosingOutcome).readonly() })
  .readonly();
export type PeriodClosing = z.infer<typeof PeriodClosing>;

/** `Compliance`: surrender (operators), status (anyone), closing a period (regulator). */
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
      unitType: OneOf(UNIT_TYPES),
      quantity: Quantity,
      /** Spend these lots. */
      lotIds: optional(distinctIds()),
    }),
    answer: SurrenderResult,
  }),
  closePeriod: write({
    contract: 'Compliance',
    name: 'ClosePeriod',
    roles: ['regulator'],
    label: 'closing',
    summary:
      "After the surrender deadline: records every installation's final code, shortfall and penalty, and carries shortfalls into the next period",
    request: strictObject({ period: Year }),
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
