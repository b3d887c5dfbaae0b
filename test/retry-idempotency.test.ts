import {
  connectAs,
  submit,
  TransactionError,
  type AccountHoldings,
  type FundsBalance,
} from '@carbon-ets/gateway-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureBaseline, firstFreePeriodYear, periodWithTradingAccounts } from './support/baseline';
import { participant, type Participant } from './support/participants';

/** Retries on MVCC conflicts and request ids, on the real network. */
describe('retry and idempotency', () => {
  let regulator: Participant;
  let trader1: Participant;
  let year = 0;
  let account = '';
  let sink = '';

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    trader1 = participant('Enterprise1', 'trader1');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2070);
    account = `RETRY-${year}`;
    sink = `RETRY-${year}-SINK`;
    await periodWithTradingAccounts(
      regulator,
      year,
      [
        { id: account, entityId: 'ENT1' },
        { id: sink, entityId: 'ENT1' },
      ],
      1_000,
      1_000,
    );
  });

  afterAll(() => {
    regulator.connection.close();
    trader1.connection.close();
  });

  test('a request replayed after a commit-status timeout is applied once', async () => {
    const requestId = `deposit-${year}-1`;
    const request = JSON.stringify({ accountId: account, amount: '12345', reference: 'wire 1' });
    // A deadline so short that the client gives up waiting, although the transaction goes on to commit.
    const impatient = connectAs({
      organization: 'Regulator',
      user: 'regulator1',
      commitWait: { perTryMs: 1, totalMs: 1 },
    });
    try {
      const timedOut = submit(impatient.contract, 'Funds:Deposit', {
        arguments: [request],
        requestId,
        commitWait: impatient.commitWait,
      });
      await expect(timedOut).rejects.toMatchObject({ kind: 'OUTCOME_UNKNOWN' });
    } finally {
      impatient.close();
    }
    await sleep(2000);
    // The client does not know whether it committed, so it sends the same request again.
    const replay = submit(regulator.connection.contract, 'Funds:Deposit', {
      arguments: [request],
      requestId,
    });
    await expect(replay).rejects.toBeInstanceOf(TransactionError);
    await expect(replay).rejects.toMatchObject({ kind: 'REJECTED', code: 'CONFLICT' });
    await expect(replay).rejects.toHaveProperty(
      'reason',
      expect.stringMatching(new RegExp(`^request ${requestId} was already applied by transaction`)),
    );
    const balance = await regulator.evaluate<FundsBalance>('Funds:GetBalance', account);
    expect(balance.available).toBe('12345');
  });

  test('concurrent transfers from one account all end committed or with a clear conflict error', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        submit(trader1.connection.contract, 'Allowance:Transfer', {
          arguments: [JSON.stringify({ fromAccount: account, toAccount: sink, quantity: 1 })],
          maxAttempts: 8,
          backoffMs: 200,
        }),
      ),
    );
    const committed = outcomes.filter((o) => o.status === 'fulfilled');
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect(outcome.reason).toBeInstanceOf(TransactionError);
        expect((outcome.reason as TransactionError).kind).toBe('CONFLICT');
      }
    }
    expect(committed.length).toBeGreaterThan(0);
    const received = await trader1.evaluate<AccountHoldings>('Query:GetHoldings', sink);
    expect(received.holdings.reduce((sum, h) => sum + h.quantity, 0)).toBe(committed.length);
    const left = await trader1.evaluate<AccountHoldings>('Query:GetHoldings', account);
    expect(left.holdings.reduce((sum, h) => sum + h.quantity, 0)).toBe(1_000 - committed.length);
  });
});
