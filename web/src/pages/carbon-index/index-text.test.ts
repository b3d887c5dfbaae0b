import { formatTrend } from './index-text';

describe('the carbon index trend', () => {
  it('is stated in percentage points with its direction', () => {
    // 81.70 % in January, 95.48 % through February: up 13.78 points.
    expect(formatTrend(9_548 - 8_170)).toBe('▲ +13.78 pp');
    expect(formatTrend(-200)).toBe('▼ -2.00 pp');
    expect(formatTrend(0)).toBe('= 0.00 pp');
    expect(formatTrend(null)).toBe('–');
  });
});
