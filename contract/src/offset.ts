import { z } from 'zod';
import { documentedAs } from './json-schema';
import { distinctIds, field, FIELD, Id, optional, Quantity, strictObject, Text, Year } from './fields';
import { invalidArgument } from './refusal';
import { transferFields } from './allowance';
import { ANYONE, read, write } from './transaction';
import { DayPeriod, Lot, TransferResult } from './units';

/**
 * The span of time whose verified reductions an offset issuance credits. Its bounds are whole UTC calendar days
 * and both are inclusive: `{ from: '2025-01-01', to: '2025-06-30' }` covers 2025-01-01T00:00Z up to, not
 * including, 2025-07-01T00:00Z. Stored periods written before bounds were plain dates carry full ISO instants;
 * their first ten characters are the day.
 */
export const MonitoringPeriod = DayPeriod;
export type MonitoringPeriod = DayPeriod;

/** `2025-01-01..2025-06-30`, for messages. */
export function formatMonitoringPeriod(period: MonitoringPeriod): string {
  return `${period.from.slice(0, 10)}..${period.to.slice(0, 10)}`;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` that names a real day (not 2025-02-30). */
export function parseDay(value: unknown, field: string): string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) {
    throw invalidArgument(
      `${field} must be a calendar date YYYY-MM-DD (monitoring periods are whole days, both ends inclusive)`,
    );
  }
  // Date.parse of a fixed text is deterministic; the round trip rejects days that do not exist.
  const millis = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(millis) || new Date(millis).toISOString().slice(0, 10) !== value) {
    throw invalidArgument(`${field} is not a valid date`);
  }
  return value;
}

/** A day of a monitoring period, `YYYY-MM-DD`. */
export const MonitoringDay = field<string, string>(parseDay, {
  type: 'string',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
});

/**
 * A monitoring period in a request: real days, `from` ≤ `to`, and both in one calendar year so that the period
 * has exactly one vintage (a longer monitoring report is issued as one issuance per calendar year).
 */
const monitoringDays = strictObject({ from: MonitoringDay, to: MonitoringDay });
export const MonitoringPeriodRequest = monitoringDays.superRefine((period, ctx) => {
  // Only a period whose days parsed is checked further.
  const { from, to } = period as Partial<MonitoringPeriod>;
  if (from === undefined || to === undefined) return;
  if (from > to) {
    ctx.addIssue({ code: 'custom', message: `${FIELD}.from must not be after .to` });
  } else if (from.slice(0, 4) !== to.slice(0, 4)) {
    ctx.addIssue({
      code: 'custom',
      message: `${FIELD} ${formatMonitoringPeriod(period)} spans two calendar years; issue each year separately`,
    });
  }
});
documentedAs.set(MonitoringPeriodRequest, monitoringDays);

/** A registered emission-reduction project (CCER-like) whose verified reductions become offset credits. */
export const OffsetProject = z
  .object({
    id: z.string(),
    name: z.string(),
    methodology: z.string(),
    /** The entity credits are issued to. */
    ownerEntityId: z.string(),
    registeredAt: z.string(),
  })
  .readonly();
export type OffsetProject = z.infer<typeof OffsetProject>;

/**
 * `offsetIssuance ~ projectId ~ vintage ~ monitoringPeriod`: one issuance of credits (write once). No day of a
 * project's monitoring is ever credited twice, and serial blocks of a project never overlap.
 */
export const OffsetIssuance = z
  .object({
    projectId: z.string(),
    /** Always the calendar year in which `monitoringPeriod` ends. */
    vintage: z.number(),
    monitoringPeriod: MonitoringPeriod,
    serialStart: z.number(),
    serialEnd: z.number(),
    quantity: z.number(),
    accountId: z.string(),
    lotId: z.string(),
    issuedAt: z.string(),
    txId: z.string(),
  })
  .readonly();
export type OffsetIssuance = z.infer<typeof OffsetIssuance>;

/** A transfer of offset credits: an allowance transfer's fields, plus the project to take credits of. */
export const OffsetTransferRequest = strictObject({ ...transferFields, projectId: optional(Id) });

/**
 * The fields of giving units up for a beneficiary (offset retirement, certificate cancellation; each adds what
 * selects its lots).
 */
export const retirementFields = {
  accountId: Id,
  quantity: Quantity,
  beneficiary: Text(),
  reason: optional(Text(1000)),
  lotIds: optional(distinctIds()),
  vintage: optional(Year),
};

/** What a retirement did: the lots now retired in the deletion account. */
export const RetirementResult = z
  .object({
    accountId: z.string(),
    quantity: z.number(),
    beneficiary: z.string(),
    lots: z.array(Lot).readonly(),
  })
  .readonly();
export type RetirementResult = z.infer<typeof RetirementResult>;

/** `Offset`: projects and credit issuance (regulator), transfers and retirement (the owning entity). */
export const Offset = {
  registerProject: write({
    contract: 'Offset',
    name: 'RegisterProject',
    roles: ['regulator'],
    label: 'project',
    summary: 'Registers an offset project owned by an entity (not a verifier)',
    request: strictObject({ id: Id, name: Text(), methodology: Text(), ownerEntityId: Id }),
    answer: OffsetProject,
  }),
  issueOffsets: write({
    contract: 'Offset',
    name: 'IssueOffsets',
    roles: ['regulator'],
    label: 'offsetIssuance',
    summary:
      "Issues credits for a project's monitoring period into an account of its owner; no day is credited twice (CONFLICT), the vintage is the year the period ends",
    request: strictObject({
      projectId: Id,
      /** Must be the calendar year in which the monitoring period ends. */
      vintage: Year,
      /**
       * `YYYY-MM-DD` days, both inclusive, within one calendar year; it may share no day with a period already
       * issued for the project (touching periods are fine).
       */
      monitoringPeriod: MonitoringPeriodRequest,
      serialStart: Quantity,
      quantity: Quantity,
      toAccount: Id,
    }),
    answer: OffsetIssuance,
  }),
  transferOffsets: write({
    contract: 'Offset',
    name: 'TransferOffsets',
    roles: ['regulator', 'operator', 'trader'],
    label: 'transfer',
    summary:
      "Moves offset credits between accounts; the source's owner (or the regulator, for national accounts) signs",
    request: OffsetTransferRequest,
    answer: TransferResult,
  }),
  retireOffsets: write({
    contract: 'Offset',
    name: 'RetireOffsets',
    roles: ['operator', 'trader'],
    label: 'retirement',
    summary: 'Retires offset credits for a beneficiary; terminal: retired credits never move again',
    request: strictObject({ ...retirementFields, projectId: optional(Id) }),
    answer: RetirementResult,
  }),
  getProject: read({
    contract: 'Offset',
    name: 'GetProject',
    roles: ANYONE,
    label: 'project',
    summary: 'An offset project',
    args: [Id],
    answer: OffsetProject,
  }),
} as const;
