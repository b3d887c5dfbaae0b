import { monthsOf, periodsOverlap } from './production-months';

describe('production months', () => {
  it('lists every month a period shares a day with, and no other', () => {
    expect(monthsOf({ from: '2025-01-31', to: '2025-03-01' })).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(monthsOf({ from: '2025-12-01', to: '2025-12-01' })).toEqual(['2025-12']);
    expect(monthsOf({ from: '2025-01-01', to: '2025-12-31' })).toHaveLength(12);
  });

  it('treats bounds as inclusive: touching periods do not overlap, a shared day does', () => {
    const january = { from: '2025-01-01', to: '2025-01-31' };
    expect(periodsOverlap(january, { from: '2025-02-01', to: '2025-02-28' })).toBe(false);
    expect(periodsOverlap(january, { from: '2025-01-31', to: '2025-02-28' })).toBe(true);
    expect(periodsOverlap({ from: '2025-01-10', to: '2025-01-12' }, january)).toBe(true);
  });
});
