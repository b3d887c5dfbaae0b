import { z } from 'zod';
import {
  BasisPoints,
  distinctIds,
  Id,
  list,
  OneOf,
  optional,
  PositiveDecimalString,
  Quantity,
  strictObject,
  WholeNumber,
  Year,
} from './fields';
import { read, write } from './transaction';
import { ANYONE } from './transaction';
import { Lot, TransferResult } from './units';

/**
 * The most lots one `ConsolidateLots` merges (and, given `lotIds`, reads): the transaction's work and write set
 * stay bounded however fragmented the account is; a larger account is consolidated by repeating it.
 */
export const MAX_LOTS_PER_CONSOLIDATION = 100;

/** One lot written by `ConsolidateLots`: it keeps the id of the first lot merged into it. */
export const ConsolidatedLot = z
  .object({ lot: Lot, mergedLotIds: z.array(z.string()).readonly() })
  .readonly();
export type ConsolidatedLot = z.infer<typeof ConsolidatedLot>;

/** What `ConsolidateLots` did. */
export const ConsolidationResult = z
  .object({
    accountId: z.string(),
    /** The lots written, each holding the serials of the lots merged into it (itself first). */
    consolidated: z.array(ConsolidatedLot).readonly(),
    /** Lots deleted: merged into one of the above. */
    deletedLotIds: z.array(z.string()).readonly(),
    /**
     * Without `lotIds`: available lots that could still be merged but were left for a next `ConsolidateLots`
     * because of the per-transaction bound (0: the account is consolidated). With `lotIds`: always 0.
     */
    leftOver: z.number(),
  })
  .readonly();
export type ConsolidationResult = z.infer<typeof ConsolidationResult>;

/** The fields of a transfer of units between accounts (offsets add `projectId`, certificates `deviceId`). */
export const transferFields = {
  fromAccount: Id,
  toAccount: Id,
  quantity: Quantity,
  /** Spend these lots (no range read, so no conflict with transfers of other lots). */
  lotIds: optional(distinctIds()),
  vintage: optional(Year),
};

/** A transfer of allowances between accounts. */
export const TransferRequest = strictObject(transferFields);

/**
 * `issuance ~ allowance ~ vintage`: how many allowances of a vintage exist. Written only by issuance, a
 * regulator transaction checked against the cap, where concurrent writers *should* conflict (the cap is one
 * shared limit). Serials of a vintage run 1..issued. Ledger state, not an answer: declared here because the
 * auditor's replay reads it back from block writes.
 */
export const IssuanceHead = z.object({ vintage: z.number(), issued: z.number() }).readonly();
export type IssuanceHead = z.infer<typeof IssuanceHead>;

/** How a plan line computes the final allocation: a fixed quantity, or benchmark × verified output × factors. */
export const ALLOCATION_METHODS = ['fixed', 'benchmark'] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];

/** The parts of a free allocation: the pre-allocation paid early, then the true-up on the verified output. */
export const ALLOCATION_PARTS = ['pre-allocation', 'true-up'] as const;
export type AllocationPart = (typeof ALLOCATION_PARTS)[number];

/**
 * `allocationPlan ~ period ~ installationId`: one line of the period's allocation plan, set by the regulator.
 * It can be replaced only until the installation's allocation has started (a pre-allocation or a true-up).
 */
export const AllocationPlanLine = z
  .object({
    period: z.number(),
    installationId: z.string(),
    method: z.enum(ALLOCATION_METHODS),
    /** `fixed`: the final allocation, whole tonnes. */
    quantity: z.number().optional(),
    /** `benchmark`: the period's benchmark (its value when the line was set) and the correction factors. */
    benchmark: z
      .object({ id: z.string(), value: z.string(), correctionFactors: z.array(z.string()).readonly() })
      .readonly()
      .optional(),
    /** The base of the pre-allocation in tonnes (e.g. the previous year's allocation), and its share. */
    preAllocationBase: z.number(),
    preAllocationShareBasisPoints: z.number(),
    /** floor(base × share / 10000): paid by `PreAllocate`, once. */
    preAllocation: z.number(),
    /** No free allocation of the installation for the period ever exceeds it. */
    ceiling: z.number(),
    /** 1 for the first line, + 1 each time it is replaced; allocation parts cite it. */
    version: z.number(),
    setBy: z.string(),
    setAt: z.string(),
    txId: z.string(),
  })
  .readonly();
export type AllocationPlanLine = z.infer<typeof AllocationPlanLine>;

/** One part of an installation's free allocation for a period. */
export const AllocationPartRecord = z
  .object({
    part: z.enum(ALLOCATION_PARTS),
    /** The plan line's version it followed. */
    planVersion: z.number(),
    /** Allowances moved to the holding account by this part (0 when a true-up owes a return). */
    quantity: z.number(),
    /** True-up: the final allocation, min(plan method on the verified output, ceiling). */
    finalQuantity: z.number().optional(),
    /** True-up of a benchmark line: the verified output, in the benchmark's unit. */
    verifiedOutput: z.string().optional(),
    /** True-up: what the installation must give back (pre-allocated − final, when positive). */
    returnOwed: z.number().optional(),
    txId: z.string(),
    at: z.string(),
  })
  .readonly();
export type AllocationPartRecord = z.infer<typeof AllocationPartRecord>;

/**
 * `allocation ~ period ~ installationId`: the free allocation of an installation for a period, by parts, with
 * the return obligation a negative true-up left. `quantity − returnDue` is what the installation is entitled to
 * keep (the final allocation once trued up), never above the plan line's ceiling.
 */
export const AllocationRecord = z
  .object({
    period: z.number(),
    installationId: z.string(),
    accountId: z.string(),
    /** Allowances allocated, net of those returned: Σ parts − returned. */
    quantity: z.number(),
    /**
     * The plan line cited: `allocationPlan ~ period ~ installationId`, at this version. This and the fields
     * below are absent on allocations made before allocation plans (one direct allocation, nothing due).
     */
    planVersion: z.number().optional(),
    parts: z.array(AllocationPartRecord).readonly().optional(),
    /** Set by the true-up. */
    finalQuantity: z.number().optional(),
    /** Still to be returned to NATIONAL-ALLOCATION by the surrender deadline (else added to the shortfall). */
    returnDue: z.number().optional(),
    /** Returned so far. */
    returned: z.number().optional(),
    /** The last transaction that changed the record. */
    txId: z.string(),
    allocatedAt: z.string(),
  })
  .readonly();
export type AllocationRecord = z.infer<typeof AllocationRecord>;

/** What a pre-allocation, a true-up or a return did: the record and the lots created. */
export const AllocationResult = z
  .object({ allocation: AllocationRecord, lots: z.array(Lot).readonly() })
  .readonly();
export type AllocationResult = z.infer<typeof AllocationResult>;

/** `Allowance:GetAllocation`: an installation's plan line and allocation for a period (null: none). */
export const AllocationView = z
  .object({ plan: AllocationPlanLine.nullable(), allocation: AllocationRecord.nullable() })
  .readonly();
export type AllocationView = z.infer<typeof AllocationView>;

/** One plan line of a `SetAllocationPlan` request. */
const AllocationPlanLineRequest = strictObject({
  installationId: Id,
  method: OneOf(ALLOCATION_METHODS),
  /** `fixed`: the final allocation in tonnes. */
  quantity: optional(Quantity),
  /** `benchmark`: a benchmark id of the period (the output comes with the true-up) … */
  benchmarkId: optional(Id),
  /** … and its correction factors. */
  correctionFactors: optional(list(PositiveDecimalString, 20, 'decimals')),
  /** The base figure of the pre-allocation, tonnes (e.g. the previous year's allocation); with its share. */
  preAllocationBase: optional(WholeNumber),
  /** The share of the base paid early, basis points (7000 = 70 %). */
  preAllocationShareBasisPoints: optional(BasisPoints),
  /** The most the installation can be allocated for the period, tonnes. */
  ceiling: Quantity,
});

/**
 * `Allowance`: issuance under the cap, allocation plans, pre-allocation and true-up (regulator), returns of
 * over-allocation (the installation's operator), transfers (the owning entity).
 */
export const Allowance = {
  issueAllowances: write({
    contract: 'Allowance',
    name: 'IssueAllowances',
    roles: ['regulator'],
    label: 'issuance',
    summary:
      "Issues allowances of the period's vintage into NATIONAL-ALLOCATION, serials continuing the vintage's, never beyond the cap",
    request: strictObject({ period: Year, quantity: Quantity }),
    answer: Lot,
  }),
  setAllocationPlan: write({
    contract: 'Allowance',
    name: 'SetAllocationPlan',
    roles: ['regulator'],
    label: 'plan',
    summary:
      "Sets lines of a period's allocation plan (per installation: fixed quantity or benchmark × factors, pre-allocation share of a base, ceiling); a line is fixed once its allocation has started",
    request: strictObject({ period: Year, lines: list(AllocationPlanLineRequest, 100, 'plan lines') }),
    answer: z.object({ lines: z.array(AllocationPlanLine).readonly() }).readonly(),
  }),
  preAllocate: write({
    contract: 'Allowance',
    name: 'PreAllocate',
    roles: ['regulator'],
    label: 'preAllocation',
    summary:
      "Pays an installation's pre-allocation from its plan line (floor(base × share)), once, before the true-up",
    request: strictObject({ period: Year, installationId: Id }),
    answer: AllocationResult,
  }),
  trueUp: write({
    contract: 'Allowance',
    name: 'TrueUp',
    roles: ['regulator'],
    label: 'trueUp',
    summary:
      "Once the installation's emissions are accepted: final allocation = plan method on the verified output (rounded down), at most the ceiling; more than pre-allocated is allocated, less becomes a return obligation",
    request: strictObject({
      period: Year,
      installationId: Id,
      /** Benchmark lines: the verified output in the benchmark's unit (not for fixed lines). */
      verifiedOutput: optional(PositiveDecimalString),
    }),
    answer: AllocationResult,
  }),
  returnAllocation: write({
    contract: 'Allowance',
    name: 'ReturnAllocation',
    roles: ['operator'],
    label: 'allocationReturn',
    summary:
      "Returns allowances of the period's vintage from the installation's holding account to NATIONAL-ALLOCATION, against its return obligation, by the surrender deadline",
    request: strictObject({
      period: Year,
      installationId: Id,
      quantity: Quantity,
      /** Spend these lots (of the period's vintage). */
      lotIds: optional(distinctIds()),
    }),
    answer: AllocationResult,
  }),
  getAllocation: read({
    contract: 'Allowance',
    name: 'GetAllocation',
    roles: ANYONE,
    label: 'allocation',
    summary: "An installation's allocation plan line and free allocation (parts, return due) for a period",
    args: [Year, Id],
    answer: AllocationView,
  }),
  transfer: write({
    contract: 'Allowance',
    name: 'Transfer',
    roles: ['regulator', 'operator', 'trader'],
    label: 'transfer',
    summary:
      "Moves allowances between accounts; the source's owner (or the regulator, for national accounts) signs",
    request: TransferRequest,
    answer: TransferResult,
  }),
  consolidateLots: write({
    contract: 'Allowance',
    name: 'ConsolidateLots',
    roles: ['regulator', 'operator', 'trader'],
    label: 'consolidation',
    summary:
      "Merges an account's available lots of one unit type, vintage and project into one, keeping every serial (a lot may carry several serial ranges); at most 100 lots a transaction, repeat while leftOver > 0",
    request: strictObject({
      accountId: Id,
      /** Merge only these lots (no range read, no conflict with units arriving meanwhile); else all. */
      lotIds: optional(distinctIds(MAX_LOTS_PER_CONSOLIDATION)),
    }),
    answer: ConsolidationResult,
  }),
  getLot: read({
    contract: 'Allowance',
    name: 'GetLot',
    roles: ANYONE,
    label: 'lot',
    summary: 'One lot of an account',
    args: [Id, Id],
    answer: Lot,
  }),
} as const;
