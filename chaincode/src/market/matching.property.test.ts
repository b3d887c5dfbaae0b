import fc from 'fast-check';
import { byTime, matchOrders, type MatchableOrder } from './matching';

const orderArbitrary: fc.Arbitrary<Omit<MatchableOrder, 'id' | 'placedAt'>> = fc.record({
  entityId: fc.constantFrom('ENT1', 'ENT2', 'ENT3'),
  side: fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
  price: fc.integer({ min: 95, max: 105 }),
  remaining: fc.integer({ min: 1, max: 50 }),
  band: fc.constantFrom({ low: 90, high: 110 }, { low: 97, high: 103 }),
  // Mostly tradable: one order in five belongs to a frozen account.
  tradable: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
});

const books = fc
  .array(fc.tuple(orderArbitrary, fc.integer({ min: 0, max: 20 })), { minLength: 0, maxLength: 40 })
  .map((items) =>
    items.map(([order, second], index) => ({
      ...order,
      id: `o${String(index).padStart(3, '0')}`,
      // Several orders share a second, so ties are broken by id.
      placedAt: `2025-01-15T09:00:${String(second).padStart(2, '0')}.000Z`,
    })),
  );

describe('matching engine (property-based)', () => {
  it('respects price-time priority, the bands, self-trade prevention and the quantities', () => {
    let fillsSeen = 0;
    fc.assert(
      fc.property(books, (orders) => {
        const fills = matchOrders(orders);
        fillsSeen += fills.length;
        const byId = new Map(orders.map((o) => [o.id, o]));
        const left = new Map(orders.map((o) => [o.id, o.remaining]));
        const sequence = [...orders].sort(byTime);
        const position = new Map(sequence.map((o, i) => [o.id, i]));
        for (const fill of fills) {
          const buy = byId.get(fill.buyOrderId)!;
          const sell = byId.get(fill.sellOrderId)!;
          const incoming = fill.aggressor === 'buy' ? buy : sell;
          const resting = fill.aggressor === 'buy' ? sell : buy;
          // The resting order came first and sets the price; limits are respected on both sides.
          expect(position.get(resting.id)!).toBeLessThan(position.get(incoming.id)!);
          expect(fill.price).toBe(resting.price);
          expect(fill.price).toBeLessThanOrEqual(buy.price);
          expect(fill.price).toBeGreaterThanOrEqual(sell.price);
          expect(buy.entityId).not.toBe(sell.entityId);
          expect(buy.tradable && sell.tradable).toBe(true);
          for (const order of [buy, sell]) {
            expect(fill.price).toBeGreaterThanOrEqual(order.band.low);
            expect(fill.price).toBeLessThanOrEqual(order.band.high);
          }
          expect(fill.quantity).toBeGreaterThan(0);
          // No eligible resting order had priority over the one chosen.
          for (const other of sequence.slice(0, position.get(incoming.id))) {
            const eligible =
              other.side === resting.side &&
              other.tradable &&
              (left.get(other.id) ?? 0) > 0 &&
              other.entityId !== incoming.entityId &&
              (incoming.side === 'buy' ? other.price <= incoming.price : other.price >= incoming.price) &&
              [incoming.band, other.band].every((b) => other.price >= b.low && other.price <= b.high);
            if (eligible && other.id !== resting.id) {
              const better =
                incoming.side === 'buy' ? other.price < resting.price : other.price > resting.price;
              const earlierAtSamePrice =
                other.price === resting.price && position.get(other.id)! < position.get(resting.id)!;
              expect({ other: other.id, better, earlierAtSamePrice }).toEqual({
                other: other.id,
                better: false,
                earlierAtSamePrice: false,
              });
            }
          }
          left.set(buy.id, (left.get(buy.id) ?? 0) - fill.quantity);
          left.set(sell.id, (left.get(sell.id) ?? 0) - fill.quantity);
          expect(left.get(buy.id)).toBeGreaterThanOrEqual(0);
          expect(left.get(sell.id)).toBeGreaterThanOrEqual(0);
        }
        // Matching again what is left finds nothing: the book is uncrossed, so replay is idempotent.
        const rest = orders
          .map((o) => ({ ...o, remaining: left.get(o.id) ?? 0 }))
          .filter((o) => o.remaining > 0);
        expect(matchOrders(rest)).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // The books do cross: the properties are not checked on empty fill lists only.
    expect(fillsSeen).toBeGreaterThan(100);
  });
});
