import type { ProductionPeriod } from '@carbon-ets/contract';

const DAY_MS = 24 * 3600 * 1000;

/** The months of a year as the ledger keys a device's issued production: `2025-01` … `2025-12`. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
}

/** The last day of a `YYYY-MM` month, `YYYY-MM-DD`. */
function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year ?? 0, monthNumber ?? 0, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/**
 * How many days of `month` (`YYYY-MM`) the issued production periods cover: each period is cut to the month
 * (both bounds inclusive). The ledger never issues a day of a device twice, so the periods do not overlap.
 */
export function issuedDaysInMonth(month: string, periods: readonly ProductionPeriod[]): number {
  const first = `${month}-01`;
  const last = lastDayOf(month);
  return periods.reduce((days, period) => {
    const from = period.from > first ? period.from : first;
    const to = period.to < last ? period.to : last;
    return from > to ? days : days + (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  }, 0);
}

/** The number of days of a `YYYY-MM` month. */
export function daysOfMonth(month: string): number {
  return Number(lastDayOf(month).slice(8));
}
