/**
 * Trading days are UTC calendar days of the transaction timestamp (`2025-01-15`). Arithmetic uses only the
 * given date, never the peer's clock.
 */
export function tradingDay(isoTime: string): string {
  return isoTime.slice(0, 10);
}

/** The `count` days before `day`, newest first. */
export function previousDays(day: string, count: number): string[] {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  const days: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    days.push(new Date(start - i * 86_400_000).toISOString().slice(0, 10));
  }
  return days;
}

/** The last millisecond of trading day `day`: day orders expire then. */
export function endOfDay(day: string): string {
  return `${day}T23:59:59.999Z`;
}

/** The last millisecond of the compliance year (a period is a calendar year): good-till-period orders expire then. */
export function endOfPeriod(isoTime: string): string {
  return `${isoTime.slice(0, 4)}-12-31T23:59:59.999Z`;
}
