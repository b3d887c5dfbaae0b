import type {
  AccountHoldings,
  ApprovalEscrow,
  ApprovalOutcome,
  ApprovalRequest,
  CashEntry,
  Lot,
  Order,
  PlacedOrder,
} from '@carbon-ets/contract';
import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import type { TestIdentity } from '../testing/memory-identity';
import { fundsOf, market, marketScenario, placeOrder, STARTING_FUNDS } from '../testing/market';
import { cc, evaluate, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

const approve = tx(cc.approval, 'Approve');
const reject = tx(cc.approval, 'Reject');
const expire = tx(cc.approval, 'Expire');

/** HOLD1 after the market scenario: operator1 proposes, trader1 approves, above 1,000 t. */
const HOLD1_REPRESENTATIVES = {
  accountId: 'HOLD1',
  representatives: [
    { mspId: 'Enterprise1MSP', userName: 'operator1', role: 'proposer' },
    { mspId: 'Enterprise1MSP', userName: 'trader1', role: 'approver' },
  ],
  approvalThreshold: 1_000,
  approvalWindowSeconds: 3_600,
  requestReference: 'holder request 2025-31',
};
/** HOLD1's allowances after the market scenario moved 20,000 to TRADE1. */
const HOLD1_UNITS = 80_000;
/** Allowances of vintage 2025 in the scenario, in all accounts. */
const ALL_UNITS = 500_000;
/** Every enterprise account's funds in the market scenario: four accounts were funded. */
const ALL_FUNDS = STARTING_FUNDS * 4n;
const PRICE = 10_000;
const QUANTITY = 5_000;
const ESCROW = (BigInt(PRICE) * BigInt(QUANTITY)).toString();

let base: TestLedger;
beforeAll(async () => {
  base = await marketScenario();
  await submit(base, Users.regulator, tx(cc.approval, 'SetRepresentatives'), HOLD1_REPRESENTATIVES);
});

/** Every object of a type in the world state. */
function objects<T>(ledger: TestLedger, type: string): T[] {
  return [...ledger.world.state.entries()]
    .filter(([key]) => key.startsWith(`\x00${type}\x00`))
    .map(([, value]) => JSON.parse(Buffer.from(value).toString('utf8')) as T);
}

/**
 * The reconcile check on the stub: every allowance of vintage 2025 is in exactly one lot, every locked lot is
 * held by an open order or a pending request of its own account, and the funds (cash entries + open buy
 * orders' escrow + pending requests' escrow) are what was deposited.
 */
function expectConserved(ledger: TestLedger, units: number): void {
  const lots = objects<Lot>(ledger, 'lot').filter((l) => l.unitType === 'allowance' && l.vintage === 2025);
  expect(lots.reduce((sum, lot) => sum + lot.quantity, 0)).toBe(units);
  const orders = objects<Order>(ledger, 'order').filter((o) => o.status === 'open');
  const pending = objects<ApprovalRequest>(ledger, 'approval').filter((a) => a.status === 'pending');
  const holders = new Set([
    ...orders.map((o) => `${o.accountId}/${o.id}`),
    ...pending.map((a) => `${a.accountId}/${a.id}`),
  ]);
  for (const lot of lots.filter((l) => l.lockedBy !== undefined)) {
    expect(holders.has(`${lot.accountId}/${lot.lockedBy ?? ''}`)).toBe(true);
  }
  const escrows = objects<ApprovalEscrow>(ledger, 'approvalEscrow');
  expect(escrows.map((e) => e.approvalId).sort()).toEqual(
    pending
      .filter((a) => a.escrow !== undefined)
      .map((a) => a.id)
      .sort(),
  );
  const cash = objects<CashEntry>(ledger, 'cash').reduce((sum, e) => sum + BigInt(e.amount), 0n);
  const orderEscrow = orders.reduce((sum, o) => sum + BigInt(o.escrow), 0n);
  const requestEscrow = escrows.reduce((sum, e) => sum + BigInt(e.escrow), 0n);
  expect(cash + orderEscrow + requestEscrow).toBe(ALL_FUNDS);
}

async function holdings(ledger: TestLedger, accountId: string): Promise<{ held: number; locked: number }> {
  const view = (await evaluate(
    ledger,
    Users.auditor,
    tx(cc.query, 'GetHoldings'),
    accountId,
  )) as AccountHoldings;
  return view.holdings
    .filter((h) => h.status === 'held')
    .reduce((sum, h) => ({ held: sum.held + h.quantity, locked: sum.locked + h.locked }), {
      held: 0,
      locked: 0,
    });
}

/** HOLD1 places an order above the threshold; the answer must carry the request. */
async function propose(
  ledger: TestLedger,
  side: 'buy' | 'sell',
  who: TestIdentity = Users.operator1,
  extra: Record<string, unknown> = {},
): Promise<{ placed: PlacedOrder; approval: ApprovalRequest }> {
  const placed = (await submit(ledger, who, market.place, {
    accountId: 'HOLD1',
    side,
    instrument: 'allowance-2025',
    price: PRICE,
    quantity: QUANTITY,
    ...extra,
  })) as PlacedOrder;
  if (placed.pendingApproval === undefined) throw new Error('the order did not become a request');
  return { placed, approval: placed.pendingApproval };
}

const ref = (approval: ApprovalRequest) => ({ accountId: approval.accountId, approvalId: approval.id });
const hold1Orders = (ledger: TestLedger) =>
  objects<Order>(ledger, 'order').filter((o) => o.accountId === 'HOLD1');

describe('an order above the two-person threshold', () => {
  it('becomes a request that locks exactly the units of a sell, nothing in the book', async () => {
    const ledger = base.fork();
    const { placed, approval } = await propose(ledger, 'sell', Users.operator1, { goodTill: 'period' });
    expect(approval).toMatchObject({
      accountId: 'HOLD1',
      operation: 'order',
      side: 'sell',
      instrument: 'allowance-2025',
      unitType: 'allowance',
      vintage: 2025,
      price: PRICE,
      quantity: QUANTITY,
      goodTill: 'period',
      status: 'pending',
      proposedBy: { userName: 'operator1' },
    });
    expect(approval.escrow).toBeUndefined();
    // The answer is the order as it will be placed: the request's id, nothing placed yet.
    expect(placed).toMatchObject({
      id: approval.id,
      status: 'pending-approval',
      side: 'sell',
      quantity: QUANTITY,
      remaining: QUANTITY,
      escrow: '0',
      lockedLotIds: approval.lockedLotIds,
    });
    expect(ledger.lastEvent()).toMatchObject({ name: 'ApprovalRequested', payload: { approval } });
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: HOLD1_UNITS, locked: QUANTITY });
    const locked = objects<Lot>(ledger, 'lot').filter((l) => l.lockedBy === approval.id);
    expect(locked.map((l) => l.id).sort()).toEqual([...approval.lockedLotIds].sort());
    expect(hold1Orders(ledger)).toEqual([]);
    expect(await fundsOf(ledger, 'HOLD1')).toMatchObject({
      locked: '0',
      available: STARTING_FUNDS.toString(),
    });
    expectConserved(ledger, ALL_UNITS);
  });

  it('becomes a request that reserves exactly price × quantity of a buy, counted as locked funds', async () => {
    const ledger = base.fork();
    const { placed, approval } = await propose(ledger, 'buy');
    expect(approval).toMatchObject({ operation: 'order', side: 'buy', escrow: ESCROW, lockedLotIds: [] });
    expect(placed).toMatchObject({ status: 'pending-approval', escrow: ESCROW, lockedLotIds: [] });
    expect(await fundsOf(ledger, 'HOLD1')).toMatchObject({
      available: (STARTING_FUNDS - BigInt(ESCROW)).toString(),
      locked: ESCROW,
      total: STARTING_FUNDS.toString(),
    });
    expect(objects<ApprovalEscrow>(ledger, 'approvalEscrow')).toEqual([
      { accountId: 'HOLD1', approvalId: approval.id, escrow: ESCROW },
    ]);
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: HOLD1_UNITS, locked: 0 });
    expect(hold1Orders(ledger)).toEqual([]);
    expectConserved(ledger, ALL_UNITS);
  });

  it('is checked like any order when proposed: a price outside the band or too few funds are refused', async () => {
    const ledger = base.fork();
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, market.place, {
        accountId: 'HOLD1',
        side: 'sell',
        instrument: 'allowance-2025',
        price: 12_000,
        quantity: QUANTITY,
      }),
      'FAILED_PRECONDITION',
      /order.price 12000 fen is outside the price band/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, market.place, {
        accountId: 'HOLD1',
        side: 'buy',
        instrument: 'allowance-2025',
        price: PRICE,
        quantity: 200_000,
      }),
      'FAILED_PRECONDITION',
      /insufficient funds/,
    );
  });

  it('cannot be approved by its proposer, ledger unchanged', async () => {
    const ledger = base.fork();
    const { approval } = await propose(ledger, 'sell', Users.trader1);
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, approve, ref(approval)),
      'FORBIDDEN',
      /a second representative must approve it/,
    );
  });

  it('is placed on approval with the locked units, id = the request id, and then trades', async () => {
    const ledger = base.fork();
    const { approval } = await propose(ledger, 'sell');
    const outcome = (await submit(ledger, Users.trader1, approve, ref(approval))) as ApprovalOutcome;
    expect(outcome.approval).toMatchObject({ status: 'executed', decidedBy: { userName: 'trader1' } });
    expect(outcome.lots).toEqual([]);
    expect(outcome.order).toMatchObject({
      id: approval.id,
      accountId: 'HOLD1',
      side: 'sell',
      price: PRICE,
      quantity: QUANTITY,
      status: 'open',
      lockedLotIds: approval.lockedLotIds,
      placedAt: outcome.approval.decidedAt,
    });
    expect(ledger.lastEvent()).toMatchObject({
      name: 'ApprovalDecided',
      payload: { approval: outcome.approval, order: outcome.order },
    });
    const order = (await evaluate(
      ledger,
      Users.regulator,
      tx(cc.market, 'GetOrder'),
      'HOLD1',
      approval.id,
    )) as Order;
    expect(order).toEqual(outcome.order);
    // The units stay locked, now by the order (same id), and nothing else.
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: HOLD1_UNITS, locked: QUANTITY });
    expectConserved(ledger, ALL_UNITS);
    // A crossing buy trades against it.
    await placeOrder(ledger, 'TRADE2', 'buy', PRICE, 2_000);
    const clearing = (await submit(ledger, Users.regulator, market.match, {
      instrument: 'allowance-2025',
    })) as { trades: { sellOrderId?: string; quantity: number }[] };
    expect(clearing.trades).toMatchObject([{ sellOrderId: approval.id, quantity: 2_000 }]);
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: HOLD1_UNITS - 2_000, locked: QUANTITY - 2_000 });
    expectConserved(ledger, ALL_UNITS);
  });

  it('is placed on approval with the reserved funds as its escrow, and then trades', async () => {
    const ledger = base.fork();
    const { approval } = await propose(ledger, 'buy');
    const outcome = (await submit(ledger, Users.trader1, approve, ref(approval))) as ApprovalOutcome;
    expect(outcome.order).toMatchObject({ id: approval.id, side: 'buy', escrow: ESCROW, status: 'open' });
    expect(objects<ApprovalEscrow>(ledger, 'approvalEscrow')).toEqual([]);
    // The funds moved from the request to the order: still locked, the total unchanged.
    expect(await fundsOf(ledger, 'HOLD1')).toMatchObject({
      available: (STARTING_FUNDS - BigInt(ESCROW)).toString(),
      locked: ESCROW,
      total: STARTING_FUNDS.toString(),
    });
    expectConserved(ledger, ALL_UNITS);
    await placeOrder(ledger, 'TRADE2', 'sell', PRICE, 1_000);
    const clearing = (await submit(ledger, Users.regulator, market.match, {
      instrument: 'allowance-2025',
    })) as { trades: { buyOrderId?: string; quantity: number }[] };
    expect(clearing.trades).toMatchObject([{ buyOrderId: approval.id, quantity: 1_000 }]);
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: HOLD1_UNITS + 1_000, locked: 0 });
    expectConserved(ledger, ALL_UNITS);
  });

  it('releases a sell request on rejection and a buy request on expiry', async () => {
    const ledger = base.fork();
    const sell = await propose(ledger, 'sell');
    const buy = await propose(ledger, 'buy');
    const rejected = (await submit(ledger, Users.trader1, reject, {
      ...ref(sell.approval),
      reason: 'not now',
    })) as ApprovalOutcome;
    expect(rejected.approval).toMatchObject({ status: 'rejected', reason: 'not now' });
    expect(rejected.lots.reduce((sum, lot) => sum + lot.quantity, 0)).toBe(QUANTITY);
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: HOLD1_UNITS, locked: 0 });
    expectConserved(ledger, ALL_UNITS);

    ledger.setTime(new Date(Date.parse(buy.approval.deadline) + 1_000).toISOString());
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, approve, ref(buy.approval)),
      'FAILED_PRECONDITION',
      /expired at/,
    );
    const expired = (await submit(ledger, Users.auditor, expire, ref(buy.approval))) as ApprovalOutcome;
    expect(expired.approval.status).toBe('expired');
    expect(expired.order).toBeUndefined();
    expect(await fundsOf(ledger, 'HOLD1')).toMatchObject({
      available: STARTING_FUNDS.toString(),
      locked: '0',
      total: STARTING_FUNDS.toString(),
    });
    const refund = objects<CashEntry>(ledger, 'cash').filter((e) => e.reference === buy.approval.id);
    expect(refund).toMatchObject([{ accountId: 'HOLD1', amount: ESCROW, origin: 'release' }]);
    expect(hold1Orders(ledger)).toEqual([]);
    expectConserved(ledger, ALL_UNITS);
  });

  it.each([
    [
      'the market is halted',
      tx(cc.market, 'HaltMarket'),
      { reason: 'incident' },
      /Approve: the market is halted/,
    ],
    [
      'the account is frozen',
      tx(cc.market, 'FreezeAccount'),
      { accountId: 'HOLD1', reason: 'supervision' },
      /Approve: account HOLD1 is frozen by the regulator/,
    ],
    [
      'the holding limit would be passed',
      tx(cc.market, 'SetHoldingLimit'),
      { entityId: 'ENT1', instrument: 'allowance-2025', limit: 100_000 },
      /holding limit/,
    ],
  ])('is refused on approval when %s, nothing changed', async (_case, supervise, request, message) => {
    const ledger = base.fork();
    const { approval } = await propose(ledger, 'buy');
    await submit(ledger, Users.regulator, supervise, request);
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, approve, ref(approval)),
      'FAILED_PRECONDITION',
      message,
    );
    const [stored] = objects<ApprovalRequest>(ledger, 'approval');
    expect(stored).toMatchObject({ id: approval.id, status: 'pending' });
    expect(await fundsOf(ledger, 'HOLD1')).toMatchObject({ locked: ESCROW });
  });

  it('is refused on approval when the price left the day’s band, nothing changed', async () => {
    const ledger = base.fork();
    const { approval } = await propose(ledger, 'sell', Users.operator1, { goodTill: 'period' });
    // The instrument's band reference moves: 10,000 fen is no longer within ±10 %.
    await submit(ledger, Users.regulator, market.configure, {
      unitType: 'allowance',
      vintage: 2025,
      referencePrice: 12_000,
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, approve, ref(approval)),
      'FAILED_PRECONDITION',
      /order.price 10000 fen is outside the price band/,
    );
    expect(await holdings(ledger, 'HOLD1')).toEqual({ held: HOLD1_UNITS, locked: QUANTITY });
  });

  it('at or below the threshold is placed at once', async () => {
    const ledger = base.fork();
    const placed = (await submit(ledger, Users.operator1, market.place, {
      accountId: 'HOLD1',
      side: 'sell',
      instrument: 'allowance-2025',
      price: PRICE,
      quantity: 1_000,
    })) as PlacedOrder;
    expect(placed.status).toBe('open');
    expect(placed.pendingApproval).toBeUndefined();
    expect(ledger.lastEvent()?.name).toBe('OrderPlaced');
  });
});
