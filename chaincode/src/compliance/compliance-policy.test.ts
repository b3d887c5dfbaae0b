import { obligationCapOf, type CompliancePeriod, type SurrenderResult } from '@carbon-ets/contract';
import { Users } from '../testing/identities';
import { acceptInst1Report } from '../testing/cycle';
import { expectRefused } from '../testing/expect-refused';
import { allocateFixed, cc, evaluate, Fixtures, registerParticipants, submit, tx } from '../testing/scenario';
import { TestLedger } from '../testing/test-ledger';

const surrender = tx(cc.compliance, 'Surrender');
const close = tx(cc.compliance, 'ClosePeriod');
const createPeriod = tx(cc.period, 'CreatePeriod');

/** The standard scenario with a compliance policy for 2025 (and, when asked, a 2026 vintage allocated to INST1). */
async function policyScenario(policy: Record<string, unknown>, vintage2026 = 0): Promise<TestLedger> {
  const ledger = new TestLedger();
  await registerParticipants(ledger);
  const regulator = Users.regulator;
  await submit(ledger, regulator, createPeriod, { ...Fixtures.period2025, ...policy });
  await submit(ledger, regulator, tx(cc.period, 'PublishFactorSet'), Fixtures.factorSet);
  await submit(ledger, regulator, tx(cc.allowance, 'IssueAllowances'), { period: 2025, quantity: 500_000 });
  for (const [installationId, quantity] of [
    ['INST1', 100_000],
    ['INST2', 80_000],
  ] as const) {
    await allocateFixed(ledger, 2025, installationId, quantity);
  }
  if (vintage2026 > 0) {
    await submit(ledger, regulator, createPeriod, {
      ...Fixtures.period2025,
      year: 2026,
      deadlines: { reportBy: '2027-03-31', verifyBy: '2027-06-30', surrenderBy: '2027-09-30' },
    });
    await submit(ledger, regulator, tx(cc.allowance, 'IssueAllowances'), {
      period: 2026,
      quantity: vintage2026,
    });
    await allocateFixed(ledger, 2026, 'INST1', vintage2026);
  }
  return ledger;
}

const give = (quantity: number, extra: Record<string, unknown> = {}) => ({
  period: 2025,
  installationId: 'INST1',
  unitType: 'allowance',
  quantity,
  ...extra,
});

describe('the gap cap', () => {
  it('is floor(allocation × (10000 + cap) / 10000), none without a cap or an allocation', () => {
    expect(obligationCapOf(2_000, 100_000)).toBe(120_000);
    expect(obligationCapOf(2_000, 7)).toBe(8); // 8.4, rounded down
    expect(obligationCapOf(0, 7)).toBe(7);
    expect(obligationCapOf(10_000, 9_007_199_254_740)).toBe(18_014_398_509_480);
    expect(obligationCapOf(undefined, 100)).toBeUndefined();
    expect(obligationCapOf(2_000, undefined)).toBeUndefined();
  });

  it('limits the obligation to 120 % of the free allocation, at close too', async () => {
    const ledger = await policyScenario({ obligationCapBasisPoints: 2_000 });
    await acceptInst1Report(ledger, 150_000, 'second unit ran all year');
    const status = await evaluate(
      ledger,
      Users.auditor,
      tx(cc.compliance, 'GetComplianceStatus'),
      '2025',
      'INST1',
    );
    expect(status).toMatchObject({ verifiedEmissions: 150_000, obligationCap: 120_000, obligation: 120_000 });
    await submit(ledger, Users.operator1, surrender, give(100_000));
    ledger.setTime('2026-10-01T00:00:00Z');
    await submit(ledger, Users.regulator, tx(cc.compliance, 'EstimateEmissions'), {
      period: 2025,
      installationId: 'INST2',
      estimatedEmissions: 50_000,
      reason: 'no report',
    });
    const closing = (await submit(ledger, Users.regulator, close, { period: 2025 })) as {
      outcomes: { installationId: string; shortfall: number }[];
    };
    // INST1: 120,000 − 100,000; INST2 is below its cap (96,000): its estimate counts whole.
    expect(closing.outcomes.map((o) => [o.installationId, o.shortfall])).toEqual([
      ['INST1', 20_000],
      ['INST2', 50_000],
    ]);
  });
});

describe('borrowing from the next vintage', () => {
  it('is off by default', async () => {
    const ledger = await policyScenario({}, 1_000);
    await acceptInst1Report(ledger);
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, surrender, give(1, { vintage: 2026 })),
      'FAILED_PRECONDITION',
      /2025 does not allow borrowing from vintage 2026/,
    );
  });

  it('is limited to the share of the obligation, for allowances of vintage period + 1 only', async () => {
    const ledger = await policyScenario({ borrowingLimitBasisPoints: 1_000 }, 1_000);
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, surrender, give(1, { vintage: 2026 })),
      'FAILED_PRECONDITION',
      /has no verified emissions for 2025/,
    );
    await acceptInst1Report(ledger);
    // 10 % of 3,264 t = 326.4: 326 t.
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, surrender, give(327, { vintage: 2026 })),
      'FAILED_PRECONDITION',
      /limited to 326 t for INST1 in 2025 \(1000 bp of an obligation of 3264 t\); 0 t already borrowed/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, surrender, give(1, { vintage: 2027 })),
      'FAILED_PRECONDITION',
      /vintage 2027 cannot cover 2025/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, surrender, give(1, { vintage: 2026, unitType: 'offset' })),
      'INVALID_ARGUMENT',
      /only allowances can be borrowed/,
    );
    const result = (await submit(
      ledger,
      Users.operator1,
      surrender,
      give(326, { vintage: 2026 }),
    )) as SurrenderResult;
    expect(result.lots.every((lot) => lot.vintage === 2026)).toBe(true);
    expect(result.status).toMatchObject({ borrowedAllowances: 326, surrenderedAllowances: 326 });
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, surrender, give(1, { vintage: 2026 })),
      'FAILED_PRECONDITION',
      /326 t already borrowed/,
    );
    // The rest from vintage 2025, by vintage or not.
    await submit(ledger, Users.operator1, surrender, give(1_000, { vintage: 2025 }));
    const rest = (await submit(ledger, Users.operator1, surrender, give(1_938))) as SurrenderResult;
    expect(rest.status).toMatchObject({ balance: 0, code: 'A' });
  });
});

describe('over-surrender', () => {
  it('is accepted with a warning by default', async () => {
    const ledger = await policyScenario({});
    const period = (await evaluate(
      ledger,
      Users.auditor,
      tx(cc.period, 'GetPeriod'),
      '2025',
    )) as CompliancePeriod;
    expect(period).toMatchObject({ borrowingLimitBasisPoints: 0, overSurrender: 'warned' });
    expect(period.obligationCapBasisPoints).toBeUndefined();
    await acceptInst1Report(ledger);
    const result = (await submit(ledger, Users.operator1, surrender, give(3_265))) as SurrenderResult;
    expect(result.status.balance).toBe(1);
    expect(result.warning).toMatch(/beyond its 2025 obligation of 3264 t by 1 t/);
    expect(ledger.lastEvent()?.payload).toMatchObject({ warning: result.warning });
  });

  it('is refused when the period says so; surrendering ahead of the emissions is not an over-surrender', async () => {
    const ledger = await policyScenario({ overSurrender: 'refused' });
    await submit(ledger, Users.operator1, surrender, give(3_000));
    await acceptInst1Report(ledger);
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, surrender, give(265)),
      'FAILED_PRECONDITION',
      /by 1 t \(3000 t surrendered before\); period 2025 refuses over-surrenders/,
    );
    const result = (await submit(ledger, Users.operator1, surrender, give(264))) as SurrenderResult;
    expect(result.warning).toBeUndefined();
    await expectRefused(ledger, submit(ledger, Users.operator1, surrender, give(1)), 'FAILED_PRECONDITION');
  });

  it('policy values are checked', async () => {
    const ledger = new TestLedger();
    for (const policy of [
      { overSurrender: 'ignored' },
      { borrowingLimitBasisPoints: 10_001 },
      { obligationCapBasisPoints: -1 },
    ]) {
      await expectRefused(
        ledger,
        submit(ledger, Users.regulator, createPeriod, { ...Fixtures.period2025, ...policy }),
        'INVALID_ARGUMENT',
      );
    }
  });
});
