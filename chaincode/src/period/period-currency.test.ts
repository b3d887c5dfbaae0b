import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import { cc, evaluate, Fixtures, submit, tx } from '../testing/scenario';
import { TestLedger } from '../testing/test-ledger';

const create = tx(cc.period, 'CreatePeriod');
const getPeriod = tx(cc.period, 'GetPeriod');

/** The fixture without its currency, as a regulator who accepts the default sends it. */
function withoutCurrency(): Record<string, unknown> {
  const request: Record<string, unknown> = { ...Fixtures.period2025 };
  delete request.currency;
  return request;
}

describe('Period currency', () => {
  it('is CNY unless the period names another, for prices, funds and penalties alike', async () => {
    const ledger = new TestLedger();
    await submit(ledger, Users.regulator, create, withoutCurrency());
    await submit(ledger, Users.regulator, create, { ...Fixtures.period2025, year: 2026, currency: 'EUR' });
    expect(await evaluate(ledger, Users.auditor, getPeriod, '2025')).toMatchObject({ currency: 'CNY' });
    expect(await evaluate(ledger, Users.auditor, getPeriod, '2026')).toMatchObject({ currency: 'EUR' });
  });

  it.each([['eur'], ['EURO'], ['CN'], ['C1Y'], [''], [978]])(
    'refuses %j as a currency, writing nothing',
    async (currency) => {
      const ledger = new TestLedger();
      await expectRefused(
        ledger,
        submit(ledger, Users.regulator, create, { ...withoutCurrency(), currency }),
        'INVALID_ARGUMENT',
        'period.currency must be an ISO 4217 currency code of three capital letters, e.g. CNY',
      );
    },
  );
});
