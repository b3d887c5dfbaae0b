import type { Context } from 'fabric-contract-api';
import { fromBytes, toBytes } from '../ledger/canonical-json';
import { entriesOf } from '../ledger/state-iteration';
import type { Order, OrderSide } from './order';

/**
 * The order book index, in plain (non-composite) keys so that ranges can be bounded and read best first
 * (composite keys allow only whole-prefix scans). Four key families per instrument:
 *
 * - `orderNew|<instrument>|<placedAt>|<orderId>`: orders placed and not yet taken into the book, in time order.
 *   Placement inserts here blindly and writes no other index key.
 * - `orderBid|<instrument>|<9999999999999999 − price, 16 digits>|<placedAt>|<orderId>` and
 *   `orderAsk|<instrument>|<price, 16 digits>|<placedAt>|<orderId>`: the resting book, each side best price
 *   first, then time priority, then order id. Only the clearing transaction inserts here.
 * - `orderExpiry|<instrument>|<expiresAt>|<orderId>`: the resting orders by expiry time, written with the book
 *   entry, so a clearing finds what is past its time with one bounded range read.
 *
 * Why two stages: a clearing reads the resting book from the best price down to where it stops crossing. If
 * placement inserted there, any order placed at a crossing price and committed just before the clearing (same
 * block) would fail it with PHANTOM_READ_CONFLICT. Placement only inserts into `orderNew`, and the clearing reads
 * that range only up to its cutoff (orders placed later sort after the range's end), so concurrent placements
 * never invalidate a clearing — unless one placed before the cutoff is still in flight, which a cutoff a few
 * seconds in the past avoids. Cancel deletes an order's keys blindly (a delete of a key that does not exist
 * changes no range's result); it conflicts with a clearing only when that clearing read the cancelled order.
 */
const NEW = 'orderNew|';
const BID = 'orderBid|';
const ASK = 'orderAsk|';
const EXPIRY = 'orderExpiry|';
/** Sorts after every digit and ISO timestamp: the end of a range over everything after a prefix. */
const AFTER_ALL = '~';
/** Prices are safe integers (< 2^53, 16 digits); bids store this minus the price so the highest sorts first. */
const PRICE_DIGITS = 16;
const PRICE_CEILING = 10n ** BigInt(PRICE_DIGITS) - 1n;

/** What the index says about an order; the order key itself is the truth. */
export interface BookEntry {
  readonly accountId: string;
  readonly orderId: string;
  readonly placedAt: string;
}

type Indexed = Pick<Order, 'instrument' | 'placedAt' | 'id' | 'side' | 'price' | 'expiresAt'>;

/** The key of an order in the resting book: its side's price order, then time, then id. */
export function restingKey(order: Indexed): string {
  const price =
    order.side === 'buy' ? (PRICE_CEILING - BigInt(order.price)).toString() : order.price.toString();
  return `${sidePrefix(order.side, order.instrument)}${price.padStart(PRICE_DIGITS, '0')}|${order.placedAt}|${order.id}`;
}

export function newOrderKey(order: Indexed): string {
  return `${NEW}${order.instrument}|${order.placedAt}|${order.id}`;
}

export function expiryKey(order: Indexed): string {
  return `${EXPIRY}${order.instrument}|${order.expiresAt}|${order.id}`;
}

function sidePrefix(side: OrderSide, instrument: string): string {
  return `${side === 'buy' ? BID : ASK}${instrument}|`;
}

function entryOf(order: Order): BookEntry {
  return { accountId: order.accountId, orderId: order.id, placedAt: order.placedAt };
}

/** A range read that is stopped when its reader has enough; `close` releases the peer's iterator. */
export interface EntryCursor {
  next(): Promise<{ key: string; entry: BookEntry } | undefined>;
  close(): Promise<void>;
}

export class OrderBookIndex {
  constructor(private readonly ctx: Context) {}

  /** Placement: a blind insert into the not-yet-matched stage. */
  async addNew(order: Order): Promise<void> {
    await this.ctx.stub.putState(newOrderKey(order), toBytes(entryOf(order)));
  }

  /** Clearing: an order taken in that still rests enters its side of the book and the expiry index. */
  async rest(order: Order): Promise<void> {
    await this.ctx.stub.deleteState(newOrderKey(order));
    await this.ctx.stub.putState(restingKey(order), toBytes(entryOf(order)));
    await this.ctx.stub.putState(expiryKey(order), toBytes(entryOf(order)));
  }

  /** Clearing: a closed order leaves the stage it was read from. */
  async removeNew(order: Order): Promise<void> {
    await this.ctx.stub.deleteState(newOrderKey(order));
  }

  async removeResting(order: Order): Promise<void> {
    await this.ctx.stub.deleteState(restingKey(order));
    await this.ctx.stub.deleteState(expiryKey(order));
  }

  /** Cancel: the order may be in either stage, and knowing which would mean reading keys a clearing writes. */
  async removeAnywhere(order: Order): Promise<void> {
    await this.removeNew(order);
    await this.removeResting(order);
  }

  /** Deletes an index key whose order is no longer open (never expected; kept tidy if it happens). */
  async removeKey(key: string): Promise<void> {
    await this.ctx.stub.deleteState(key);
  }

  /** Orders placed strictly before `before` and not yet taken into the book, oldest first. */
  newOrders(instrument: string, before: string): EntryCursor {
    return this.cursor(`${NEW}${instrument}|`, `${NEW}${instrument}|${before}`);
  }

  /** One side of the resting book, best price first, then time priority. */
  side(instrument: string, side: OrderSide): EntryCursor {
    const start = sidePrefix(side, instrument);
    return this.cursor(start, `${start}${AFTER_ALL}`);
  }

  /** Resting orders whose expiry time is strictly before `now`, soonest first. */
  expiredBefore(instrument: string, now: string): EntryCursor {
    return this.cursor(`${EXPIRY}${instrument}|`, `${EXPIRY}${instrument}|${now}`);
  }

  /** Every entry of an instrument's book, both stages (queries only: an unbounded read). */
  async list(instrument: string): Promise<BookEntry[]> {
    const entries: BookEntry[] = [];
    for (const start of [
      `${NEW}${instrument}|`,
      sidePrefix('buy', instrument),
      sidePrefix('sell', instrument),
    ]) {
      for await (const kv of entriesOf(this.ctx.stub.getStateByRange(start, `${start}${AFTER_ALL}`))) {
        entries.push(fromBytes(kv.value) as BookEntry);
      }
    }
    return entries;
  }

  private cursor(start: string, end: string): EntryCursor {
    async function* read(ctx: Context): AsyncGenerator<{ key: string; entry: BookEntry }> {
      for await (const kv of entriesOf(ctx.stub.getStateByRange(start, end))) {
        yield { key: kv.key, entry: fromBytes(kv.value) as BookEntry };
      }
    }
    const entries = read(this.ctx);
    return {
      next: async () => {
        const result = await entries.next();
        return result.done === true ? undefined : result.value;
      },
      // Ends the `for await`, which closes the peer's iterator. Fabric records a range read only up to the last
      // key the peer fetched for it (it fetches in batches), not to the range's end.
      close: async () => {
        await entries.return(undefined);
      },
    };
  }
}
