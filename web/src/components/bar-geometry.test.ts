import { type Bar, barSegments, longestBar } from './bar-geometry';

describe('bar geometry', () => {
  const stacked: Bar = {
    label: 'Feb',
    value: 200,
    text: '200',
    parts: [
      { label: 'Coal', value: 150, tone: 'series-1', text: '0.150 t' },
      { label: 'Oil', value: 0, tone: 'series-2' },
      { label: 'Gas', value: 50, tone: 'series-3' },
    ],
  };

  it('scales a plain bar to the longest', () => {
    const bars: Bar[] = [
      { label: 'Cap', value: 1000, text: '', tone: 'cap' },
      { label: 'Issued', value: 250, text: '' },
    ];
    expect(longestBar(bars)).toBe(1000);
    expect(barSegments(bars[1]!, 1000)).toEqual([
      { x: 0, width: 25, tone: undefined, label: undefined, title: undefined },
    ]);
    expect(barSegments(bars[0]!, 1000)).toEqual([
      { x: 0, width: 100, tone: 'cap', label: undefined, title: undefined },
    ]);
  });

  it('stacks the parts left to right and leaves out empty ones', () => {
    expect(barSegments(stacked, 400)).toEqual([
      { x: 0, width: 37.5, tone: 'series-1', label: 'Coal', title: 'Coal: 0.150 t' },
      { x: 37.5, width: 12.5, tone: 'series-3', label: 'Gas', title: 'Gas' },
    ]);
  });

  it('draws nothing when every bar is empty, and no negative width', () => {
    expect(longestBar([])).toBe(0);
    expect(barSegments({ label: 'x', value: 0, text: '' }, 0)).toEqual([
      { x: 0, width: 0, tone: undefined, label: undefined, title: undefined },
    ]);
    expect(barSegments({ label: 'x', value: -5, text: '' }, 10)[0]?.width).toBe(0);
  });
});
