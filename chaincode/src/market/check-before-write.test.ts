import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import { market, marketScenario, placeOrder } from '../testing/market';
import { submit } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

/**
 * Settlement checks that the seller's locked lots cover the trade before its first write, so that even on a
 * ledger whose locked lots went missing the refusal attempts no write (the test ledger fails any transaction
 * that writes and then fails). The lots are removed by hand here: no transaction can do that.
 */
describe('settlement checks the locked lots before writing anything', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await marketScenario();
  });

  /** Deletes lots of an account behind the chaincode's back. */
  async function loseLots(ledger: TestLedger, accountId: string, lotIds: readonly string[]): Promise<void> {
    await ledger.submit(Users.regulator, async (ctx) => {
      for (const lotId of lotIds)
        await ctx.stub.deleteState(ctx.stub.createCompositeKey('lot', [accountId, lotId]));
    });
  }

  it('Match: refused before expiring orders or settling any fill', async () => {
    const ledger = base.fork();
    // A day order of yesterday, which a successful clearing today would expire (a write).
    const stale = await placeOrder(ledger, 'TRADE2', 'sell', 10_000, 5);
    ledger.setTime('2025-01-16T09:00:00Z');
    const sell = (await placeOrder(ledger, 'TRADE1', 'sell', 10_000, 10)) as unknown as {
      id: string;
      lockedLotIds: string[];
    };
    await placeOrder(ledger, 'TRADE2', 'buy', 10_000, 10);
    await loseLots(ledger, 'TRADE1', sell.lockedLotIds);
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, market.match, { instrument: 'allowance-2025' }),
      'FAILED_PRECONDITION',
      'the lots given hold 0 units, 10 needed',
    );
    // Nothing happened: the stale order is still open.
    const position = (await submit(ledger, Users.trader2, market.position, 'TRADE2')) as {
      openOrders: { id: string }[];
    };
    expect(position.openOrders.map((o) => o.id)).toContain(stale.id);
  });

  it('AcceptTrade: refused before the buyer is debited', async () => {
    const ledger = base.fork();
    const proposal = (await submit(ledger, Users.trader1, market.propose, {
      accountId: 'TRADE1',
      buyerEntityId: 'ENT2',
      instrument: 'allowance-2025',
      price: 10_000,
      quantity: 100,
    })) as { id: string; lockedLotIds: string[] };
    await loseLots(ledger, 'TRADE1', proposal.lockedLotIds);
    await expectRefused(
      ledger,
      submit(ledger, Users.trader2, market.accept, { proposalId: proposal.id, accountId: 'TRADE2' }),
      'FAILED_PRECONDITION',
      'the lots given hold 0 units, 100 needed',
    );
  });
});
