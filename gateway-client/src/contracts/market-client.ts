import type { CarbonConnection } from '../connect';
import type { UnitType } from './allowance-client';
import { ContractClient, type ContractClientOptions } from './contract-client';

export type OrderSide = 'buy' | 'sell';
export type OrderStatus = 'open' | 'filled' | 'cancelled' | 'expired';

/** An instrument id: `<unitType>-<vintage>`, e.g. `allowance-2025`. */
export function instrumentId(unitType: UnitType, vintage: number): string {
  return `${unitType}-${vintage}`;
}

export interface InstrumentRules {
  readonly unitType: UnitType;
  readonly vintage: number;
  /** Band reference until the first close, minor units of the period's currency per tonne. */
  readonly referencePrice: number;
  readonly tick?: number;
  readonly minQuantity?: number;
  readonly blockThreshold?: number;
  readonly bandBasisPoints?: number;
  readonly blockBandBasisPoints?: number;
  readonly largeOrderThreshold?: number;
}

export interface Instrument extends Required<InstrumentRules> {
  readonly id: string;
  readonly configuredAt: string;
}

export interface MarketStatus {
  readonly halted: boolean;
  readonly reason: string;
  readonly changedAt: string;
}

export interface PriceBand {
  readonly low: number;
  readonly high: number;
}

export interface InstrumentView {
  readonly instrument: Instrument;
  readonly market: MarketStatus;
  readonly previousClose: number;
  readonly band: PriceBand;
  readonly blockBand: PriceBand;
}

export interface OrderRequest {
  readonly accountId: string;
  readonly side: OrderSide;
  readonly instrument: string;
  /** Fen per tonne. */
  readonly price: number;
  /** Whole tonnes. */
  readonly quantity: number;
  readonly goodTill?: 'day' | 'period';
  readonly lotIds?: readonly string[];
  readonly cashEntryIds?: readonly string[];
}

export interface Order {
  readonly id: string;
  readonly accountId: string;
  readonly entityId: string;
  readonly instrument: string;
  readonly side: OrderSide;
  readonly price: number;
  readonly quantity: number;
  readonly remaining: number;
  readonly status: OrderStatus;
  readonly goodTill: 'day' | 'period';
  readonly placedAt: string;
  readonly expiresAt: string;
  /** Buy orders: minor units held in escrow (decimal string). */
  readonly escrow: string;
  readonly lockedLotIds: readonly string[];
  readonly closeReason?: string;
}

export interface Trade {
  readonly id: string;
  readonly kind: 'order-book' | 'bilateral';
  readonly instrument: string;
  readonly day: string;
  readonly price: number;
  readonly quantity: number;
  /** Fen, decimal string. */
  readonly value: string;
  readonly executedAt: string;
  /** Shown to supervisors and the parties only. */
  readonly buyAccountId?: string;
  readonly sellAccountId?: string;
  readonly buyerEntityId?: string;
  readonly sellerEntityId?: string;
  readonly buyOrderId?: string;
  readonly sellOrderId?: string;
  readonly proposalId?: string;
  readonly txId?: string;
}

export interface ClearingResult {
  readonly instrument: string;
  readonly cutoff: string;
  readonly ordersConsidered: number;
  readonly trades: readonly Trade[];
  readonly expiredOrderIds: readonly string[];
}

export interface DepthLevel {
  readonly price: number;
  readonly quantity: number;
  readonly orders: number;
}

export interface OrderBook {
  readonly instrument: string;
  readonly previousClose: number;
  readonly band: PriceBand;
  readonly blockBand: PriceBand;
  /** Best (highest) first. */
  readonly bids: readonly DepthLevel[];
  /** Best (lowest) first. */
  readonly asks: readonly DepthLevel[];
}

export interface Position {
  readonly accountId: string;
  readonly openOrders: readonly Order[];
  readonly lockedUnits: number;
  readonly lockedLots: readonly {
    readonly id: string;
    readonly unitType: UnitType;
    readonly vintage: number;
    readonly quantity: number;
    readonly lockedBy: string;
  }[];
  readonly funds: { readonly available: string; readonly locked: string; readonly total: string };
}

export interface MarketDay {
  readonly instrument: string;
  readonly day: string;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly last: number | null;
  /** VWAP of the day's order-book trades. */
  readonly close: number | null;
  readonly volume: number;
  readonly turnover: string;
  readonly trades: number;
  readonly bilateralVolume: number;
  readonly bilateralTurnover: string;
  readonly bilateralTrades: number;
}

export interface ProposalRequest {
  readonly accountId: string;
  readonly buyerEntityId: string;
  readonly instrument: string;
  readonly price: number;
  readonly quantity: number;
  readonly lotIds?: readonly string[];
  readonly expiresAt?: string;
}

export interface Proposal {
  readonly id: string;
  readonly instrument: string;
  readonly sellerAccountId: string;
  readonly sellerEntityId: string;
  readonly buyerEntityId: string;
  readonly price: number;
  readonly quantity: number;
  readonly status: 'open' | 'accepted' | 'rejected' | 'cancelled';
  readonly proposedAt: string;
  readonly expiresAt: string;
  readonly tradeId?: string;
}

/** `Market`: instruments and supervision (regulator), orders and bilateral trades (enterprises), market data. */
export class MarketClient extends ContractClient {
  constructor(connection: CarbonConnection, options?: ContractClientOptions) {
    super(connection, 'Market', options);
  }

  configureInstrument(request: InstrumentRules): Promise<Instrument> {
    return this.write('ConfigureInstrument', request);
  }

  haltMarket(request: { readonly reason: string }): Promise<MarketStatus> {
    return this.write('HaltMarket', request);
  }

  resumeMarket(request: { readonly reason: string }): Promise<MarketStatus> {
    return this.write('ResumeMarket', request);
  }

  /** The same `blocked` status as Registry:BlockAccount; its resting orders stop trading. */
  freezeAccount(request: {
    readonly accountId: string;
    readonly reason: string;
  }): Promise<Record<string, unknown>> {
    return this.write('FreezeAccount', request);
  }

  unfreezeAccount(request: {
    readonly accountId: string;
    readonly reason: string;
  }): Promise<Record<string, unknown>> {
    return this.write('UnfreezeAccount', request);
  }

  /** `limit: null` removes the limit. */
  setHoldingLimit(request: {
    readonly entityId: string;
    readonly instrument: string;
    readonly limit: number | null;
  }): Promise<Record<string, unknown>> {
    return this.write('SetHoldingLimit', request);
  }

  /** A sell order locks the units, a buy order `price × quantity` fen. */
  placeOrder(request: OrderRequest): Promise<Order> {
    return this.write('PlaceOrder', request);
  }

  cancelOrder(request: {
    readonly accountId: string;
    readonly orderId: string;
    readonly reason?: string;
  }): Promise<Order> {
    return this.write('CancelOrder', request);
  }

  /** Clears one instrument: matches orders placed before the cutoff and settles each fill DvP. */
  match(request: { readonly instrument: string; readonly cutoff?: string }): Promise<ClearingResult> {
    return this.write('Match', request);
  }

  proposeTrade(request: ProposalRequest): Promise<Proposal> {
    return this.write('ProposeTrade', request);
  }

  /** Settles the proposal DvP at once. */
  acceptTrade(request: {
    readonly proposalId: string;
    readonly accountId: string;
    readonly cashEntryIds?: readonly string[];
  }): Promise<{ readonly proposal: Proposal; readonly trade: Trade }> {
    return this.write('AcceptTrade', request);
  }

  rejectTrade(request: { readonly proposalId: string; readonly reason?: string }): Promise<Proposal> {
    return this.write('RejectTrade', request);
  }

  cancelProposal(request: { readonly proposalId: string; readonly reason?: string }): Promise<Proposal> {
    return this.write('CancelProposal', request);
  }

  getInstrument(instrument: string): Promise<InstrumentView> {
    return this.read('GetInstrument', instrument);
  }

  getOrderBook(instrument: string): Promise<OrderBook> {
    return this.read('GetOrderBook', instrument);
  }

  getOrder(accountId: string, orderId: string): Promise<Order> {
    return this.read('GetOrder', accountId, orderId);
  }

  /** Open orders, locked units and funds of an account. */
  getPosition(accountId: string): Promise<Position> {
    return this.read('GetPosition', accountId);
  }

  /** Trades of an instrument on a UTC day (`YYYY-MM-DD`), optionally one account's only. */
  getTrades(request: {
    readonly instrument: string;
    readonly day: string;
    readonly accountId?: string;
  }): Promise<readonly Trade[]> {
    return this.read('GetTrades', JSON.stringify(request));
  }

  /** Daily data, oldest first; `from`/`to` are inclusive dates. */
  getMarketData(request: {
    readonly instrument: string;
    readonly from?: string;
    readonly to?: string;
  }): Promise<readonly MarketDay[]> {
    return this.read('GetMarketData', JSON.stringify(request));
  }

  getProposal(proposalId: string): Promise<Proposal> {
    return this.read('GetProposal', proposalId);
  }
}
