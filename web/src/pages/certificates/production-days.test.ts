import { daysOfMonth, issuedDaysInMonth, monthsOfYear } from './production-days';

describe("a device's issued production days", () => {
  it('lists the months of a year as the ledger keys them', () => {
    const months = monthsOfYear(2196);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2196-01');
    expect(months[11]).toBe('2196-12');
  });

  it('knows the length of each month, leap Februaries included', () => {
    expect(daysOfMonth('2196-01')).toBe(31);
    expect(daysOfMonth('2196-02')).toBe(29);
    expect(daysOfMonth('2197-02')).toBe(28);
    expect(daysOfMonth('2196-04')).toBe(30);
  });

  it('counts the days of a month that issued periods cover, cutting periods to the month', () => {
    const periods = [
      { from: '2196-01-01', to: '2196-01-31' },
      { from: '2196-02-10', to: '2196-03-05' },
      { from: '2196-03-20', to: '2196-03-20' },
    ];
    expect(issuedDaysInMonth('2196-01', periods)).toBe(31);
    // 10–29 February (2196 is a leap year).
    expect(issuedDaysInMonth('2196-02', periods)).toBe(20);
    // 1–5 March and the 20th.
    expect(issuedDaysInMonth('2196-03', periods)).toBe(6);
    expect(issuedDaysInMonth('2196-04', periods)).toBe(0);
    expect(issuedDaysInMonth('2196-12', [{ from: '2196-12-31', to: '2196-12-31' }])).toBe(1);
  });
});
