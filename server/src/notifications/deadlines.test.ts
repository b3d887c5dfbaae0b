import type { CompliancePeriod } from '@carbon-ets/contract';
import { approachingDeadlines, DEADLINE_NOTICE_DAYS } from './deadlines';

const DAY = 24 * 3600 * 1000;
const now = Date.parse('2026-03-01T00:00:00Z');
const period = (year: number, status: 'open' | 'closed', days: [number, number, number]) =>
  ({
    year,
    status,
    deadlines: {
      reportBy: new Date(now + days[0] * DAY).toISOString(),
      verifyBy: new Date(now + days[1] * DAY).toISOString(),
      surrenderBy: new Date(now + days[2] * DAY).toISOString(),
    },
  }) as unknown as CompliancePeriod;

describe('approaching deadlines', () => {
  const periods = [
    period(2025, 'open', [10, 40, 90]),
    period(2024, 'closed', [1, 2, 3]),
    period(2026, 'open', [-5, 20, 44]),
  ];

  it('tells each role the deadlines it has to act by, soonest first, within the notice window', () => {
    expect(approachingDeadlines(periods, 'operator', now)).toEqual([
      { period: 2025, deadline: 'reportBy', at: '2026-03-11T00:00:00.000Z', daysLeft: 10 },
      { period: 2026, deadline: 'surrenderBy', at: '2026-04-14T00:00:00.000Z', daysLeft: 44 },
    ]);
    expect(approachingDeadlines(periods, 'verifier', now).map((d) => [d.period, d.deadline])).toEqual([
      [2026, 'verifyBy'],
      [2025, 'verifyBy'],
    ]);
    expect(approachingDeadlines(periods, 'regulator', now)).toHaveLength(4);
  });

  it('leaves out past deadlines, closed periods, deadlines beyond the window and users without a role', () => {
    const all = approachingDeadlines(periods, 'auditor', now);
    expect(all.every((d) => d.daysLeft >= 0 && d.daysLeft <= DEADLINE_NOTICE_DAYS)).toBe(true);
    expect(all.some((d) => d.period === 2024)).toBe(false);
    expect(all.some((d) => d.period === 2025 && d.deadline === 'surrenderBy')).toBe(false);
    expect(approachingDeadlines(periods, undefined, now)).toEqual([]);
  });
});
