import type { Trade } from '@carbon-ets/contract';
import type { ServerDatabase } from '../store/database';

/** The resolutions of a price series: one bar per UTC trading day or per minute. */
export type Resolution = 'day' | 'minute';

/**
 * One bar of an instrument's price series. Open, high, low and last come from order-book trades only (as the
 * chaincode's daily market data); negotiated (bilateral) trades are counted apart and never move the price, and
 * those paid off-channel, which have no public price, are not counted at all.
 * Prices are fen per tonne; turnovers are fen as decimal text (they can exceed 2^53).
 */
export interface PriceBar {
  readonly instrument: string;
  /** `YYYY-MM-DD` (day) or `YYYY-MM-DDTHH:MM` (minute, UTC). */
  readonly bucket: string;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly last: number | null;
  readonly volume: number;
  readonly turnover: string;
  readonly trades: number;
  readonly bilateralVolume: number;
  readonly bilateralTurnover: string;
  readonly bilateralTrades: number;
}

interface BarRow {
  instrument: string;
  bucket: string;
  open: number | null;
  high: number | null;
  low: number | null;
  last: number | null;
  volume: number;
  turnover: string;
  trades: number;
  bilateral_volume: number;
  bilateral_turnover: string;
  bilateral_trades: number;
}

/** A stored bar as the API shows it. */
export function priceBar(row: BarRow): PriceBar {
  return {
    instrument: row.instrument,
    bucket: row.bucket,
    open: row.open,
    high: row.high,
    low: row.low,
    last: row.last,
    volume: row.volume,
    turnover: row.turnover,
    trades: row.trades,
    bilateralVolume: row.bilateral_volume,
    bilateralTurnover: row.bilateral_turnover,
    bilateralTrades: row.bilateral_trades,
  };
}

/** The daily bucket is the trade's trading day; the minute bucket its execution time cut to the minute. */
function buckets(trade: Trade): [Resolution, string][] {
  return [
    ['day', trade.day],
    ['minute', trade.executedAt.slice(0, 16)],
  ];
}

/**
 * Daily and per-minute bars, updated once per trade when the trade is first projected (trades are written
 * once, so a bar never counts a trade twice; a rebuild recomputes every bar from block 0).
 */
export class PriceBars {
  private readonly get;
  private readonly put;

  constructor(db: ServerDatabase) {
    this.get = db.prepare<[string, Resolution, string], BarRow>(
      'SELECT * FROM rm_price_bars WHERE instrument = ? AND resolution = ? AND bucket = ?',
    );
    this.put = db.prepare(
      `INSERT OR REPLACE INTO rm_price_bars (instrument, resolution, bucket, open, high, low, last, volume,
         turnover, trades, bilateral_volume, bilateral_turnover, bilateral_trades)
       VALUES (@instrument, @resolution, @bucket, @open, @high, @low, @last, @volume, @turnover, @trades,
         @bilateral_volume, @bilateral_turnover, @bilateral_trades)`,
    );
  }

  add(trade: Trade): void {
    // A trade paid off-channel has no public price: like the chaincode's market data, no bar counts it.
    const { price } = trade;
    if (price === undefined || trade.value === undefined) return;
    const value = BigInt(trade.value);
    for (const [resolution, bucket] of buckets(trade)) {
      const bar: BarRow = this.get.get(trade.instrument, resolution, bucket) ?? {
        instrument: trade.instrument,
        bucket,
        open: null,
        high: null,
        low: null,
        last: null,
        volume: 0,
        turnover: '0',
        trades: 0,
        bilateral_volume: 0,
        bilateral_turnover: '0',
        bilateral_trades: 0,
      };
      // Money is added as BigInt, never as a floating-point number.
      if (trade.kind === 'order-book') {
        bar.open ??= price;
        bar.high = Math.max(bar.high ?? price, price);
        bar.low = Math.min(bar.low ?? price, price);
        bar.last = price;
        bar.volume += trade.quantity;
        bar.turnover = (BigInt(bar.turnover) + value).toString();
        bar.trades += 1;
      } else {
        bar.bilateral_volume += trade.quantity;
        bar.bilateral_turnover = (BigInt(bar.bilateral_turnover) + value).toString();
        bar.bilateral_trades += 1;
      }
      this.put.run({ ...bar, resolution });
    }
  }
}
