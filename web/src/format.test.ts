import { formatBasisPoints, formatKgAsTonnes, formatMwh, monthName } from './format';

describe('console number formats', () => {
  it('shows kg as tonnes to the kg, with thousands separators', () => {
    expect(formatKgAsTonnes(1_092_749)).toBe('1,092.749 t');
    expect(formatKgAsTonnes(817_030)).toBe('817.030 t');
    expect(formatKgAsTonnes(5)).toBe('0.005 t');
    expect(formatKgAsTonnes(0)).toBe('0.000 t');
    expect(formatKgAsTonnes(-1_500)).toBe('-1.500 t');
    // Beyond 2^31 and with no float rounding: 9,007,199,254,740,991 kg.
    expect(formatKgAsTonnes(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740.991 t');
  });

  it('shows basis points as a percentage with two decimals', () => {
    expect(formatBasisPoints(9_548)).toBe('95.48 %');
    expect(formatBasisPoints(10_000)).toBe('100.00 %');
    expect(formatBasisPoints(5)).toBe('0.05 %');
    expect(formatBasisPoints(-1_378)).toBe('-13.78 %');
    expect(formatBasisPoints(-25)).toBe('-0.25 %');
    expect(formatBasisPoints(1_234_567)).toBe('12,345.67 %');
    expect(formatBasisPoints(1_378, 'pp')).toBe('13.78 pp');
  });

  it('shows whole MWh', () => {
    expect(formatMwh(1_500)).toBe('1,500 MWh');
  });

  it('names the months of the year', () => {
    expect(monthName(1)).toBe('Jan');
    expect(monthName(12)).toBe('Dec');
    expect(monthName(13)).toBe('13');
  });
});
