import type { OrderSide } from './order';

/** `order-book` trades come from matching; `bilateral` ones from an accepted negotiated proposal. */
export type TradeKind = 'order-book' | 'bilateral';

/**
 * One settled trade, keyed `trade ~ instrumentId ~ day ~ tradeId` (id `<txId>.<n>`), written once by the
 * transaction that settled it delivery-versus-payment.
 */
export interface Trade {
  readonly id: string;
  readonly kind: TradeKind;
  readonly instrument: string;
  readonly day: string;
  /** Fen per tonne. */
  readonly price: number;
  readonly quantity: number;
  /** `price × quantity`, fen. */
  readonly value: string;
  readonly buyAccountId: string;
  readonly sellAccountId: string;
  readonly buyerEntityId: string;
  readonly sellerEntityId: string;
  /** Order-book trades: the orders on each side and which one arrived later (the aggressor). */
  readonly buyOrderId?: string;
  readonly sellOrderId?: string;
  readonly aggressor?: OrderSide;
  readonly proposalId?: string;
  /** Lots the buyer received. */
  readonly deliveredLotIds: readonly string[];
  readonly executedAt: string;
  readonly txId: string;
}

/**
 * Daily market data of one instrument, keyed `marketDay ~ instrumentId ~ day`. Open, high, low and last come
 * from order-book trades; the close is their volume-weighted average price (round half up, fen). Negotiated
 * trades are counted apart and do not move the close, as on the exchanges whose rules we follow.
 */
export interface MarketDay {
  readonly instrument: string;
  readonly day: string;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly last: number | null;
  /** VWAP of the day's order-book trades so far; the previous close of the next trading day. */
  readonly close: number | null;
  readonly volume: number;
  /** Σ price × quantity of order-book trades, fen. */
  readonly turnover: string;
  readonly trades: number;
  readonly bilateralVolume: number;
  readonly bilateralTurnover: string;
  readonly bilateralTrades: number;
}

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
