import type { MarketDay } from '@carbon-ets/contract';

/**
 * One settled trade (`trade ~ instrumentId ~ day ~ tradeId`) and the daily market data of an instrument
 * (`marketDay ~ instrumentId ~ day`): declared by the wire contract (`@carbon-ets/contract`).
 */
export type { MarketDay, Trade, TradeKind } from '@carbon-ets/contract';

export function emptyMarketDay(instrument: string, day: string): MarketDay {
  return {
    instrument,
    day,
    open: null,
    high: null,
    low: null,
    last: null,
    close: null,
    volume: 0,
    turnover: '0',
    trades: 0,
    bilateralVolume: 0,
    bilateralTurnover: '0',
    bilateralTrades: 0,
  };
}
