import type { FundsBalance, FundsPage, Lot, LotsPage } from '@carbon-ets/contract';
import { pageAfter } from '../ledger/key-range';
import { ObjectType } from '../ledger/keys';
import { Users } from '../testing/identities';
import { market, marketScenario, placeOrder } from '../testing/market';
import { cc, evaluate, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

const lotsPage = tx(cc.query, 'GetLotsPage');
const fundsPage = tx(cc.query, 'GetFundsPage');

/** Every page of a walk, following `next` from the first page. */
async function walk<P extends { next: object | null }>(
  ledger: TestLedger,
  fn: typeof lotsPage,
  pageSize: number,
): Promise<P[]> {
  const pages: P[] = [];
  let next: object | null = {};
  while (next !== null) {
    const page = (await evaluate(ledger, Users.auditor, fn, { ...next, pageSize })) as P;
    pages.push(page);
    next = page.next;
  }
  return pages;
}

/** Every lot of the world state, read key by key (the chaincode's stored values, in key order). */
function storedLots(ledger: TestLedger): Lot[] {
  return [...ledger.world.state.entries()]
    .filter(([key]) => key.startsWith('\u0000lot\u0000'))
    .sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    .map(([, value]) => JSON.parse(Buffer.from(value).toString('utf8')) as Lot);
}

describe('world-state pages for reconciliation', () => {
  it('walks every lot of every account once, in key order, a bounded page at a time', async () => {
    const ledger = await marketScenario();
    await placeOrder(ledger, 'TRADE1', 'sell', 11_000, 10);
    const expected = storedLots(ledger);
    expect(expected.length).toBeGreaterThan(5);
    const pages = await walk<LotsPage>(ledger, lotsPage, 2);
    expect(pages.every((page) => page.lots.length <= 2)).toBe(true);
    expect(pages.flatMap((page) => page.lots)).toEqual(expected);
    expect(pages.at(-1)?.next).toBeNull();
    // One page holds everything: no further page is asked for.
    expect(await evaluate(ledger, Users.regulator, lotsPage, {})).toEqual({ lots: expected, next: null });
  });

  it("reports every account's funds exactly as GetBalance does, escrow of open buy orders included", async () => {
    const ledger = await marketScenario();
    await placeOrder(ledger, 'TRADE2', 'buy', 9_000, 10);
    const pages = await walk<FundsPage>(ledger, fundsPage, 3);
    const funds = pages.flatMap((page) => page.funds);
    expect(pages.length).toBeGreaterThan(1);
    expect(funds.map((line) => line.accountId)).toEqual([...funds.map((l) => l.accountId)].sort());
    for (const line of funds) {
      const balance = (await evaluate(ledger, Users.auditor, market.balance, line.accountId)) as FundsBalance;
      expect(line).toEqual({
        accountId: balance.accountId,
        available: balance.available,
        locked: balance.locked,
        total: balance.total,
      });
    }
    expect(funds.find((line) => line.accountId === 'TRADE2')?.locked).toBe('90000');
    const accounts = [...ledger.world.state.keys()].filter((key) => key.startsWith('\u0000account\u0000'));
    expect(funds).toHaveLength(accounts.length);
  });

  it('stops a page at the byte bound, yet always takes one object', async () => {
    const ledger = await marketScenario();
    const all = storedLots(ledger);
    const page = await ledger.evaluate(Users.auditor, (ctx) =>
      pageAfter<Lot>(ctx, ObjectType.lot, null, 1000, 1),
    );
    expect(page.objects.map(({ value }) => value)).toEqual(all.slice(0, 1));
    expect(page.more).toBe(true);
  });

  it('refuses a page above the bound and a lot position without its account', async () => {
    const ledger = await marketScenario();
    await expect(evaluate(ledger, Users.auditor, lotsPage, { pageSize: 1001 })).rejects.toThrow(
      'INVALID_ARGUMENT: pageSize 1001 is above the most one page holds (1000)',
    );
    await expect(evaluate(ledger, Users.auditor, fundsPage, { pageSize: 1001 })).rejects.toThrow(
      'INVALID_ARGUMENT',
    );
    await expect(evaluate(ledger, Users.auditor, lotsPage, { afterLotId: 'x' })).rejects.toThrow(
      'INVALID_ARGUMENT: lotsPage.afterAccountId and lotsPage.afterLotId go together',
    );
    await expect(evaluate(ledger, Users.auditor, lotsPage, { after: 'x' })).rejects.toThrow(
      'INVALID_ARGUMENT',
    );
    await expect(evaluate(ledger, Users.trader1, fundsPage, {})).rejects.toThrow('FORBIDDEN');
  });
});
