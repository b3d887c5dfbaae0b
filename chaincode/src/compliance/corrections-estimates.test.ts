import type { ComplianceStatusReport, EmissionsCorrectionResult } from '@carbon-ets/contract';
import { Users } from '../testing/identities';
import { acceptInst1Report, addEnt1Installation } from '../testing/cycle';
import { expectRefused } from '../testing/expect-refused';
import { cc, evaluate, Fixtures, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

const estimate = tx(cc.compliance, 'EstimateEmissions');
const correct = tx(cc.compliance, 'CorrectEmissions');
const close = tx(cc.compliance, 'ClosePeriod');
const surrender = tx(cc.compliance, 'Surrender');
const status = tx(cc.compliance, 'GetComplianceStatus');

const documents = [{ name: 'inspection.pdf', sha256: 'e'.repeat(64) }];
const period2026 = {
  ...Fixtures.period2025,
  year: 2026,
  deadlines: {
    reportBy: '2027-03-31T23:59:59Z',
    verifyBy: '2027-06-30T23:59:59Z',
    surrenderBy: '2027-09-30T23:59:59Z',
  },
};

async function statusOf(ledger: TestLedger, year: number, installationId: string) {
  return (await evaluate(
    ledger,
    Users.auditor,
    status,
    String(year),
    installationId,
  )) as ComplianceStatusReport;
}

function estimateInst2(ledger: TestLedger, tonnes = 90_000, period = 2025): Promise<unknown> {
  return submit(ledger, Users.regulator, estimate, {
    period,
    installationId: 'INST2',
    estimatedEmissions: tonnes,
    reason: 'no report: rated capacity × 8,760 h × conservative factor',
  });
}

/** INST1 accepted at 150,000 t with 100,000 surrendered, INST2 estimated at 90,000 t; 2025 closed. */
async function closed2025(): Promise<TestLedger> {
  const ledger = await standardScenario();
  await acceptInst1Report(ledger, 150_000, 'second unit ran all year');
  await submit(ledger, Users.operator1, surrender, {
    period: 2025,
    installationId: 'INST1',
    unitType: 'allowance',
    quantity: 100_000,
  });
  ledger.setTime('2026-10-01T00:00:00Z');
  await estimateInst2(ledger);
  await submit(ledger, Users.regulator, close, { period: 2025 });
  return ledger;
}

describe('estimates of emissions', () => {
  it('are refused before the reporting deadline, over an accepted report, and for a closed period', async () => {
    const ledger = await standardScenario();
    await acceptInst1Report(ledger);
    ledger.setTime('2026-03-31T23:59:59Z');
    await expectRefused(
      ledger,
      estimateInst2(ledger),
      'FAILED_PRECONDITION',
      /only after the reporting deadline/,
    );
    ledger.setTime('2026-04-01T00:00:00Z');
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, estimate, {
        period: 2025,
        installationId: 'INST1',
        estimatedEmissions: 5_000,
        reason: 'looks low',
      }),
      'FAILED_PRECONDITION',
      /INST1 has accepted verified emissions for 2025 \(3264 t\): correct them instead/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, estimate, {
        period: 2025,
        installationId: 'NOPE',
        estimatedEmissions: 1,
        reason: 'x',
      }),
      'NOT_FOUND',
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, estimate, {
        period: 2025,
        installationId: 'INST2',
        estimatedEmissions: 0,
        reason: 'x',
      }),
      'INVALID_ARGUMENT',
    );
    const closed = await closed2025();
    await expectRefused(closed, estimateInst2(closed, 1), 'FAILED_PRECONDITION', /2025 is closed/);
  });

  it('count as verified emissions: a non-reporter owes its estimate at close', async () => {
    const ledger = await standardScenario();
    await acceptInst1Report(ledger);
    ledger.setTime('2026-04-01T00:00:00Z');
    const first = (await estimateInst2(ledger, 80_000)) as ComplianceStatusReport;
    expect(first).toMatchObject({
      verifiedEmissions: 80_000,
      emissionsSource: 'estimate',
      obligation: 80_000,
      code: 'B',
    });
    expect(ledger.lastEvent()).toMatchObject({
      name: 'EmissionsEstimated',
      payload: { installationId: 'INST2', estimate: { tonnes: 80_000 } },
    });
    // A later estimate replaces the earlier one.
    await estimateInst2(ledger, 90_000);
    expect(await statusOf(ledger, 2025, 'INST2')).toMatchObject({
      verifiedEmissions: 90_000,
      balance: -90_000,
    });
    await submit(ledger, Users.operator1, surrender, {
      period: 2025,
      installationId: 'INST1',
      unitType: 'allowance',
      quantity: 3_264,
    });
    ledger.setTime('2026-10-01T00:00:00Z');
    const closing = (await submit(ledger, Users.regulator, close, { period: 2025 })) as {
      outcomes: unknown[];
    };
    expect(closing.outcomes).toEqual([
      { installationId: 'INST1', code: 'A', shortfall: 0, penalty: '0' },
      { installationId: 'INST2', code: 'B', shortfall: 90_000, penalty: '900000000' },
    ]);
    expect(await statusOf(ledger, 2025, 'INST2')).toMatchObject({
      emissionsSource: 'estimate',
      final: { code: 'B', shortfall: 90_000 },
    });
  });

  it('are replaced by a report accepted later, while the period is open', async () => {
    const ledger = await standardScenario();
    ledger.setTime('2026-04-01T00:00:00Z');
    await submit(ledger, Users.regulator, estimate, {
      period: 2025,
      installationId: 'INST1',
      estimatedEmissions: 9_999,
      reason: 'late',
    });
    await acceptInst1Report(ledger);
    expect(await statusOf(ledger, 2025, 'INST1')).toMatchObject({
      verifiedEmissions: 3_264,
      emissionsSource: 'report',
    });
  });
});

describe('closing a period with a non-reporter', () => {
  it('is refused, naming every covered installation with neither accepted nor estimated emissions', async () => {
    const ledger = await standardScenario();
    // INST3 has a holding account but no allocation: covered too.
    await addEnt1Installation(ledger, 'INST3', 'HOLD3', '300');
    await acceptInst1Report(ledger);
    ledger.setTime('2026-10-01T00:00:00Z');
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, close, { period: 2025 }),
      'FAILED_PRECONDITION',
      /2 covered installation\(s\) have neither accepted nor estimated emissions: INST2, INST3;/,
    );
    await estimateInst2(ledger);
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, close, { period: 2025 }),
      'FAILED_PRECONDITION',
      /emissions: INST3;/,
    );
    await submit(ledger, Users.regulator, estimate, {
      period: 2025,
      installationId: 'INST3',
      estimatedEmissions: 1_000,
      reason: 'no report',
    });
    const closing = (await submit(ledger, Users.regulator, close, { period: 2025 })) as {
      totalShortfall: number;
    };
    expect(closing.totalShortfall).toBe(3_264 + 90_000 + 1_000);
  });
});

describe('corrections of verified emissions', () => {
  it('while the period is open: the difference flows into the balance', async () => {
    const ledger = await standardScenario();
    await acceptInst1Report(ledger);
    const result = (await submit(ledger, Users.regulator, correct, {
      period: 2025,
      installationId: 'INST1',
      verifiedEmissions: 3_500,
      reason: 'meter recalibrated',
      documents,
    })) as EmissionsCorrectionResult;
    expect(result.status).toMatchObject({ verifiedEmissions: 3_500, obligation: 3_500, balance: -3_500 });
    expect(result.correction).toMatchObject({
      previousTonnes: 3_264,
      tonnes: 3_500,
      carriedTo: null,
      carriedTonnes: 0,
      documents,
    });
    expect(ledger.lastEvent()?.name).toBe('EmissionsCorrected');
  });

  it('refuses installations without emissions, unchanged figures and unknown periods', async () => {
    const ledger = await standardScenario();
    await acceptInst1Report(ledger);
    const request = { period: 2025, installationId: 'INST2', verifiedEmissions: 10, reason: 'r', documents };
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, correct, request),
      'FAILED_PRECONDITION',
      /INST2 has no accepted or estimated emissions for 2025 to correct/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, correct, {
        ...request,
        installationId: 'INST1',
        verifiedEmissions: 3_264,
      }),
      'FAILED_PRECONDITION',
      /already 3264 t/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, correct, { ...request, period: 2030 }),
      'NOT_FOUND',
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, correct, { ...request, installationId: 'INST1', documents: [] }),
      'INVALID_ARGUMENT',
    );
  });

  it('of a closed period: its outcome stays, the difference is carried into the next period', async () => {
    const ledger = await closed2025();
    const before = await statusOf(ledger, 2025, 'INST1');
    expect(before.final).toMatchObject({ code: 'B', shortfall: 50_000 });
    const up = (await submit(ledger, Users.regulator, correct, {
      period: 2025,
      installationId: 'INST1',
      verifiedEmissions: 160_000,
      reason: 'third unit found at inspection',
      documents,
    })) as EmissionsCorrectionResult;
    expect(up.correction).toMatchObject({ carriedTo: 2026, carriedTonnes: 10_000 });
    const corrected = await statusOf(ledger, 2025, 'INST1');
    expect(corrected).toMatchObject({ verifiedEmissions: 160_000, final: before.final });
    // The next period is created after the correction: the carried records wait for it.
    await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), period2026);
    expect(await statusOf(ledger, 2026, 'INST1')).toMatchObject({
      carriedShortfall: 50_000,
      carriedAdjustment: 10_000,
      obligation: 60_000,
      balance: -60_000,
      code: 'C',
    });
    // A correction downwards gives back.
    await submit(ledger, Users.regulator, correct, {
      period: 2025,
      installationId: 'INST1',
      verifiedEmissions: 145_000,
      reason: 'inspection figure revised',
      documents,
    });
    expect(await statusOf(ledger, 2026, 'INST1')).toMatchObject({
      carriedAdjustment: -5_000,
      obligation: 45_000,
    });
  });

  it('of a closed period whose next period is closed too is carried into the first open one', async () => {
    const ledger = await closed2025();
    await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), period2026);
    ledger.setTime('2027-10-01T00:00:00Z');
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, close, { period: 2026 }),
      'FAILED_PRECONDITION',
      /INST1, INST2/,
    );
    for (const installationId of ['INST1', 'INST2']) {
      await submit(ledger, Users.regulator, estimate, {
        period: 2026,
        installationId,
        estimatedEmissions: 1_000,
        reason: 'no report',
      });
    }
    await submit(ledger, Users.regulator, close, { period: 2026 });
    const closed2026 = await statusOf(ledger, 2026, 'INST1');
    const result = (await submit(ledger, Users.regulator, correct, {
      period: 2025,
      installationId: 'INST1',
      verifiedEmissions: 140_000,
      reason: 'meter recalibrated after both periods closed',
      documents,
    })) as EmissionsCorrectionResult;
    expect(result.correction).toMatchObject({ carriedTo: 2027, carriedTonnes: -10_000 });
    // The closed 2026 keeps its outcome; 2027 (not yet created) holds the difference until it is.
    expect(await statusOf(ledger, 2026, 'INST1')).toEqual(closed2026);
    await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), {
      ...period2026,
      year: 2027,
      deadlines: {
        reportBy: '2028-03-31T00:00:00Z',
        verifyBy: '2028-04-30T00:00:00Z',
        surrenderBy: '2028-09-30T00:00:00Z',
      },
    });
    expect(await statusOf(ledger, 2027, 'INST1')).toMatchObject({ carriedAdjustment: -10_000 });
  });
});
