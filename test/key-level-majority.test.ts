import { submit, TransactionError, type FundsBalance } from '@carbon-ets/gateway-client';
import { ensureBaseline, firstFreePeriodYear, periodWithTradingAccounts } from './support/baseline';
import { noteCommitted, participant, type Participant } from './support/participants';

/**
 * A key with a key-level policy is validated against that policy instead of the chaincode's majority. A
 * withdrawal of whole cash entries writes nothing but deletions of the owner's keys, so it is exactly such a
 * transaction: endorsed by the owner's peer alone (or with one other) it must not commit.
 */
describe("key-level policies: the owner's organisation and a majority with it", () => {
  let regulator: Participant;
  let owner: Participant;
  let account = '';

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    await ensureBaseline(regulator);
    const year = await firstFreePeriodYear(regulator, 2180);
    account = `KLM-${year}`;
    await periodWithTradingAccounts(regulator, year, [{ id: account, entityId: 'ENT1' }], 10, 10);
    await regulator.submit('Funds:Deposit', { accountId: account, amount: '5000', reference: 'wire' });
    // The withdrawals below are endorsed on Enterprise1's peer: it must hold the deposit first (read-your-writes).
    owner = participant('Enterprise1', 'trader1');
    expect((await owner.evaluate<FundsBalance>('Funds:GetBalance', account)).available).toBe('5000');
  });

  afterAll(() => {
    regulator.connection.close();
    owner.connection.close();
  });

  const withdrawAll = (endorsingOrganizations?: readonly string[]) =>
    submit(regulator.connection.contract, 'Funds:Withdraw', {
      arguments: [JSON.stringify({ accountId: account, amount: '5000', reference: 'payout' })],
      ...(endorsingOrganizations === undefined ? {} : { endorsingOrganizations }),
    });

  test.each([[['Enterprise1MSP']], [['Enterprise1MSP', 'RegulatorMSP']]])(
    'endorsed by %j only, the withdrawal fails validation and the funds stay',
    async (endorsers) => {
      const refused = withdrawAll(endorsers);
      await expect(refused).rejects.toBeInstanceOf(TransactionError);
      await expect(refused).rejects.toMatchObject({
        kind: 'INVALID',
        message: expect.stringContaining('ENDORSEMENT_POLICY_FAILURE') as unknown,
      });
      const balance = await regulator.evaluate<FundsBalance>('Funds:GetBalance', account);
      expect(balance.available).toBe('5000');
    },
  );

  test('endorsed as the Gateway plans it (the owner and two others), it commits', async () => {
    const outcome = await withdrawAll();
    noteCommitted(outcome.blockNumber);
    const balance = await regulator.evaluate<FundsBalance>('Funds:GetBalance', account);
    expect(balance.available).toBe('0');
  });
});
