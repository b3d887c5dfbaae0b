import { formatFen } from './demo-cycle';

describe('formatFen', () => {
  test.each([
    [6000, '60.00 CNY'],
    ['183000000', '1,830,000.00 CNY'],
    [5, '0.05 CNY'],
    [-120, '-1.20 CNY'],
  ])('%p fen is %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});
