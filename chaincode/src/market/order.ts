import type { UnitType } from '../units/lot';

export const ORDER_SIDES = ['buy', 'sell'] as const;
export type OrderSide = (typeof ORDER_SIDES)[number];

/** `day` orders expire at the end of their trading day; `period` orders at the end of the compliance year. */
export const GOOD_TILL = ['day', 'period'] as const;
export type GoodTill = (typeof GOOD_TILL)[number];

/** Only `open` orders are in the book; the other states are final. */
export type OrderStatus = 'open' | 'filled' | 'cancelled' | 'expired';

/**
 * A limit order, keyed `order ~ accountId ~ orderId` with id = the placing transaction's id. While open, a sell
 * order's units are locked (`lockedBy = id` on its lots) and a buy order holds `price × remaining` fen of
 * escrow taken out of the buyer's cash entries. Its key's history is the order's whole life.
 */
export interface Order {
  readonly id: string;
  readonly accountId: string;
  readonly entityId: string;
  readonly instrument: string;
  readonly unitType: UnitType;
  readonly vintage: number;
  readonly side: OrderSide;
  /** Limit price, fen per tonne. */
  readonly price: number;
  /** Tonnes ordered. */
  readonly quantity: number;
  /** Tonnes still to trade. */
  readonly remaining: number;
  readonly block: boolean;
  readonly status: OrderStatus;
  readonly goodTill: GoodTill;
  /** Placement time (the tx timestamp): the time in price-time priority, ties broken by id. */
  readonly placedAt: string;
  readonly expiresAt: string;
  readonly placedBy: { readonly mspId: string; readonly role: string };
  /** Buy orders: fen held in escrow, always `price × remaining` (price improvement is refunded per fill). */
  readonly escrow: string;
  /** Sell orders: the seller's lots this order locks (their quantities add up to `remaining`). */
  readonly lockedLotIds: readonly string[];
  readonly closedAt?: string;
  readonly closeReason?: string;
}

/** True while the order can still trade at `now` (an ISO time). */
export function isLive(order: Order, now: string): boolean {
  return order.status === 'open' && now <= order.expiresAt;
}
