import type { Context } from 'fabric-contract-api';
import { fromBytes, toBytes } from '../ledger/canonical-json';
import type { Order } from './order';

/**
 * The order book index: one plain (non-composite) key per open order,
 * `orderBook|<instrumentId>|<placedAt ISO>|<orderId>`, so that keys sort by placement time. Plain keys allow a
 * bounded `getStateByRange`, which composite keys do not: the clearing transaction reads only orders placed
 * before its cutoff, so an order placed meanwhile falls outside the range it read and never causes a phantom
 * read. Placement inserts its entry blindly; cancel and the clearing transaction delete entries of closed orders.
 */
const PREFIX = 'orderBook|';
/** Sorts after every ISO timestamp: the end of an unbounded range. */
const AFTER_ALL = '~';

/** What the index says about an order; the order key itself is the truth. */
export interface BookEntry {
  readonly accountId: string;
  readonly orderId: string;
  readonly placedAt: string;
}

export function bookKey(order: Pick<Order, 'instrument' | 'placedAt' | 'id'>): string {
  return `${PREFIX}${order.instrument}|${order.placedAt}|${order.id}`;
}

export class OrderBookIndex {
  constructor(private readonly ctx: Context) {}

  async add(order: Order): Promise<void> {
    const entry: BookEntry = { accountId: order.accountId, orderId: order.id, placedAt: order.placedAt };
    await this.ctx.stub.putState(bookKey(order), toBytes(entry));
  }

  async remove(order: Order): Promise<void> {
    await this.ctx.stub.deleteState(bookKey(order));
  }

  /** Entries of an instrument in time order; with `before`, only orders placed strictly before that instant. */
  async list(instrument: string, before?: string): Promise<BookEntry[]> {
    const start = `${PREFIX}${instrument}|`;
    const end = `${start}${before ?? AFTER_ALL}`;
    const entries: BookEntry[] = [];
    for await (const kv of this.ctx.stub.getStateByRange(start, end)) {
      entries.push(fromBytes(kv.value) as BookEntry);
    }
    return entries;
  }
}
