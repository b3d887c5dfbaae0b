import fc from 'fast-check';
import { type BookSideCursor, byPriority, matchOrders, matchRound, type MatchableOrder } from './matching';

const orderArbitrary: fc.Arbitrary<Omit<MatchableOrder, 'id' | 'placedAt'>> = fc.record({
  entityId: fc.constantFrom('ENT1', 'ENT2', 'ENT3'),
  side: fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
  price: fc.integer({ min: 95, max: 105 }),
  remaining: fc.integer({ min: 1, max: 50 }),
  band: fc.constantFrom({ low: 90, high: 110 }, { low: 97, high: 103 }),
  tradable: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
});

/** Orders placed at `minute`, a few per second so that ties are broken by id. */
const orders = (minute: string, prefix: string): fc.Arbitrary<MatchableOrder[]> =>
  fc.array(fc.tuple(orderArbitrary, fc.integer({ min: 0, max: 20 })), { maxLength: 30 }).map((items) =>
    items.map(([order, second], index) => ({
      ...order,
      id: `${prefix}${String(index).padStart(3, '0')}`,
      placedAt: `2025-01-15T09:${minute}:${String(second).padStart(2, '0')}.000Z`,
    })),
  );

/** A side of a stored book as the clearing reads it: best first, counting what is read. */
function cursor(
  book: readonly MatchableOrder[],
  side: 'buy' | 'sell',
  reads: { count: number },
): BookSideCursor {
  const sorted = book.filter((o) => o.side === side).sort(byPriority);
  let next = 0;
  return {
    next: () => {
      const order = sorted[next];
      next += 1;
      if (order !== undefined) reads.count += 1;
      return Promise.resolve(order);
    },
  };
}

/** What is left of `orders` after `fills`, without the orders filled. */
function rest(orders: readonly MatchableOrder[], fills: ReturnType<typeof matchOrders>): MatchableOrder[] {
  const left = new Map(orders.map((o) => [o.id, o.remaining]));
  for (const fill of fills) {
    left.set(fill.buyOrderId, (left.get(fill.buyOrderId) ?? 0) - fill.quantity);
    left.set(fill.sellOrderId, (left.get(fill.sellOrderId) ?? 0) - fill.quantity);
  }
  return orders.map((o) => ({ ...o, remaining: left.get(o.id) ?? 0 })).filter((o) => o.remaining > 0);
}

describe('clearing round over a lazily read book (property-based)', () => {
  it('matches exactly as the full replay of the book and the new orders, reading no more than it must', async () => {
    let fillsSeen = 0;
    await fc.assert(
      fc.asyncProperty(orders('00', 'r'), orders('01', 'n'), async (earlier, arriving) => {
        // The resting book is what an earlier round left: the replay of earlier orders, minus their fills.
        const book = rest(earlier, matchOrders(earlier));
        const reads = { count: 0 };
        const round = await matchRound(
          { bids: cursor(book, 'buy', reads), asks: cursor(book, 'sell', reads) },
          arriving,
          Infinity,
        );
        const replay = matchOrders([...book, ...arriving]);
        expect(round.fills).toEqual(replay);
        expect(round.stopped).toBe(false);
        expect(new Set(round.taken)).toEqual(new Set(arriving.map((o) => o.id)));
        fillsSeen += round.fills.length;
        // Each side is read only while something may still cross: at most the resting orders that crossed a
        // price on the other side, plus one per side to see where crossing ends.
        const highestBid = Math.max(
          ...[...book, ...arriving].filter((o) => o.side === 'buy').map((o) => o.price),
        );
        const lowestAsk = Math.min(
          ...[...book, ...arriving].filter((o) => o.side === 'sell').map((o) => o.price),
        );
        const couldCross = book.filter((o) =>
          o.side === 'buy' ? o.price >= lowestAsk : o.price <= highestBid,
        );
        expect(reads.count).toBeLessThanOrEqual(couldCross.length + 2);
      }),
      { numRuns: 300 },
    );
    expect(fillsSeen).toBeGreaterThan(100);
  });

  it('stops at the fill limit with a prefix of what an unlimited round would fill', async () => {
    await fc.assert(
      fc.asyncProperty(
        orders('00', 'r'),
        orders('01', 'n'),
        fc.integer({ min: 0, max: 6 }),
        async (earlier, arriving, limit) => {
          const book = rest(earlier, matchOrders(earlier));
          const run = (maxFills: number): ReturnType<typeof matchRound> =>
            matchRound(
              { bids: cursor(book, 'buy', { count: 0 }), asks: cursor(book, 'sell', { count: 0 }) },
              arriving,
              maxFills,
            );
          const all = await run(Infinity);
          const limited = await run(limit);
          expect(limited.fills).toEqual(all.fills.slice(0, limit));
          if (all.fills.length > limit) expect(limited.stopped).toBe(true);
          if (!limited.stopped) expect(limited.taken).toEqual(all.taken);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uncrosses pairs of the resting book that could not trade before, as the replay would', async () => {
    await fc.assert(
      fc.asyncProperty(orders('00', 'r'), async (earlier) => {
        // The book was matched while some accounts were frozen; now every account is open again.
        const book = rest(earlier, matchOrders(earlier)).map((o) => ({ ...o, tradable: true }));
        const round = await matchRound(
          { bids: cursor(book, 'buy', { count: 0 }), asks: cursor(book, 'sell', { count: 0 }) },
          [],
          Infinity,
        );
        expect(round.fills).toEqual(matchOrders(book));
      }),
      { numRuns: 200 },
    );
  });
});
