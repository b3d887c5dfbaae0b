import { Users } from './identities';
import { cc, Fixtures, submit, tx } from './scenario';
import type { TestLedger } from './test-ledger';

/**
 * Period 2026 (the 2025 fixture a year on) with a carbon index on the standard factor set (`IPCC2006` has no
 * oil: lignite stands in for it), and the threshold when given.
 */
export async function createCarbonIndexPeriod(
  ledger: TestLedger,
  thresholdBasisPoints?: number,
): Promise<void> {
  await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), {
    ...Fixtures.period2025,
    year: 2026,
    deadlines: { reportBy: '2027-03-31', verifyBy: '2027-06-30', surrenderBy: '2027-09-30' },
    carbonIndex: {
      factorSetId: 'IPCC2006',
      factorSetVersion: 1,
      fuels: { coal: 'coal', oil: 'lignite', gas: 'natural_gas' },
      ...(thresholdBasisPoints === undefined ? {} : { thresholdBasisPoints }),
    },
  });
}
