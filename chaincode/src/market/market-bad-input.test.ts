import type { Context } from 'fabric-contract-api';
import { Users } from '../testing/identities';
import type { TestIdentity } from '../testing/memory-identity';
import { AnyCode, expectRefused } from '../testing/expect-refused';
import { market, marketScenario } from '../testing/market';
import { cc, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

type Fn = (ctx: Context, ...args: string[]) => Promise<string>;

const sell = { accountId: 'TRADE1', side: 'sell', instrument: 'allowance-2025', price: 10_000, quantity: 10 };
const buy = { ...sell, accountId: 'TRADE2', side: 'buy' };

/** Sets up state a case needs; returns the request (which may name what was set up). */
type Prepare = (ledger: TestLedger) => Promise<unknown>;
const freeze =
  (accountId: string): Prepare =>
  async (ledger) => {
    await submit(ledger, Users.regulator, tx(cc.market, 'FreezeAccount'), {
      accountId,
      reason: 'investigation',
    });
    return accountId === 'TRADE1' ? sell : buy;
  };
const enterpriseOrder = async (ledger: TestLedger): Promise<unknown> => {
  const order = (await submit(ledger, Users.trader1, market.place, sell)) as { id: string };
  return { accountId: 'TRADE1', orderId: order.id };
};
const proposal = async (ledger: TestLedger): Promise<{ id: string }> =>
  (await submit(ledger, Users.trader1, market.propose, {
    accountId: 'TRADE1',
    buyerEntityId: 'ENT2',
    instrument: 'allowance-2025',
    price: 10_000,
    quantity: 10,
  })) as { id: string };

/** [case, who, transaction, request or preparation, expected message]. */
const cases: [string, TestIdentity, Fn, unknown, string | RegExp][] = [
  [
    'zero quantity',
    Users.trader1,
    market.place,
    { ...sell, quantity: 0 },
    'order.quantity must be greater than zero',
  ],
  [
    'fractional quantity',
    Users.trader1,
    market.place,
    { ...sell, quantity: 2.5 },
    'order.quantity must be a whole number',
  ],
  [
    'fractional price',
    Users.trader1,
    market.place,
    { ...sell, price: 10_000.5 },
    'whole number of fen (tick 0.01 CNY',
  ],
  [
    'fractional price as text',
    Users.trader1,
    market.place,
    { ...sell, price: '100.00' },
    'whole number of fen',
  ],
  [
    'off-tick price',
    Users.trader1,
    market.place,
    { ...sell, price: 10_002 },
    'off the tick: it must be a multiple of 5 fen',
  ],
  [
    'price below the band',
    Users.trader2,
    market.place,
    { ...buy, price: 8_995 },
    'outside the price band 9000..11000 fen',
  ],
  ['price above the band', Users.trader1, market.place, { ...sell, price: 11_005 }, 'outside the price band'],
  ['below the minimum quantity', Users.trader1, market.place, { ...sell, quantity: 1 }, 'at least 5 t'],
  [
    'insufficient funds',
    Users.trader2,
    market.place,
    { ...buy, quantity: 10_005 },
    'insufficient funds: account TRADE2 has 100000000 fen available, 100050000 fen needed',
  ],
  [
    'insufficient units',
    Users.trader1,
    market.place,
    { ...sell, quantity: 20_005 },
    'has 20000 allowances of vintage 2025 available, 20005 needed',
  ],
  [
    'locking a lot twice',
    Users.trader1,
    market.place,
    async (ledger: TestLedger) => {
      const first = (await submit(ledger, Users.trader1, market.place, sell)) as { lockedLotIds: string[] };
      return { ...sell, lotIds: first.lockedLotIds };
    },
    /lot .* is locked by /,
  ],
  ['unknown lot', Users.trader1, market.place, { ...sell, lotIds: ['nope.1'] }, 'NOT_FOUND: lot nope.1'],
  [
    'unknown cash entry',
    Users.trader2,
    market.place,
    { ...buy, cashEntryIds: ['nope.1'] },
    'NOT_FOUND: cash entry nope.1',
  ],
  [
    'lots named on a buy order',
    Users.trader2,
    market.place,
    { ...buy, lotIds: ['a.1'] },
    'order.lotIds is for sell orders',
  ],
  [
    'unknown side',
    Users.trader1,
    market.place,
    { ...sell, side: 'short' },
    'order.side must be one of buy, sell',
  ],
  [
    'malformed instrument',
    Users.trader1,
    market.place,
    { ...sell, instrument: 'EUA' },
    'order.instrument must name an instrument',
  ],
  [
    'unlisted instrument',
    Users.trader1,
    market.place,
    { ...sell, instrument: 'allowance-2030' },
    'NOT_FOUND: instrument allowance-2030',
  ],
  [
    'national account',
    Users.trader1,
    market.place,
    { ...sell, accountId: 'NATIONAL-AUCTION' },
    'FORBIDDEN: PlaceOrder: national account',
  ],
  [
    'someone else’s account',
    Users.trader2,
    market.place,
    sell,
    'FORBIDDEN: PlaceOrder: only users of entity ENT1',
  ],
  [
    'frozen seller',
    Users.trader1,
    market.place,
    freeze('TRADE1'),
    'account TRADE1 is frozen by the regulator',
  ],
  [
    'frozen buyer',
    Users.trader2,
    market.place,
    freeze('TRADE2'),
    'account TRADE2 is frozen by the regulator',
  ],
  [
    'halted market',
    Users.trader1,
    market.place,
    async (ledger: TestLedger) => {
      await submit(ledger, Users.regulator, tx(cc.market, 'HaltMarket'), { reason: 'circuit breaker' });
      return sell;
    },
    'the market is halted since 2025-01-15',
  ],
  [
    'cancelling someone else’s order',
    Users.trader2,
    market.cancel,
    enterpriseOrder,
    'FORBIDDEN: CancelOrder: order',
  ],
  [
    'cancelling an unknown order',
    Users.trader1,
    market.cancel,
    { accountId: 'TRADE1', orderId: 'x' },
    'NOT_FOUND: order x',
  ],
  [
    'clearing cutoff in the future',
    Users.regulator,
    market.match,
    { instrument: 'allowance-2025', cutoff: '2030-01-01' },
    'is after the transaction time',
  ],
  [
    'zero deposit',
    Users.regulator,
    market.deposit,
    { accountId: 'TRADE1', amount: '0' },
    'deposit.amount must be greater than zero',
  ],
  [
    'fractional deposit',
    Users.regulator,
    market.deposit,
    { accountId: 'TRADE1', amount: '1.5' },
    'whole number of fen',
  ],
  [
    'negative withdrawal',
    Users.regulator,
    tx(cc.funds, 'Withdraw'),
    { accountId: 'TRADE1', amount: -5 },
    'whole number of fen',
  ],
  [
    'withdrawal from a frozen account',
    Users.regulator,
    tx(cc.funds, 'Withdraw'),
    async (l: TestLedger) => {
      await freeze('TRADE1')(l);
      return { accountId: 'TRADE1', amount: '1' };
    },
    'TRADE1 is blocked; its funds cannot leave it',
  ],
  [
    'self-trade proposal',
    Users.trader1,
    market.propose,
    { accountId: 'TRADE1', buyerEntityId: 'ENT1', instrument: 'allowance-2025', price: 10_000, quantity: 10 },
    'self-trade',
  ],
  [
    'proposal outside the band',
    Users.trader1,
    market.propose,
    { accountId: 'TRADE1', buyerEntityId: 'ENT2', instrument: 'allowance-2025', price: 12_000, quantity: 10 },
    'outside the price band',
  ],
  [
    'accepting with someone else’s account',
    Users.trader2,
    market.accept,
    async (l: TestLedger) => ({ proposalId: (await proposal(l)).id, accountId: 'TRADE1' }),
    'FORBIDDEN',
  ],
  [
    'accepting without the funds',
    Users.trader2,
    market.accept,
    async (l: TestLedger) => {
      await submit(l, Users.regulator, tx(cc.funds, 'Withdraw'), { accountId: 'TRADE2', amount: '99999999' });
      return { proposalId: (await proposal(l)).id, accountId: 'TRADE2' };
    },
    'insufficient funds',
  ],
  [
    'rejecting as the seller',
    Users.trader1,
    market.reject,
    async (l: TestLedger) => ({ proposalId: (await proposal(l)).id }),
    'FORBIDDEN',
  ],
  [
    'cancelling someone else’s proposal',
    Users.trader2,
    market.cancelProposal,
    async (l: TestLedger) => ({ proposalId: (await proposal(l)).id }),
    'FORBIDDEN: CancelProposal',
  ],
  [
    'band of 100 %',
    Users.regulator,
    market.configure,
    { unitType: 'allowance', vintage: 2025, referencePrice: 10_000, bandBasisPoints: 10_000 },
    'between 1 and 9999 basis points',
  ],
  [
    'listing a vintage without a period',
    Users.regulator,
    market.configure,
    { unitType: 'allowance', vintage: 2031, referencePrice: 10_000 },
    'NOT_FOUND: compliance period 2031',
  ],
];

describe('market bad input: a clear error and no change', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await marketScenario();
    // Prices on a 5-fen tick and at least 5 t per order, so off-tick and minimum checks can be seen.
    await submit(base, Users.regulator, market.configure, {
      unitType: 'allowance',
      vintage: 2025,
      referencePrice: 10_000,
      tick: 5,
      minQuantity: 5,
    });
  });

  it.each(cases)('%s', async (_name, who, fn, argument, message) => {
    const ledger = base.fork();
    const request = typeof argument === 'function' ? await (argument as Prepare)(ledger) : argument;
    await expectRefused(ledger, submit(ledger, who, fn, request), AnyCode, message);
  });
});
