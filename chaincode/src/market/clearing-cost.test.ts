import { type ClearingResult, CLEARING_LIMITS } from '@carbon-ets/contract';
import { clearMeasured, crossingBook } from '../testing/crossing-book';
import { clearAll, clearCrossing, deepBook } from '../testing/deep-book';
import { Users } from '../testing/identities';
import { market, marketScenario, placeOrder } from '../testing/market';
import type { MemoryStub } from '../testing/memory-stub';
import { submit } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

const match = async (ledger: TestLedger): Promise<ClearingResult> =>
  (await submit(ledger, Users.regulator, market.match, { instrument: 'allowance-2025' })) as ClearingResult;

/** Ids of an object type's keys in an account (`<type> ~ <accountId> ~ <id>`). */
function idsIn(
  ledger: TestLedger,
  type: string,
  accountId: string,
  filter: (value: unknown) => boolean,
): string[] {
  const prefix = `\x00${type}\x00${accountId}\x00`;
  return [...ledger.world.state.entries()]
    .filter(
      ([key, value]) => key.startsWith(prefix) && filter(JSON.parse(Buffer.from(value).toString('utf8'))),
    )
    .map(([key]) => key.slice(prefix.length, -1));
}

function stubOf(ledger: TestLedger): MemoryStub {
  const stub = ledger.lastStub;
  if (stub === undefined) throw new Error('no transaction submitted');
  return stub;
}

const inRange = (key: string, range: { start: string; end: string }): boolean =>
  key >= range.start && (range.end === '' || key < range.end);

describe('Market:Match costs what crosses, not what rests', () => {
  it('reads a bounded number of keys for a few crossing orders against 5,000 resting ones', async () => {
    const ledger = await deepBook(5_000);
    const crossing = 6;
    const cost = await clearCrossing(ledger, 5_000, crossing);
    expect(cost.trades).toBe(crossing);
    expect(cost.more).toBe(false);
    // Each crossing order and the resting order it fills are read (index entry and order), plus each side's
    // next order to see where crossing ends, the sellers' lots, and a fixed set of configuration keys.
    expect(cost.ordersConsidered).toBeLessThanOrEqual(2 * crossing + 2);
    expect(cost.stateReads).toBeLessThanOrEqual(5 * crossing + 20);
    // The next round has nothing to do, and reads next to nothing.
    await match(ledger);
    expect(stubOf(ledger).stateReads().length).toBeLessThanOrEqual(12);
  }, 60_000);

  it('settles at most CLEARING_LIMITS.fills fills per round and says when to clear again', async () => {
    const ledger = await deepBook(0);
    const asks = CLEARING_LIMITS.fills + 50;
    for (let i = 0; i < asks; i += 1) await placeOrder(ledger, 'TRADE1', 'sell', 10_000, 1);
    await clearAll(ledger);
    const buy = await placeOrder(ledger, 'TRADE2', 'buy', 10_000, asks);
    const first = await match(ledger);
    expect(first.trades).toHaveLength(CLEARING_LIMITS.fills);
    expect(first.more).toBe(true);
    expect((ledger.lastEvent()?.payload.trades as unknown[]).length).toBe(CLEARING_LIMITS.fills);
    const second = await match(ledger);
    expect(second.trades).toHaveLength(50);
    expect(second.more).toBe(false);
    // The partly filled buy kept its turn: the earliest asks filled first, at the resting price.
    expect(new Set([...first.trades, ...second.trades].map((t) => t.buyOrderId))).toEqual(new Set([buy.id]));
  }, 60_000);

  it('takes at most CLEARING_LIMITS.newOrders new orders and expires at most CLEARING_LIMITS.expiries per round', async () => {
    const ledger = await marketScenario();
    const count = Math.max(CLEARING_LIMITS.newOrders, CLEARING_LIMITS.expiries) + 30;
    for (let i = 0; i < count; i += 1) await placeOrder(ledger, 'TRADE2', 'buy', 9_000, 1);
    const first = await match(ledger);
    expect(first.ordersConsidered).toBeLessThanOrEqual(CLEARING_LIMITS.newOrders);
    expect(first.more).toBe(true);
    await clearAll(ledger);
    ledger.setTime('2025-01-16T09:00:00Z');
    const expiring = await match(ledger);
    expect(expiring.expiredOrderIds).toHaveLength(CLEARING_LIMITS.expiries);
    expect(expiring.more).toBe(true);
    const rest = await clearAll(ledger);
    expect(rest.flatMap((round) => round.expiredOrderIds)).toHaveLength(count - CLEARING_LIMITS.expiries);
    expect(rest.at(-1)?.more).toBe(false);
  }, 60_000);

  it('checks about two keys per fill against key-level policies, in rounds far below the message limit', async () => {
    // Fabric verifies every endorsement again, over the whole proposal response, for each written key that carries
    // a key-level policy: a round's validation grows with (policed keys) × (round size) — BENCHMARKS.md.
    const rounds = await clearMeasured(await crossingBook(600));
    const trades = rounds.reduce((sum, round) => sum + round.trades, 0);
    const policed = rounds.reduce((sum, round) => sum + round.policedWrites, 0);
    expect(trades).toBeGreaterThan(CLEARING_LIMITS.fills);
    expect(rounds.every((round) => round.trades <= CLEARING_LIMITS.fills)).toBe(true);
    expect(policed / trades).toBeGreaterThan(1);
    expect(policed / trades).toBeLessThanOrEqual(2.2);
    const largest = Math.max(
      ...rounds.map((round) => round.writeSetBytes + round.answerBytes + round.eventBytes),
    );
    expect(largest).toBeLessThan(512 * 1024);
  }, 60_000);

  it('writes one buyer lot with its owner policy and one trade per fill; shared objects once a round', async () => {
    const rounds = await clearMeasured(await crossingBook(600));
    const trades = rounds.reduce((sum, round) => sum + round.trades, 0);
    const calls = (family: string): number =>
      rounds.reduce((sum, round) => sum + (round.writeCallsByFamily.get(family) ?? 0), 0);
    expect(trades).toBeGreaterThan(CLEARING_LIMITS.fills);
    // Each new buyer lot gets its owner's policy; a seller's locked lot that a round only partly spends is
    // written back once (it keeps its policy).
    expect(calls('setStateValidationParameter lot')).toBe(trades);
    expect(calls('putState lot')).toBeGreaterThanOrEqual(trades);
    expect(calls('putState lot') - trades).toBeLessThanOrEqual(calls('putState order'));
    expect(calls('putState trade')).toBe(trades);
    // One seller and one buyer account: one proceeds and one refund entry each round at most, and one market day.
    expect(calls('putState cash')).toBeLessThanOrEqual(2 * rounds.length);
    expect(calls('putState marketDay')).toBe(rounds.length);
    const total = rounds.reduce((sum, round) => sum + round.writeCalls, 0);
    expect(rounds.flatMap((round) => [...round.writeCallsByFamily.values()]).reduce((a, b) => a + b, 0)).toBe(
      total,
    );
  }, 60_000);

  it('expires orders that were never taken into the book, within the same limit', async () => {
    const ledger = await marketScenario();
    const sell = await placeOrder(ledger, 'TRADE1', 'sell', 10_000, 5);
    ledger.setTime('2025-01-16T09:00:00Z');
    const result = await match(ledger);
    expect(result.expiredOrderIds).toEqual([sell.id]);
    expect((await match(ledger)).ordersConsidered).toBe(0);
  });

  it('placement reads no key that a clearing writes, and writes none inside a range the clearing reads', async () => {
    const ledger = await deepBook(40);
    // Crossing orders from HOLD2 (buys) and HOLD1 (sells), then both place again while the clearing runs.
    await placeOrder(ledger, 'HOLD2', 'buy', 10_100, 3);
    await placeOrder(ledger, 'HOLD1', 'sell', 9_999, 3);
    const clearing = ledger.fork();
    const result = await match(clearing);
    expect(result.trades.length).toBeGreaterThan(0);
    const matchStub = stubOf(clearing);
    const matchWrites = new Set(matchStub.writtenKeys());

    const cashEntryId = idsIn(ledger, 'cash', 'HOLD2', () => true)[0];
    const lotId = idsIn(
      ledger,
      'lot',
      'HOLD1',
      (lot) => (lot as { lockedBy?: string }).lockedBy === undefined,
    )[0];
    const placements: [string, 'buy' | 'sell', Record<string, unknown>][] = [
      ['HOLD2', 'buy', { cashEntryIds: [cashEntryId] }],
      ['HOLD1', 'sell', { lotIds: [lotId] }],
    ];
    for (const [accountId, side, named] of placements) {
      const placing = ledger.fork();
      await placeOrder(placing, accountId, side, side === 'buy' ? 10_100 : 9_999, 1, named);
      const placeStub = stubOf(placing);
      // Placement after clearing, same block: nothing it read was changed by the clearing (no MVCC conflict)…
      expect(placeStub.stateReads().filter((key) => matchWrites.has(key))).toEqual([]);
      expect(
        placeStub.rangeReads().flatMap((range) => [...matchWrites].filter((key) => inRange(key, range))),
      ).toEqual([]);
      // …and clearing after placement, same block: the placement inserted nothing into a range the clearing read
      // (no phantom read), nor wrote a key the clearing read.
      const placed = placeStub.writtenKeys();
      expect(placed.filter((key) => matchStub.rangeReads().some((range) => inRange(key, range)))).toEqual([]);
      expect(placed.filter((key) => matchStub.stateReads().includes(key))).toEqual([]);
    }
  }, 60_000);
});
