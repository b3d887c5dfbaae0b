import { Market } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export { instrumentId } from '@carbon-ets/contract';
export type {
  ClearingResult,
  DepthLevel,
  GoodTill,
  HoldingLimit,
  Instrument,
  InstrumentView,
  MarketDay,
  MarketStatus,
  Order,
  OrderBook,
  OrderRequest,
  OrderSide,
  OrderStatus,
  Position,
  PriceBand,
  PricedTrade,
  Proposal,
  ProposalRequest,
  ProposalStatus,
  Trade,
  TradeKind,
  TradeView,
  Settlement,
  AgreedPriceData,
} from '@carbon-ets/contract';

/** `Market`: instruments and supervision (regulator), orders and bilateral trades (enterprises), market data. */
export const MarketClient = facadeOf(Market);
export type MarketClient = Facade<typeof Market>;
