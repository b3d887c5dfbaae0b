import type { CarbonIndexBar } from '@carbon-ets/contract';
import { barSegments, longestBar } from '../../components/bar-geometry';
import { monthlyBars, SOURCE_LEGEND } from './monthly-bars';

/**
 * The chaincode's vectors (index-arithmetic): January 400 t coal and 100 MWh; February 500 t coal, 10 t oil, 20 t
 * gas and 100 MWh; 12,000 t allocated. March was not submitted; April repeats nothing but electricity.
 */
const months: CarbonIndexBar[] = [
  {
    month: 1,
    submitted: true,
    emissionsKg: { coal: 760_000, oil: 0, gas: 0, electricity: 57_030 },
    totalKg: 817_030,
    indexBasisPoints: 8_170,
  },
  {
    month: 2,
    submitted: true,
    emissionsKg: { coal: 950_000, oil: 31_863, gas: 53_856, electricity: 57_030 },
    totalKg: 1_092_749,
    indexBasisPoints: 9_548,
  },
  {
    month: 3,
    submitted: false,
    emissionsKg: { coal: 0, oil: 0, gas: 0, electricity: 0 },
    totalKg: 0,
    indexBasisPoints: 6_365,
  },
  {
    month: 4,
    submitted: true,
    emissionsKg: { coal: 0, oil: 0, gas: 0, electricity: 57_030 },
    totalKg: 57_030,
    indexBasisPoints: null,
  },
];

describe('monthly bars of the carbon index', () => {
  const bars = monthlyBars(months);

  it('draws one bar per submitted month, with its total and the index through it', () => {
    expect(bars.map((bar) => [bar.label, bar.value, bar.text])).toEqual([
      ['Jan', 817_030, '817.030 t · 81.70 %'],
      ['Feb', 1_092_749, '1,092.749 t · 95.48 %'],
      ['Apr', 57_030, '57.030 t'],
    ]);
  });

  it('stacks coal, oil, gas and electricity in that order, scaled to the largest month', () => {
    expect(SOURCE_LEGEND.map((entry) => entry.label)).toEqual(['Coal', 'Oil', 'Gas', 'Electricity']);
    const longest = longestBar(bars);
    expect(longest).toBe(1_092_749);
    const february = barSegments(bars[1]!, longest);
    expect(february.map((segment) => segment.label)).toEqual(['Coal', 'Oil', 'Gas', 'Electricity']);
    expect(february.at(-1)!.x + february.at(-1)!.width).toBeCloseTo(100);
    // January: no oil or gas; coal 760,000 / 1,092,749 of the width, electricity after it.
    const january = barSegments(bars[0]!, longest);
    expect(january.map((segment) => segment.label)).toEqual(['Coal', 'Electricity']);
    expect(january[0]!.width).toBeCloseTo(69.549, 2);
    expect(january[1]!.x).toBeCloseTo(69.549, 2);
    expect(january[1]!.width).toBeCloseTo(5.219, 2);
    expect(january[0]!.title).toBe('Coal: 760.000 t');
  });
});
