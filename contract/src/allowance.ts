import { z } from 'zod';
import {
  distinctIds,
  Id,
  list,
  optional,
  PositiveDecimalString,
  Quantity,
  strictObject,
  Year,
} from './fields';
import { read, write } from './transaction';
import { ANYONE } from './transaction';
import { Lot, TransferResult } from './units';

/** A transfer of units between accounts (allowances; offsets add `projectId`). */
export const TransferRequest = strictObject({
  fromAccount: Id,
  toAccount: Id,
  quantity: Quantity,
  /** Spend these lots (no range read, so no conflict with transfers of other lots). */
  lotIds: optional(distinctIds()),
  vintage: optional(Year),
});

/**
 * `issuance ~ allowance ~ vintage`: how many allowances of a vintage exist. Written only by issuance, a
 * regulator transaction checked against the cap, where concurrent writers *should* conflict (the cap is one
 * shared limit). Serials of a vintage run 1..issued. Ledger state, not an answer: declared here because the
 * auditor's replay reads it back from block writes.
 */
export const IssuanceHead = z.object({ vintage: z.number(), issued: z.number() }).readonly();
export type IssuanceHead = z.infer<typeof IssuanceHead>;

/** `allocation ~ period ~ installationId`: the one free allocation of an installation for a period. */
export const AllocationRecord = z
  .object({
    period: z.number(),
    installationId: z.string(),
    accountId: z.string(),
    quantity: z.number(),
    method: z.enum(['explicit', 'benchmark']),
    benchmark: z
      .object({
        id: z.string(),
        value: z.string(),
        output: z.string(),
        correctionFactors: z.array(z.string()).readonly(),
      })
      .readonly()
      .optional(),
    txId: z.string(),
    allocatedAt: z.string(),
  })
  .readonly();
export type AllocationRecord = z.infer<typeof AllocationRecord>;

/** `Allowance`: issuance under the cap and free allocation (regulator), transfers (the owning entity). */
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
  allocateFree: write({
    contract: 'Allowance',
    name: 'AllocateFree',
    roles: ['regulator'],
    label: 'allocation',
    summary:
      "Free allocation to an installation's holding account: a quantity, or output × benchmark × correction factors (rounded down); once per installation and period",
    request: strictObject({
      period: Year,
      installationId: Id,
      /** An explicit quantity, or … */
      quantity: optional(Quantity),
      /** … a benchmark of the period with the installation's output in the benchmark's unit. */
      benchmarkId: optional(Id),
      output: optional(PositiveDecimalString),
      correctionFactors: optional(list(PositiveDecimalString, 20, 'decimals')),
    }),
    answer: z.object({ allocation: AllocationRecord, lots: z.array(Lot) }),
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
