import type { Context } from 'fabric-contract-api';
import {
  addQuantities,
  type AgreedPriceData,
  divideHalfUp,
  fenOf,
  formatFen,
  OFF_CHANNEL,
  type PricedTrade,
  tradeValue,
} from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { recordDayClose } from './close-index';
import { emptyMarketDay, type MarketDay, type Trade } from './trade';
import { tradingDay } from './trading-day';

/** Adds one trade to a day's market data; the close is the VWAP of the order-book trades (round half up). */
export function withTrade(
  day: MarketDay,
  trade: Pick<PricedTrade, 'kind' | 'price' | 'quantity'>,
): MarketDay {
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

/** What a settlement says of a trade; the recorder adds its id, day, value, time and transaction. */
type TradeFields = Omit<
  Trade,
  'id' | 'day' | 'price' | 'value' | 'settlement' | 'executedAt' | 'txId' | 'agreedPriceData' | 'agreedPrice'
>;

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

  /** Records a trade at a public price (settled DvP) and adds it to the day's market data. */
  async recordPriced(fields: TradeFields & { readonly price: number }): Promise<PricedTrade> {
    const trade: PricedTrade = {
      ...this.settled(fields),
      value: formatFen(tradeValue(fields.price, fields.quantity)),
    };
    await this.write(trade);
    const cacheKey = `${trade.instrument}|${trade.day}`;
    const day =
      this.days.get(cacheKey) ??
      (await this.store.get<MarketDay>(ObjectType.marketDay, [trade.instrument, trade.day])) ??
      emptyMarketDay(trade.instrument, trade.day);
    this.days.set(cacheKey, withTrade(day, trade));
    return trade;
  }

  /**
   * Records a trade settled off-channel: no price, so no value. Market data is made of public prices, so it
   * leaves the day's data as it was: open, high, low, last and close (VWAP), hence the next day's price band,
   * and every series or ticker built on them. Its quantity stays public on the trade itself.
   */
  async recordOffChannel(
    fields: TradeFields & { readonly agreedPriceData: AgreedPriceData },
  ): Promise<Trade> {
    const trade: Trade = { ...this.settled(fields), settlement: OFF_CHANNEL };
    await this.write(trade);
    return trade;
  }

  private settled<F extends TradeFields>(fields: F): F & Pick<Trade, 'id' | 'day' | 'executedAt' | 'txId'> {
    this.sequence += 1;
    const executedAt = txTime(this.ctx);
    return {
      ...fields,
      id: `${this.ctx.stub.getTxID()}.${this.sequence}`,
      day: tradingDay(executedAt),
      executedAt,
      txId: this.ctx.stub.getTxID(),
    };
  }

  private async write(trade: Trade): Promise<void> {
    await this.store.put(ObjectType.trade, [trade.instrument, trade.day, trade.id], trade);
    this.trades.push(trade);
  }

  /** Writes the updated market data of every day touched. */
  async flush(): Promise<void> {
    for (const day of this.days.values()) {
      await this.store.put(ObjectType.marketDay, [day.instrument, day.day], day);
      await recordDayClose(this.ctx, day);
    }
  }
}
