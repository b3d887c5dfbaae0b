import type { Context } from 'fabric-contract-api';
import { Funds, Market, Offset, type TransactionDefinition } from '@carbon-ets/contract';
import { Users } from '../testing/identities';
import type { TestIdentity } from '../testing/memory-identity';
import { market, marketScenario, placeOrder } from '../testing/market';
import { cc, evaluate, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

type Fn = (ctx: Context, ...args: string[]) => Promise<string>;

/**
 * What the chaincode answers matches the wire contract's answer schema exactly: it parses, and parsing drops
 * nothing (an object schema strips keys it does not declare, which would hide a field from every client).
 */
function expectAnswerOf(definition: TransactionDefinition, answer: unknown): void {
  const parsed = definition.answer.safeParse(answer);
  expect(parsed.error?.issues).toBeUndefined();
  expect(parsed.data).toEqual(answer);
}

async function written(
  ledger: TestLedger,
  definition: TransactionDefinition,
  who: TestIdentity,
  fn: Fn,
  request: unknown,
): Promise<unknown> {
  const answer = await submit(ledger, who, fn, request);
  expectAnswerOf(definition, answer);
  return answer;
}

async function read(
  ledger: TestLedger,
  definition: TransactionDefinition,
  who: TestIdentity,
  fn: Fn,
  ...args: unknown[]
): Promise<unknown> {
  const answer = await evaluate(ledger, who, fn, ...args);
  expectAnswerOf(definition, answer);
  return answer;
}

describe('the answers of Market, Funds and Offset match the wire contract', () => {
  let ledger: TestLedger;
  beforeAll(async () => {
    ledger = await marketScenario();
  });

  it('Market: instruments, supervision, orders, clearing, proposals and market data', async () => {
    const m = (name: keyof typeof cc.market): Fn => tx(cc.market, name);
    const instrument = 'allowance-2025';
    await written(ledger, Market.configureInstrument, Users.regulator, market.configure, {
      unitType: 'allowance',
      vintage: 2025,
      referencePrice: 10_000,
    });
    await written(ledger, Market.haltMarket, Users.regulator, m('HaltMarket'), { reason: 'test' });
    await written(ledger, Market.resumeMarket, Users.regulator, m('ResumeMarket'), { reason: 'test' });
    await written(ledger, Market.setHoldingLimit, Users.regulator, m('SetHoldingLimit'), {
      entityId: 'ENT2',
      instrument,
      limit: 1_000_000,
    });
    await written(ledger, Market.setHoldingLimit, Users.regulator, m('SetHoldingLimit'), {
      entityId: 'ENT2',
      instrument,
      limit: null,
    });
    await written(ledger, Market.freezeAccount, Users.regulator, m('FreezeAccount'), {
      accountId: 'HOLD2',
      reason: 'test',
    });
    await written(ledger, Market.unfreezeAccount, Users.regulator, m('UnfreezeAccount'), {
      accountId: 'HOLD2',
      reason: 'test',
    });

    const sell = await placeOrder(ledger, 'TRADE1', 'sell', 10_000, 10);
    expectAnswerOf(Market.placeOrder, sell);
    const resting = await placeOrder(ledger, 'TRADE1', 'sell', 10_500, 5);
    await written(ledger, Market.cancelOrder, Users.trader1, market.cancel, {
      accountId: 'TRADE1',
      orderId: resting.id,
    });
    await placeOrder(ledger, 'TRADE2', 'buy', 10_100, 10);
    await placeOrder(ledger, 'TRADE1', 'sell', 10_200, 3);
    await placeOrder(ledger, 'TRADE2', 'buy', 9_900, 2);
    const cleared = (await written(ledger, Market.match, Users.regulator, market.match, { instrument })) as {
      trades: unknown[];
    };
    expect(cleared.trades).toHaveLength(1);

    const proposal = (await written(ledger, Market.proposeTrade, Users.trader1, market.propose, {
      accountId: 'TRADE1',
      buyerEntityId: 'ENT2',
      instrument,
      price: 10_000,
      quantity: 4,
    })) as { id: string };
    await written(ledger, Market.acceptTrade, Users.trader2, market.accept, {
      proposalId: proposal.id,
      accountId: 'TRADE2',
    });
    for (const [how, definition, who, fn] of [
      ['reject', Market.rejectTrade, Users.trader2, market.reject],
      ['cancel', Market.cancelProposal, Users.trader1, market.cancelProposal],
    ] as const) {
      const open = (await submit(ledger, Users.trader1, market.propose, {
        accountId: 'TRADE1',
        buyerEntityId: 'ENT2',
        instrument,
        price: 10_000,
        quantity: 1,
      })) as { id: string };
      await written(ledger, definition, who, fn, { proposalId: open.id, reason: how });
    }
    await read(ledger, Market.getProposal, Users.auditor, m('GetProposal'), proposal.id);

    await read(ledger, Market.getInstrument, Users.trader1, m('GetInstrument'), instrument);
    await read(ledger, Market.getOrderBook, Users.trader1, market.book, instrument);
    await read(ledger, Market.getOrder, Users.trader1, m('GetOrder'), 'TRADE1', sell.id);
    await read(ledger, Market.getPosition, Users.trader1, market.position, 'TRADE1');
    const day = '2025-01-15';
    // Supervisors and parties see whole trades; others (a user acting for neither party) see less.
    for (const [who, parties] of [
      [Users.auditor, true],
      [Users.trader1, true],
      [Users.impostor, false],
    ] as const) {
      const trades = (await read(ledger, Market.getTrades, who, m('GetTrades'), {
        instrument,
        day,
      })) as { buyAccountId?: string }[];
      expect(trades.map((trade) => trade.buyAccountId !== undefined)).toEqual([parties, parties]);
    }
    const days = (await read(ledger, Market.getMarketData, Users.trader1, m('GetMarketData'), {
      instrument,
    })) as unknown[];
    expect(days).toHaveLength(1);
  });

  it('Funds: deposits, withdrawals with change, balances', async () => {
    const f = (name: keyof typeof cc.funds): Fn => tx(cc.funds, name);
    await written(ledger, Funds.deposit, Users.regulator, f('Deposit'), {
      accountId: 'TRADE1',
      amount: '500',
      reference: 'bank-1',
    });
    await written(ledger, Funds.withdraw, Users.regulator, f('Withdraw'), {
      accountId: 'TRADE1',
      amount: '1',
      reference: 'bank-2',
    });
    await read(ledger, Funds.getBalance, Users.trader1, market.balance, 'TRADE1');
  });

  it('Offset: projects, issuance, transfers and retirement', async () => {
    const o = (name: keyof typeof cc.offset): Fn => tx(cc.offset, name);
    await written(ledger, Offset.registerProject, Users.regulator, o('RegisterProject'), {
      id: 'PRJ9',
      name: 'Wind farm',
      methodology: 'CMS-002-V01',
      ownerEntityId: 'ENT1',
    });
    await written(ledger, Offset.issueOffsets, Users.regulator, o('IssueOffsets'), {
      projectId: 'PRJ9',
      vintage: 2025,
      monitoringPeriod: { from: '2025-01-01', to: '2025-06-30' },
      serialStart: 1,
      quantity: 100,
      toAccount: 'TRADE1',
    });
    await written(ledger, Offset.transferOffsets, Users.trader1, o('TransferOffsets'), {
      fromAccount: 'TRADE1',
      toAccount: 'TRADE2',
      quantity: 40,
      projectId: 'PRJ9',
    });
    await written(ledger, Offset.retireOffsets, Users.trader2, o('RetireOffsets'), {
      accountId: 'TRADE2',
      quantity: 10,
      beneficiary: 'someone',
      reason: 'neutrality',
    });
    await read(ledger, Offset.getProject, Users.trader2, o('GetProject'), 'PRJ9');
  });
});
