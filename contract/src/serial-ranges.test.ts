import {
  formatSerials,
  mergeSerialRanges,
  serialCount,
  serialFields,
  SerialOverlapError,
  serialRangesOf,
  takeLowestSerials,
} from './serial-ranges';

const r = (start: number, end: number) => ({ start, end });

describe('serial ranges', () => {
  it('reads a plain lot as one range and a consolidated one as its ranges', () => {
    expect(serialRangesOf({ serialStart: 5, serialEnd: 9 })).toEqual([r(5, 9)]);
    const ranges = [r(1, 3), r(7, 7)];
    expect(serialRangesOf({ serialStart: 1, serialEnd: 7, serialRanges: ranges })).toBe(ranges);
    expect(serialCount(ranges)).toBe(4);
  });

  it('joins touching ranges, keeps gaps and refuses a serial held twice', () => {
    expect(mergeSerialRanges([r(6, 9), r(1, 5), r(20, 20), r(11, 12)])).toEqual([
      r(1, 9),
      r(11, 12),
      r(20, 20),
    ]);
    expect(() => mergeSerialRanges([r(1, 5), r(5, 8)])).toThrow(SerialOverlapError);
    expect(() => mergeSerialRanges([r(1, 10), r(3, 4)])).toThrow('serials 1-10 and 3-4 overlap');
  });

  it('takes the lowest serials across ranges, splitting at most one', () => {
    const ranges = [r(1, 3), r(10, 14), r(20, 21)];
    expect(takeLowestSerials(ranges, 5)).toEqual({
      taken: [r(1, 3), r(10, 11)],
      rest: [r(12, 14), r(20, 21)],
    });
    expect(takeLowestSerials(ranges, 3)).toEqual({ taken: [r(1, 3)], rest: [r(10, 14), r(20, 21)] });
    expect(takeLowestSerials(ranges, 10)).toEqual({ taken: ranges, rest: [] });
    expect(() => takeLowestSerials(ranges, 11)).toThrow('hold 10 serials, 11 asked');
  });

  it('writes serialRanges only for two or more ranges', () => {
    expect(serialFields([r(4, 8)])).toEqual({
      serialStart: 4,
      serialEnd: 8,
      serialRanges: undefined,
      quantity: 5,
    });
    expect(serialFields([r(1, 2), r(9, 9)])).toEqual({
      serialStart: 1,
      serialEnd: 9,
      serialRanges: [r(1, 2), r(9, 9)],
      quantity: 3,
    });
    expect(() => serialFields([])).toThrow(RangeError);
  });

  it('formats serials for people', () => {
    expect(formatSerials({ serialStart: 1, serialEnd: 500 })).toBe('1-500');
    expect(formatSerials({ serialStart: 1, serialEnd: 9, serialRanges: [r(1, 5), r(9, 9)] })).toBe('1-5, 9');
  });
});
