import type { CompliancePeriod, Role } from '@carbon-ets/contract';

/** How far ahead a deadline is announced. */
export const DEADLINE_NOTICE_DAYS = 45;

/** A compliance deadline a user has to act by. */
export interface ApproachingDeadline {
  readonly period: number;
  readonly deadline: 'reportBy' | 'verifyBy' | 'surrenderBy';
  readonly at: string;
  /** Whole days left, rounded down (0 on the last day). */
  readonly daysLeft: number;
}

/** Which deadlines concern a role: operators report and surrender, verifiers verify, supervisors see all. */
const DEADLINES_OF: Readonly<Record<Role, readonly ApproachingDeadline['deadline'][]>> = {
  operator: ['reportBy', 'surrenderBy'],
  trader: ['surrenderBy'],
  verifier: ['verifyBy'],
  regulator: ['reportBy', 'verifyBy', 'surrenderBy'],
  auditor: ['reportBy', 'verifyBy', 'surrenderBy'],
};

const DAY_MS = 24 * 3600 * 1000;

/** The deadlines of open periods that fall in the next {@link DEADLINE_NOTICE_DAYS} days for `role`, soonest first. */
export function approachingDeadlines(
  periods: readonly CompliancePeriod[],
  role: Role | undefined,
  now: number,
): ApproachingDeadline[] {
  if (role === undefined) return [];
  return periods
    .filter((period) => period.status === 'open')
    .flatMap((period) =>
      DEADLINES_OF[role].map((deadline) => ({
        period: period.year,
        deadline,
        at: period.deadlines[deadline],
      })),
    )
    .map((entry) => ({ ...entry, left: Date.parse(entry.at) - now }))
    .filter((entry) => entry.left >= 0 && entry.left <= DEADLINE_NOTICE_DAYS * DAY_MS)
    .sort((a, b) => a.left - b.left)
    .map(({ left, ...entry }) => ({ ...entry, daysLeft: Math.floor(left / DAY_MS) }));
}
