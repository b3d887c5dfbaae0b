import { formatMonitoringPeriod, type MonitoringPeriod } from '@carbon-ets/contract';

/**
 * The span of time whose verified reductions an offset issuance credits: whole UTC calendar days, both bounds
 * inclusive, within one calendar year (declared, and checked in requests, by the wire contract).
 */
export { formatMonitoringPeriod, type MonitoringPeriod };

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
