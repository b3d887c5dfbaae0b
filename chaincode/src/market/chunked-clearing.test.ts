import { type ClearingResult, Market, parseRequest } from '@carbon-ets/contract';
import { crossingBook } from '../testing/crossing-book';
import { Users } from '../testing/identities';
import { marketScenario, placeOrder } from '../testing/market';
import type { TestLedger } from '../testing/test-ledger';
import type { CashEntry } from '../funds/cash-entry';
import type { Lot } from '../units/lot';
import { type ClearingLimits, clearInstrument } from './clearing';
import type { Order } from './order';

const request = parseRequest(Market.match, JSON.stringify({ instrument: 'allowance-2025' }));

/** Clears with the given bounds until a round answers `more: false`; every round's answer, in order. */
async function clearInRounds(ledger: TestLedger, limits: ClearingLimits): Promise<ClearingResult[]> {
  const rounds: ClearingResult[] = [];
  for (let more = true; more;) {
    const round = await ledger.submit(Users.regulator, (ctx) => clearInstrument(ctx, request, limits));
    rounds.push(round);
    more = round.more;
    if (rounds.length > 1_000) throw new Error('clearing never ended');
  }
  return rounds;
}

function objects<T>(ledger: TestLedger, type: string): T[] {
  return [...ledger.world.state.entries()]
    .filter(([key]) => key.startsWith(`\x00${type}\x00`))
    .map(([, value]) => JSON.parse(Buffer.from(value).toString('utf8')) as T);
}

const WIDE: ClearingLimits = { fills: 10_000, newOrders: 10_000, expiries: 200, bookReads: 100_000 };

describe('Market:Match in bounded rounds', () => {
  it('settles the same trades, in the same order, in rounds of 7 fills as in one unbounded round', async () => {
    const book = await crossingBook(300);
    const whole = await clearInRounds(book.fork(), WIDE);
    const chunked = await clearInRounds(book.fork(), {
      fills: 7,
      newOrders: 9,
      expiries: 200,
      bookReads: 40,
    });
    expect(whole).toHaveLength(1);
    expect(chunked.length).toBeGreaterThan(10);
    const pairs = (rounds: ClearingResult[]): string[] =>
      rounds.flatMap((round) =>
        round.trades.map((t) => `${t.buyOrderId}/${t.sellOrderId} ${t.quantity} t at ${t.price}`),
      );
    expect(pairs(whole).length).toBeGreaterThan(100);
    expect(pairs(chunked)).toEqual(pairs(whole));
    for (const round of chunked) expect(round.trades.length).toBeLessThanOrEqual(7);
  }, 60_000);

  it('writes a seller lot once per round and pays each account once per round, whatever the fills', async () => {
    const ledger = await marketScenario();
    const sell = await placeOrder(ledger, 'TRADE1', 'sell', 10_000, 30);
    const buys = [];
    for (let i = 0; i < 30; i += 1) buys.push(await placeOrder(ledger, 'TRADE2', 'buy', 10_050, 1));
    const round = await ledger.submit(Users.regulator, (ctx) => clearInstrument(ctx, request, WIDE));
    expect(round.trades).toHaveLength(30);
    const stub = ledger.lastStub;
    if (stub === undefined) throw new Error('no clearing submitted');
    const sellerLotWrites = stub
      .attemptedWrites()
      .filter((call) => /^(putState|deleteState) lot\/TRADE1\//.test(call));
    expect(sellerLotWrites).toHaveLength(1);
    const order = objects<Order>(ledger, 'order').find((o) => o.id === sell.id);
    expect(order).toMatchObject({ status: 'filled', remaining: 0, lockedLotIds: [] });
    // The buyer holds the 30 tonnes, in 30 lots (one per fill), and nothing of the seller's stays locked.
    const lots = objects<Lot>(ledger, 'lot');
    expect(lots.filter((l) => l.lockedBy === sell.id)).toEqual([]);
    const delivered = lots.filter((l) => l.accountId === 'TRADE2' && l.origin === 'trade');
    expect(delivered.reduce((sum, l) => sum + l.quantity, 0)).toBe(30);
    // One proceeds entry for the seller (30 × 100.00 CNY), one price-improvement entry for the buyer (30 × 0.50).
    const fromRound = objects<CashEntry>(ledger, 'cash').filter((e) => e.createdTxId === stub.getTxID());
    expect(fromRound.map((e) => [e.accountId, e.origin, e.amount]).sort()).toEqual([
      ['TRADE1', 'trade', '300000'],
      ['TRADE2', 'release', '1500'],
    ]);
    for (const buy of buys) {
      expect(objects<Order>(ledger, 'order').find((o) => o.id === buy.id)).toMatchObject({
        status: 'filled',
        escrow: '0',
      });
    }
  }, 60_000);
});
