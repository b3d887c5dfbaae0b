import { bandAround } from './price-band';
import { withTrade } from './settlement';
import { emptyMarketDay } from './trade';
import { endOfDay, endOfPeriod, previousDays, tradingDay } from './trading-day';
import { parseInstrumentId } from './instrument';

describe('price rules', () => {
  it('rounds the band inwards so it is never wider than the rule', () => {
    expect(bandAround(10_000, 1_000)).toMatchObject({ low: 9_000, high: 11_000 });
    expect(bandAround(10_001, 1_000)).toMatchObject({ low: 9_001, high: 11_001 }); // 9000.9 → 9001, 11001.1 → 11001
    expect(bandAround(10_000, 3_000)).toMatchObject({ low: 7_000, high: 13_000 });
    expect(bandAround(1, 3_000)).toMatchObject({ low: 1, high: 1 });
  });

  it('closes the day at the volume-weighted average price, half up, and keeps negotiated trades apart', () => {
    let day = emptyMarketDay('allowance-2025', '2025-01-15');
    day = withTrade(day, { kind: 'order-book', price: 10_000, quantity: 1 });
    day = withTrade(day, { kind: 'order-book', price: 10_001, quantity: 1 });
    expect(day).toMatchObject({ open: 10_000, high: 10_001, low: 10_000, last: 10_001, close: 10_001 }); // 10000.5 ↑
    day = withTrade(day, { kind: 'order-book', price: 9_000, quantity: 2 });
    expect(day).toMatchObject({ low: 9_000, close: 9_500, volume: 4, turnover: '38001', trades: 3 }); // 9500.25
    day = withTrade(day, { kind: 'bilateral', price: 13_000, quantity: 100_000 });
    expect(day).toMatchObject({
      close: 9_500,
      high: 10_001,
      bilateralVolume: 100_000,
      bilateralTurnover: '1300000000',
    });
  });

  it('computes trading days and expiries from the transaction time only', () => {
    expect(tradingDay('2025-03-01T23:59:59.999Z')).toBe('2025-03-01');
    expect(previousDays('2025-03-01', 2)).toEqual(['2025-02-28', '2025-02-27']);
    expect(endOfDay('2025-03-01')).toBe('2025-03-01T23:59:59.999Z');
    expect(endOfPeriod('2025-03-01T10:00:00.000Z')).toBe('2025-12-31T23:59:59.999Z');
    expect(parseInstrumentId('offset-2026', 'i')).toEqual({
      id: 'offset-2026',
      unitType: 'offset',
      vintage: 2026,
    });
    expect(() => parseInstrumentId('allowance-25', 'i')).toThrow(
      'INVALID_ARGUMENT: i must name an instrument',
    );
  });
});
