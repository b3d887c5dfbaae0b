import type { ProductionPeriod } from '@carbon-ets/contract';

/** Green certificate records: declared by the wire contract (`@carbon-ets/contract`). */
export type {
  CertificateApplication,
  CertificateDevice,
  CertificateIssuance,
  CertificateMonth,
  ProductionPeriod,
} from '@carbon-ets/contract';

/**
 * The calendar months (`YYYY-MM`) a production period shares a day with, in order. The wire contract keeps a
 * period within one calendar year, so there are at most 12: the issuance's overlap check is bounded.
 */
export function monthsOf(period: ProductionPeriod): string[] {
  const year = period.from.slice(0, 4);
  const first = Number(period.from.slice(5, 7));
  const last = Number(period.to.slice(5, 7));
  const months: string[] = [];
  for (let month = first; month <= last; month += 1) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}

/** Whether two production periods share a day (bounds inclusive; periods that only touch do not). */
export function periodsOverlap(a: ProductionPeriod, b: ProductionPeriod): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** `2025-01-01..2025-01-31`, for messages. */
export function formatPeriod(period: ProductionPeriod): string {
  return `${period.from}..${period.to}`;
}

/** The key part naming a production period: `2025-01-01_2025-01-31`. */
export function periodKey(period: ProductionPeriod): string {
  return `${period.from}_${period.to}`;
}
