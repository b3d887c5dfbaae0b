import { formatBasisPoints } from '../../format';

/**
 * An index's change since the month before, in percentage points with its direction: `▲ +13.78 pp`,
 * `▼ -2.00 pp`, `= 0.00 pp`; `–` when there is nothing to compare (January, or no allocation).
 */
export function formatTrend(trendBasisPoints: number | null): string {
  if (trendBasisPoints === null) return '–';
  if (trendBasisPoints > 0) return `▲ +${formatBasisPoints(trendBasisPoints, 'pp')}`;
  if (trendBasisPoints < 0) return `▼ ${formatBasisPoints(trendBasisPoints, 'pp')}`;
  return `= ${formatBasisPoints(0, 'pp')}`;
}
