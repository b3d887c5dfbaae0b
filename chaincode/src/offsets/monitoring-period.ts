import { invalidArgument } from '../errors';

/**
 * The span of time whose verified reductions an offset issuance credits. Its bounds are whole UTC calendar days
 * and both are inclusive: `{ from: '2025-01-01', to: '2025-06-30' }` covers 2025-01-01T00:00Z up to, not
 * including, 2025-07-01T00:00Z. Dates rather than instants because monitoring reports are dated by day, and
 * inclusive bounds because that is how they are written ("1 January to 30 June").
 */
export interface MonitoringPeriod {
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day, `YYYY-MM-DD`. */
  readonly to: string;
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` that names a real day (not 2025-02-30). */
function parseDay(value: unknown, field: string): string {
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

/**
 * Reads and checks a monitoring period: real days, `from` ≤ `to`, and both in one calendar year so that the
 * period has exactly one vintage (a longer monitoring report is issued as one issuance per calendar year).
 */
export function parseMonitoringPeriod(from: unknown, to: unknown, field: string): MonitoringPeriod {
  const period = { from: parseDay(from, `${field}.from`), to: parseDay(to, `${field}.to`) };
  if (period.from > period.to) {
    throw invalidArgument(`${field}.from must not be after .to`);
  }
  if (period.from.slice(0, 4) !== period.to.slice(0, 4)) {
    throw invalidArgument(
      `${field} ${formatMonitoringPeriod(period)} spans two calendar years; issue each year separately`,
    );
  }
  return period;
}

/** The vintage credits of a monitoring period carry: the calendar year in which the period ends. */
export function vintageOf(period: MonitoringPeriod): number {
  return Number(period.to.slice(0, 4));
}

/**
 * Whether two monitoring periods share at least one day. Bounds are inclusive, so periods that only touch
 * (one ends on 30 June, the next starts on 1 July) do not overlap. Stored periods written before bounds were
 * plain dates carry full ISO instants; their first ten characters are the day.
 */
export function monitoringPeriodsOverlap(a: MonitoringPeriod, b: MonitoringPeriod): boolean {
  return a.from.slice(0, 10) <= b.to.slice(0, 10) && b.from.slice(0, 10) <= a.to.slice(0, 10);
}

/** `2025-01-01..2025-06-30`, for messages. */
export function formatMonitoringPeriod(period: MonitoringPeriod): string {
  return `${period.from.slice(0, 10)}..${period.to.slice(0, 10)}`;
}
