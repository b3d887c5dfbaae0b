import { z } from 'zod';

/**
 * The terms every limit order states: its side and how long it stays in the book. Their own module because an
 * approval request (units.ts) records an order's terms too, and market.ts builds on units.ts.
 */
export const ORDER_SIDES = ['buy', 'sell'] as const;
export const OrderSide = z.enum(ORDER_SIDES);
export type OrderSide = z.infer<typeof OrderSide>;

/** `day` orders expire at the end of their trading day; `period` orders at the end of the compliance year. */
export const GOOD_TILL = ['day', 'period'] as const;
export const GoodTill = z.enum(GOOD_TILL);
export type GoodTill = z.infer<typeof GoodTill>;
