import { Users } from '../testing/identities';
import type { TestIdentity } from '../testing/memory-identity';
import {
  ACCOUNT_TRADERS,
  fundsOf,
  market,
  marketScenario,
  placeOrder,
  STARTING_FUNDS,
} from '../testing/market';
import { cc, evaluate, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';
import type { Order } from './order';
import type { Trade } from './trade';

interface Position {
  openOrders: Order[];
  lockedUnits: number;
  funds: { available: string; locked: string; total: string };
}
interface Clearing {
  trades: Trade[];
  expiredOrderIds: string[];
}

const position = async (ledger: TestLedger, accountId: string): Promise<Position> =>
  (await evaluate(ledger, Users.regulator, market.position, accountId)) as Position;
const holdings = async (ledger: TestLedger, accountId: string): Promise<number> => {
  const view = (await evaluate(ledger, Users.auditor, tx(cc.query, 'GetHoldings'), accountId)) as {
    holdings: { quantity: number }[];
  };
  return view.holdings.reduce((sum, h) => sum + h.quantity, 0);
};
const clear = async (ledger: TestLedger, extra: Record<string, unknown> = {}): Promise<Clearing> =>
  (await submit(ledger, Users.regulator, market.match, {
    instrument: 'allowance-2025',
    ...extra,
  })) as Clearing;

describe('Market: orders, matching and DvP settlement', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await marketScenario();
  });

  it('locks units for a sell order and funds for a buy order, and releases them on cancel', async () => {
    const ledger = base.fork();
    const sell = await placeOrder(ledger, 'TRADE1', 'sell', 10_100, 300);
    expect(ledger.lastEvent()?.name).toBe('OrderPlaced');
    expect((await position(ledger, 'TRADE1')).lockedUnits).toBe(300);
    const buy = await placeOrder(ledger, 'TRADE2', 'buy', 9_900, 200);
    expect((await fundsOf(ledger, 'TRADE2')).locked).toBe('1980000');
    expect((await fundsOf(ledger, 'TRADE2')).total).toBe(STARTING_FUNDS.toString());
    // Locked units cannot be transferred away.
    await expect(
      submit(ledger, Users.trader1, tx(cc.allowance, 'Transfer'), {
        fromAccount: 'TRADE1',
        toAccount: 'TRADE2',
        quantity: 19_701,
      }),
    ).rejects.toThrow('has 19700 allowances available');
    await submit(ledger, Users.trader1, market.cancel, { accountId: 'TRADE1', orderId: sell.id });
    await submit(ledger, Users.regulator, market.cancel, {
      accountId: 'TRADE2',
      orderId: buy.id,
      reason: 'test',
    });
    expect((await position(ledger, 'TRADE1')).lockedUnits).toBe(0);
    expect(await fundsOf(ledger, 'TRADE2')).toMatchObject({
      available: STARTING_FUNDS.toString(),
      locked: '0',
    });
    await expect(
      submit(ledger, Users.trader1, market.cancel, { accountId: 'TRADE1', orderId: sell.id }),
    ).rejects.toThrow('is cancelled and can no longer be cancelled');
  });

  it('matches with price-time priority at the resting price, fills partially and settles DvP', async () => {
    const ledger = base.fork();
    const s1 = await placeOrder(ledger, 'TRADE1', 'sell', 10_200, 100);
    const s2 = await placeOrder(ledger, 'HOLD1', 'sell', 10_100, 100);
    const s3 = await placeOrder(ledger, 'TRADE1', 'sell', 10_100, 100);
    const buy = await placeOrder(ledger, 'TRADE2', 'buy', 10_300, 250);
    const result = await clear(ledger);
    expect(result.trades.map((t) => [t.sellOrderId, t.price, t.quantity, t.aggressor])).toEqual([
      [s2.id, 10_100, 100, 'buy'],
      [s3.id, 10_100, 100, 'buy'],
      [s1.id, 10_200, 50, 'buy'],
    ]);
    expect(new Set(result.trades.map((t) => t.buyOrderId))).toEqual(new Set([buy.id]));
    expect(ledger.lastEvent()?.name).toBe('OrdersMatched');
    // Units to the buyer, funds to the sellers, price improvement back to the buyer.
    expect(await holdings(ledger, 'TRADE2')).toBe(20_250);
    const paid = 100n * 10_100n * 2n + 50n * 10_200n;
    expect(await fundsOf(ledger, 'TRADE2')).toMatchObject({
      available: (STARTING_FUNDS - paid).toString(),
      locked: '0',
    });
    expect((await fundsOf(ledger, 'TRADE1')).available).toBe(
      (STARTING_FUNDS + 100n * 10_100n + 50n * 10_200n).toString(),
    );
    expect((await fundsOf(ledger, 'HOLD1')).available).toBe((STARTING_FUNDS + 100n * 10_100n).toString());
    const seller = await position(ledger, 'TRADE1');
    expect(seller.lockedUnits).toBe(50);
    expect(seller.openOrders.map((o) => [o.id, o.remaining])).toEqual([[s1.id, 50]]);
    // Market data: VWAP close, open/high/low.
    const [day] = (await evaluate(ledger, Users.trader2, tx(cc.market, 'GetMarketData'), {
      instrument: 'allowance-2025',
    })) as { open: number; high: number; low: number; close: number; volume: number }[];
    expect(day).toMatchObject({ open: 10_100, high: 10_200, low: 10_100, volume: 250, close: 10_120 });
    // A second clearing finds nothing more to match.
    expect((await clear(ledger)).trades).toEqual([]);
    const book = (await evaluate(ledger, Users.verifier, market.book, 'allowance-2025')) as {
      asks: { price: number; quantity: number }[];
      bids: unknown[];
    };
    expect(book).toMatchObject({ asks: [{ price: 10_200, quantity: 50, orders: 1 }], bids: [] });
    const trades = (await evaluate(ledger, Users.trader2, tx(cc.market, 'GetTrades'), {
      instrument: 'allowance-2025',
      day: ledger.now().slice(0, 10),
    })) as Trade[];
    expect(trades).toHaveLength(3);
    const view = async (
      who: TestIdentity,
      extra: Record<string, unknown> = {},
    ): Promise<Record<string, unknown>[]> =>
      (await evaluate(ledger, who, tx(cc.market, 'GetTrades'), {
        instrument: 'allowance-2025',
        day: ledger.now().slice(0, 10),
        ...extra,
      })) as Record<string, unknown>[];
    // Parties and supervisors see the counterparties; others (the impostor claims ENT1 from the wrong org) don't.
    expect((await view(Users.operator1)).every((t) => t.sellAccountId !== undefined)).toBe(true);
    expect((await view(Users.impostor)).some((t) => t.sellAccountId !== undefined)).toBe(false);
    expect(await view(Users.auditor, { accountId: 'HOLD1' })).toHaveLength(1);
    await expect(view(Users.trader2, { accountId: 'HOLD1' })).rejects.toThrow('FORBIDDEN');
  });

  it('never trades an entity with itself and skips frozen accounts', async () => {
    const ledger = base.fork();
    await placeOrder(ledger, 'HOLD1', 'sell', 10_000, 100);
    await placeOrder(ledger, 'TRADE1', 'buy', 10_000, 100);
    expect((await clear(ledger)).trades).toEqual([]);
    await placeOrder(ledger, 'HOLD2', 'sell', 10_000, 40);
    await submit(ledger, Users.regulator, tx(cc.market, 'FreezeAccount'), {
      accountId: 'HOLD2',
      reason: 'probe',
    });
    expect((await clear(ledger)).trades).toEqual([]);
    await expect(placeOrder(ledger, 'HOLD2', 'sell', 10_000, 1)).rejects.toThrow(
      'HOLD2 is frozen by the regulator',
    );
    await expect(
      submit(ledger, Users.operator2, tx(cc.compliance, 'Surrender'), {
        period: 2025,
        installationId: 'INST2',
        unitType: 'allowance',
        quantity: 1,
      }),
    ).rejects.toThrow('source account HOLD2 is blocked');
    await submit(ledger, Users.regulator, tx(cc.market, 'UnfreezeAccount'), {
      accountId: 'HOLD2',
      reason: 'ok',
    });
    const result = await clear(ledger);
    expect(result.trades.map((t) => [t.sellerEntityId, t.buyerEntityId, t.quantity])).toEqual([
      ['ENT2', 'ENT1', 40],
    ]);
  });

  it('expires day orders at the end of their trading day and releases what they locked', async () => {
    const ledger = base.fork();
    const sell = await placeOrder(ledger, 'TRADE1', 'sell', 10_000, 10);
    const buy = await placeOrder(ledger, 'TRADE2', 'buy', 9_000, 10, { goodTill: 'period' });
    ledger.setTime('2025-01-16T09:00:00Z');
    const result = await clear(ledger);
    expect(result.expiredOrderIds).toEqual([sell.id]);
    expect((await position(ledger, 'TRADE1')).lockedUnits).toBe(0);
    expect((await position(ledger, 'TRADE2')).openOrders.map((o) => o.id)).toEqual([buy.id]);
  });

  it('uses the previous day close (VWAP) as the band reference and widens the band for block orders', async () => {
    const ledger = base.fork();
    await placeOrder(ledger, 'TRADE1', 'sell', 10_500, 10);
    await placeOrder(ledger, 'TRADE2', 'buy', 10_500, 10);
    await clear(ledger);
    ledger.setTime('2025-01-17T09:00:00Z');
    // Previous close 105.00: the band is 94.50..115.50.
    await expect(placeOrder(ledger, 'TRADE2', 'buy', 11_551, 1)).rejects.toThrow(
      'outside the price band 9450..11550 fen',
    );
    await placeOrder(ledger, 'TRADE2', 'buy', 11_550, 1);
    await submit(ledger, Users.regulator, market.configure, {
      unitType: 'allowance',
      vintage: 2025,
      referencePrice: 10_000,
      blockThreshold: 1_000,
    });
    await expect(placeOrder(ledger, 'HOLD1', 'sell', 13_700, 1_000)).rejects.toThrow('7350..13650');
    await placeOrder(ledger, 'HOLD1', 'sell', 13_600, 1_000);
    expect(ledger.lastEvent()?.name).toBe('LargeOrderPlaced');
    // The block ask at 136.00 lies outside the normal bid's band, so they do not trade.
    await placeOrder(ledger, 'TRADE2', 'buy', 11_550, 5);
    expect((await clear(ledger)).trades).toEqual([]);
  });

  it('halts and resumes the market; enforces holding limits', async () => {
    const ledger = base.fork();
    await submit(ledger, Users.regulator, tx(cc.market, 'HaltMarket'), { reason: 'volatility' });
    await expect(placeOrder(ledger, 'TRADE1', 'sell', 10_000, 1)).rejects.toThrow('the market is halted');
    await expect(clear(ledger)).rejects.toThrow('the market is halted');
    await submit(ledger, Users.regulator, tx(cc.market, 'ResumeMarket'), { reason: 'calm' });
    await submit(ledger, Users.regulator, tx(cc.market, 'SetHoldingLimit'), {
      entityId: 'ENT2',
      instrument: 'allowance-2025',
      limit: 80_100,
    });
    await placeOrder(ledger, 'TRADE2', 'buy', 10_000, 60);
    await expect(placeOrder(ledger, 'TRADE2', 'buy', 10_000, 41)).rejects.toThrow(
      'may hold at most 80100 t of allowance-2025; this would bring it to 80101 t',
    );
    await submit(ledger, Users.regulator, tx(cc.market, 'SetHoldingLimit'), {
      entityId: 'ENT2',
      instrument: 'allowance-2025',
      limit: null,
    });
    await placeOrder(ledger, 'TRADE2', 'buy', 10_000, 41);
  });

  it('settles an accepted bilateral proposal DvP; rejection and cancellation unlock the units', async () => {
    const ledger = base.fork();
    const proposal = (await submit(ledger, Users.trader1, market.propose, {
      accountId: 'TRADE1',
      buyerEntityId: 'ENT2',
      instrument: 'allowance-2025',
      price: 10_900,
      quantity: 5_000,
    })) as { id: string };
    expect((await position(ledger, 'TRADE1')).lockedUnits).toBe(5_000);
    await expect(
      submit(ledger, Users.trader1, market.accept, { proposalId: proposal.id, accountId: 'TRADE1' }),
    ).rejects.toThrow('FORBIDDEN');
    const accepted = (await submit(ledger, Users.trader2, market.accept, {
      proposalId: proposal.id,
      accountId: 'TRADE2',
    })) as { trade: Trade };
    expect(accepted.trade).toMatchObject({
      kind: 'bilateral',
      price: 10_900,
      quantity: 5_000,
      value: '54500000',
    });
    expect(await holdings(ledger, 'TRADE2')).toBe(25_000);
    expect((await fundsOf(ledger, 'TRADE1')).available).toBe((STARTING_FUNDS + 54_500_000n).toString());
    expect((await fundsOf(ledger, 'TRADE2')).available).toBe((STARTING_FUNDS - 54_500_000n).toString());
    await expect(
      submit(ledger, Users.trader2, market.accept, { proposalId: proposal.id, accountId: 'TRADE2' }),
    ).rejects.toThrow('is accepted');
    const second = (await submit(ledger, Users.operator2, market.propose, {
      accountId: 'HOLD2',
      buyerEntityId: 'ENT1',
      instrument: 'allowance-2025',
      price: 10_000,
      quantity: 10,
    })) as { id: string };
    await submit(ledger, Users.trader1, market.reject, { proposalId: second.id });
    const third = (await submit(ledger, Users.operator2, market.propose, {
      accountId: 'HOLD2',
      buyerEntityId: 'ENT1',
      instrument: 'allowance-2025',
      price: 10_000,
      quantity: 10,
    })) as { id: string };
    ledger.setTime('2025-01-16T10:00:00Z');
    await expect(
      submit(ledger, Users.trader1, market.accept, { proposalId: third.id, accountId: 'TRADE1' }),
    ).rejects.toThrow('expired at 2025-01-15T23:59:59.999Z');
    await submit(ledger, Users.regulator, market.cancelProposal, { proposalId: third.id });
    expect((await position(ledger, 'HOLD2')).lockedUnits).toBe(0);
  });

  it('deposits and withdraws funds; balances never go negative', async () => {
    const ledger = base.fork();
    const withdraw = tx(cc.funds, 'Withdraw');
    await submit(ledger, Users.regulator, withdraw, { accountId: 'TRADE1', amount: '99999999' });
    expect((await fundsOf(ledger, 'TRADE1')).available).toBe('1');
    await expect(
      submit(ledger, Users.regulator, withdraw, { accountId: 'TRADE1', amount: '2' }),
    ).rejects.toThrow('insufficient funds: account TRADE1 has 1 fen available, 2 fen needed');
    await expect(
      submit(ledger, Users.regulator, market.deposit, { accountId: 'NATIONAL-AUCTION', amount: '1' }),
    ).rejects.toThrow('holds no settlement funds');
    const big = '123456789012345678901234';
    await submit(ledger, Users.regulator, market.deposit, { accountId: 'TRADE1', amount: big });
    expect((await fundsOf(ledger, 'TRADE1')).available).toBe((BigInt(big) + 1n).toString());
    expect(Object.keys(ACCOUNT_TRADERS)).toHaveLength(4);
  });

  it('keeps order history readable through Query and guards accounts that still hold funds or orders', async () => {
    const ledger = base.fork();
    const order = await placeOrder(ledger, 'TRADE1', 'buy', 10_000, 5);
    const reference = { type: 'order', id: ['TRADE1', order.id] };
    await expect(
      evaluate(ledger, Users.trader1, tx(cc.query, 'GetObject'), reference),
    ).resolves.toMatchObject({
      status: 'open',
    });
    await expect(evaluate(ledger, Users.trader2, tx(cc.query, 'GetObject'), reference)).rejects.toThrow(
      'FORBIDDEN',
    );
    await submit(ledger, Users.regulator, tx(cc.registry, 'OpenAccount'), {
      kind: 'trading',
      id: 'T9',
      entityId: 'ENT1',
    });
    await submit(ledger, Users.regulator, market.deposit, { accountId: 'T9', amount: '10' });
    const close = tx(cc.registry, 'CloseAccount');
    await expect(submit(ledger, Users.regulator, close, { accountId: 'T9', reason: 'r' })).rejects.toThrow(
      'still holds settlement funds',
    );
    await submit(ledger, Users.regulator, tx(cc.funds, 'Withdraw'), { accountId: 'T9', amount: '10' });
    await submit(ledger, Users.regulator, close, { accountId: 'T9', reason: 'r' });
    const history = (await evaluate(ledger, Users.auditor, tx(cc.query, 'GetHistory'), reference)) as {
      history: unknown[];
    };
    expect(history.history).toHaveLength(1);
  });
});
