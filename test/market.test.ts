import { StatusCode } from '@hyperledger/fabric-gateway';
import {
  connectAs,
  type AccountHoldings,
  type CashEntry,
  type Order,
  type OrderBook,
  type Position,
  type TradeView,
} from '@carbon-ets/gateway-client';
import { ensureBaseline, firstFreePeriodYear, periodWithTradingAccounts } from './support/baseline';
import { clearManually } from './support/member-servers';
import { noteCommitted, participant, type Participant } from './support/participants';

/**
 * Two enterprises trade across orgs on the real network: ENT1 (Enterprise1MSP) sells, ENT2 (Enterprise2MSP)
 * buys, the regulator clears the book; settlement is delivery-versus-payment in one transaction and every
 * peer reports the same balances, locks and trade.
 */
describe('trading on the real network', () => {
  let regulator: Participant;
  let trader1: Participant;
  let trader2: Participant;
  let verifier: Participant;
  let auditor: Participant;
  let year = 0;
  let instrument = '';
  let seller = '';
  let buyer = '';
  let sellOrderId = '';

  /** The same query answered by every org's own peer must be the same answer. */
  async function fromEveryPeer<T>(
    readers: Participant[],
    transaction: string,
    ...args: string[]
  ): Promise<T> {
    const answers = await Promise.all(readers.map((reader) => reader.evaluate<T>(transaction, ...args)));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    return answers[0] as T;
  }

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    trader1 = participant('Enterprise1', 'trader1');
    trader2 = participant('Enterprise2', 'trader2');
    verifier = participant('Verifier', 'verifier1');
    auditor = participant('Auditor', 'auditor1');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2060);
    instrument = `allowance-${year}`;
    seller = `SELL-${year}`;
    buyer = `BUY-${year}`;
    await periodWithTradingAccounts(
      regulator,
      year,
      [
        { id: seller, entityId: 'ENT1' },
        { id: buyer, entityId: 'ENT2' },
      ],
      100_000,
      10_000,
    );
    await regulator.submit('Market:ConfigureInstrument', {
      unitType: 'allowance',
      vintage: year,
      referencePrice: 5000,
    });
    // This test clears the book itself, after looking at it: the market operator must not clear it first.
    await clearManually(instrument);
    await regulator.submit('Funds:Deposit', {
      accountId: buyer,
      amount: '1000000',
      reference: 'bank transfer 1',
    });
  });

  afterAll(() => {
    for (const p of [regulator, trader1, trader2, verifier, auditor]) p.connection.close();
  });

  test('placing orders locks the seller’s units and the buyer’s funds', async () => {
    const sell = await trader1.submit<Order>('Market:PlaceOrder', {
      accountId: seller,
      side: 'sell',
      instrument,
      price: 5000,
      quantity: 100,
    });
    sellOrderId = sell.id;
    await trader2.submit('Market:PlaceOrder', {
      accountId: buyer,
      side: 'buy',
      instrument,
      price: 5100,
      quantity: 60,
    });
    const sellerPosition = await trader1.evaluate<Position>('Market:GetPosition', seller);
    expect(sellerPosition.lockedUnits).toBe(100);
    const buyerPosition = await trader2.evaluate<Position>('Market:GetPosition', buyer);
    expect(buyerPosition.funds).toEqual({
      available: String(1_000_000 - 5100 * 60),
      locked: String(5100 * 60),
      total: '1000000',
    });
  });

  test('bad orders are refused with their reason and change nothing', async () => {
    const before = await Promise.all([
      auditor.evaluate<Position>('Market:GetPosition', buyer),
      auditor.evaluate<Position>('Market:GetPosition', seller),
    ]);
    const refusals = await Promise.all([
      trader2.refusal('Market:PlaceOrder', {
        accountId: buyer,
        side: 'buy',
        instrument,
        price: 5000,
        quantity: 1000,
      }),
      trader2.refusal('Market:PlaceOrder', {
        accountId: buyer,
        side: 'buy',
        instrument,
        price: 9000,
        quantity: 1,
      }),
      trader2.refusal('Market:PlaceOrder', {
        accountId: buyer,
        side: 'buy',
        instrument,
        price: '50.5',
        quantity: 1,
      }),
      trader2.refusal('Market:PlaceOrder', {
        accountId: buyer,
        side: 'buy',
        instrument,
        price: 5000,
        quantity: 0,
      }),
      trader2.refusal('Market:CancelOrder', { accountId: seller, orderId: sellOrderId }),
      trader1.refusal('Market:PlaceOrder', {
        accountId: buyer,
        side: 'buy',
        instrument,
        price: 5000,
        quantity: 1,
      }),
    ]);
    expect(refusals.map((refusal) => refusal.code)).toEqual([
      'FAILED_PRECONDITION',
      'FAILED_PRECONDITION',
      'INVALID_ARGUMENT',
      'INVALID_ARGUMENT',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    expect(refusals[0].reason).toMatch(/^insufficient funds/);
    expect(refusals[1].reason).toMatch(/band/);
    const after = await Promise.all([
      auditor.evaluate<Position>('Market:GetPosition', buyer),
      auditor.evaluate<Position>('Market:GetPosition', seller),
    ]);
    expect(after).toEqual(before);
  });

  test('the regulator clears the book: one trade at the resting price, settled delivery-versus-payment', async () => {
    await regulator.submit('Market:Match', { instrument });
    const supervisors = [regulator, verifier, auditor];
    const buyerHoldings = await fromEveryPeer<AccountHoldings>(
      [...supervisors, trader2],
      'Query:GetHoldings',
      buyer,
    );
    expect(buyerHoldings.holdings).toEqual([
      expect.objectContaining({
        unitType: 'allowance',
        vintage: year,
        status: 'held',
        quantity: 60,
        locked: 0,
      }),
    ]);
    const buyerPosition = await fromEveryPeer<Position>(
      [...supervisors, trader2],
      'Market:GetPosition',
      buyer,
    );
    // The buy limit was 5100 but the resting sell set the price: 60 × 50.00 paid, the rest of the escrow released.
    expect(buyerPosition.funds).toEqual({
      available: String(1_000_000 - 5000 * 60),
      locked: '0',
      total: String(1_000_000 - 5000 * 60),
    });
    expect(buyerPosition.openOrders).toEqual([]);
    const sellerPosition = await fromEveryPeer<Position>(
      [...supervisors, trader1],
      'Market:GetPosition',
      seller,
    );
    expect(sellerPosition.funds.available).toBe(String(5000 * 60));
    expect(sellerPosition.lockedUnits).toBe(40);
    const day = new Date().toISOString().slice(0, 10);
    const trades = await fromEveryPeer<TradeView[]>(
      supervisors,
      'Market:GetTrades',
      JSON.stringify({ instrument, day }),
    );
    expect(trades).toEqual([expect.objectContaining({ price: 5000, quantity: 60, value: '300000' })]);
  });

  test('200 orders placed concurrently by 20 accounts: at least 99 % commit at the first attempt', async () => {
    const accounts = Array.from({ length: 20 }, (_, i) => ({
      id: `CONC-${year}-${i}`,
      entity: i % 2 === 0 ? 'ENT1' : 'ENT2',
    }));
    await Promise.all(
      accounts.map((a) =>
        regulator.submit('Registry:OpenAccount', { kind: 'trading', id: a.id, entityId: a.entity }),
      ),
    );
    // Ten separate cash entries per account, so each of its ten buy orders spends its own entry.
    const entries = await Promise.all(
      accounts.flatMap((a) =>
        Array.from({ length: 10 }, (_, n) =>
          regulator
            .submit<CashEntry>('Funds:Deposit', {
              accountId: a.id,
              amount: '100000',
              reference: `deposit ${n}`,
            })
            .then((entry) => ({ account: a, entryId: entry.id, n })),
        ),
      ),
    );
    const connections = {
      ENT1: connectAs({ organization: 'Enterprise1', user: 'trader1' }),
      ENT2: connectAs({ organization: 'Enterprise2', user: 'trader2' }),
    };
    try {
      const codes = await Promise.all(
        entries.map(async ({ account, entryId, n }) => {
          const request = {
            accountId: account.id,
            side: 'buy',
            instrument,
            price: 4900 + n,
            quantity: 10,
            cashEntryIds: [entryId],
          };
          const connection = connections[account.entity as 'ENT1' | 'ENT2'];
          const submitted = await connection.contract.submitAsync('Market:PlaceOrder', {
            arguments: [JSON.stringify(request)],
          });
          const status = await submitted.getStatus();
          if (status.successful) noteCommitted(status.blockNumber);
          return status.code;
        }),
      );
      const firstAttempt = codes.filter((code) => code === StatusCode.VALID).length;
      process.stderr.write(`[market] ${firstAttempt}/200 orders committed at the first attempt\n`);
      expect(codes).toHaveLength(200);
      expect(firstAttempt / codes.length).toBeGreaterThanOrEqual(0.99);
    } finally {
      connections.ENT1.close();
      connections.ENT2.close();
    }
    const book = await auditor.evaluate<OrderBook>('Market:GetOrderBook', instrument);
    expect(book.bids.reduce((sum, level) => sum + level.quantity, 0)).toBeGreaterThanOrEqual(200 * 10);
  });
});
