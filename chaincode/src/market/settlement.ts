import type { Context } from 'fabric-contract-api';
import { addQuantities, divideHalfUp, fenOf, formatFen, tradeValue } from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { recordDayClose } from './close-index';
import { emptyMarketDay, type MarketDay, type Trade } from './trade';
import { tradingDay } from './trading-day';

/** Adds one trade to a day's market data; the close is the VWAP of the order-book trades (round half up). */
export function withTrade(day: MarketDay, trade: Pick<Trade, 'kind' | 'price' | 'quantity'>): MarketDay {
  const value = tradeValue(trade.price, trade.quantity);
  if (trade.kind === 'bilateral') {
    return {
      ...day,
      bilateralVolume: addQuantities(day.bilateralVolume, trade.quantity),
      bilateralTurnover: formatFen(fenOf(day.bilateralTurnover) + value),
      bilateralTrades: day.bilateralTrades + 1,
    };
  }
  const volume = addQuantities(day.volume, trade.quantity);
  const turnover = fenOf(day.turnover) + value;
  return {
    ...day,
    open: day.open ?? trade.price,
    high: Math.max(day.high ?? trade.price, trade.price),
    low: Math.min(day.low ?? trade.price, trade.price),
    last: trade.price,
    close: Number(divideHalfUp(turnover, BigInt(volume))),
    volume,
    turnover: formatFen(turnover),
    trades: day.trades + 1,
  };
}

/**
 * Records the trades one transaction settles: trade keys (ids `<txId>.<n>`) and the day's market data, which is
 * read once and written once per transaction (a transaction never reads its own writes).
 */
export class TradeRecorder {
  private sequence = 0;
  private readonly days = new Map<string, MarketDay>();
  readonly trades: Trade[] = [];

  constructor(
    private readonly ctx: Context,
    private readonly store: Store,
  ) {}

  async record(fields: Omit<Trade, 'id' | 'day' | 'value' | 'executedAt' | 'txId'>): Promise<Trade> {
    this.sequence += 1;
    const executedAt = txTime(this.ctx);
    const trade: Trade = {
      ...fields,
      id: `${this.ctx.stub.getTxID()}.${this.sequence}`,
      day: tradingDay(executedAt),
      value: formatFen(tradeValue(fields.price, fields.quantity)),
      executedAt,
      txId: this.ctx.stub.getTxID(),
    };
    await this.store.put(ObjectType.trade, [trade.instrument, trade.day, trade.id], trade);
    const cacheKey = `${trade.instrument}|${trade.day}`;
    const day =
      this.days.get(cacheKey) ??
      (await this.store.get<MarketDay>(ObjectType.marketDay, [trade.instrument, trade.day])) ??
      emptyMarketDay(trade.instrument, trade.day);
    this.days.set(cacheKey, withTrade(day, trade));
    this.trades.push(trade);
    return trade;
  }

  /** Writes the updated market data of every day touched. */
  async flush(): Promise<void> {
    for (const day of this.days.values()) {
      await this.store.put(ObjectType.marketDay, [day.instrument, day.day], day);
      await recordDayClose(this.ctx, day);
    }
  }
}
