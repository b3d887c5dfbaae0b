/**
 * A limit order, keyed `order ~ accountId ~ orderId` with id = the placing transaction's id: declared by the
 * wire contract (`@carbon-ets/contract`).
 */
import { GOOD_TILL, ORDER_SIDES, type Order } from '@carbon-ets/contract';

export { GOOD_TILL, ORDER_SIDES, type Order };
export type { GoodTill, OrderSide, OrderStatus } from '@carbon-ets/contract';

/** True while the order can still trade at `now` (an ISO time). */
export function isLive(order: Order, now: string): boolean {
  return order.status === 'open' && now <= order.expiresAt;
}
