import { Users } from '../testing/identities';
import { acceptInst1Report, issueOffsetsToEnt1 } from '../testing/cycle';
import { expectRefused } from '../testing/expect-refused';
import { allocateFixed, cc, evaluate, Fixtures, standardScenario, submit, tx } from '../testing/scenario';
import type { Lot } from '../units/lot';
import { complianceStatus } from './compliance-record';

const surrender = tx(cc.compliance, 'Surrender');
const status = tx(cc.compliance, 'GetComplianceStatus');
const close = tx(cc.compliance, 'ClosePeriod');
const transfer = tx(cc.allowance, 'Transfer');
const estimate = tx(cc.compliance, 'EstimateEmissions');

describe('compliance status', () => {
  it('is A when covered, B when short, C without verified emissions', () => {
    const base = {
      period: 2025,
      installationId: 'I',
      surrenderedAllowances: 10,
      surrenderedOffsets: 0,
      carriedShortfall: 0,
    };
    expect(complianceStatus(base).code).toBe('C');
    expect(complianceStatus({ ...base, verifiedEmissions: 10 })).toMatchObject({ code: 'A', balance: 0 });
    expect(complianceStatus({ ...base, verifiedEmissions: 10, carriedShortfall: 5 })).toMatchObject({
      code: 'B',
      balance: -5,
      obligation: 15,
    });
  });
});

describe('Compliance', () => {
  it('surrenders allowances and offsets to the deletion account for good', async () => {
    const ledger = await standardScenario();
    await issueOffsetsToEnt1(ledger);
    await acceptInst1Report(ledger);
    await submit(ledger, Users.trader1, tx(cc.offset, 'TransferOffsets'), {
      fromAccount: 'TRADE1',
      toAccount: 'HOLD1',
      quantity: 500,
    });
    // Offsets: at most 5 % of 3,264 t = 163 t.
    await expect(
      submit(ledger, Users.operator1, surrender, {
        period: 2025,
        installationId: 'INST1',
        unitType: 'offset',
        quantity: 164,
      }),
    ).rejects.toThrow('offsets are limited to 163 t');
    const offsetResult = (await submit(ledger, Users.operator1, surrender, {
      period: 2025,
      installationId: 'INST1',
      unitType: 'offset',
      quantity: 163,
    })) as { lots: Lot[] };
    expect(offsetResult.lots[0]).toMatchObject({
      accountId: 'NATIONAL-DELETION',
      status: 'surrendered',
      projectId: 'PRJ1',
    });
    await expect(
      submit(ledger, Users.operator1, surrender, {
        period: 2025,
        installationId: 'INST1',
        unitType: 'offset',
        quantity: 1,
      }),
    ).rejects.toThrow('163 t already surrendered');
    const result = (await submit(ledger, Users.operator1, surrender, {
      period: 2025,
      installationId: 'INST1',
      unitType: 'allowance',
      quantity: 3_101,
    })) as { status: { code: string; balance: number }; lots: Lot[] };
    expect(result.status).toMatchObject({ code: 'A', balance: 0 });
    expect(result.lots[0]).toMatchObject({
      surrender: { period: 2025, installationId: 'INST1', late: false },
    });
    expect(ledger.lastEvent()).toMatchObject({ name: 'UnitsSurrendered', payload: { quantity: 3_101 } });
    // Surrendered lots never move again, not even by the regulator.
    const surrenderedLot = result.lots[0]?.id ?? '';
    await expect(
      submit(ledger, Users.regulator, transfer, {
        fromAccount: 'NATIONAL-DELETION',
        toAccount: 'NATIONAL-ALLOCATION',
        quantity: 1,
        lotIds: [surrenderedLot],
      }),
    ).rejects.toThrow('never leave it');
    expect(await evaluate(ledger, Users.auditor, status, '2025', 'INST1')).toMatchObject({
      code: 'A',
      surrendered: 3_264,
      final: null,
    });
  });

  it('refuses offsets before verified emissions, future vintages and other operators', async () => {
    const ledger = await standardScenario();
    await issueOffsetsToEnt1(ledger);
    await submit(ledger, Users.trader1, tx(cc.offset, 'TransferOffsets'), {
      fromAccount: 'TRADE1',
      toAccount: 'HOLD1',
      quantity: 10,
    });
    await expect(
      submit(ledger, Users.operator1, surrender, {
        period: 2025,
        installationId: 'INST1',
        unitType: 'offset',
        quantity: 1,
      }),
    ).rejects.toThrow('offsets count only against accepted verified emissions');
    await expect(
      submit(ledger, Users.operator2, surrender, {
        period: 2025,
        installationId: 'INST1',
        unitType: 'allowance',
        quantity: 1,
      }),
    ).rejects.toThrow('FORBIDDEN');
    // Vintage 2026 allowances cannot cover 2025.
    await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), {
      ...Fixtures.period2025,
      year: 2026,
      deadlines: { reportBy: '2027-03-31', verifyBy: '2027-06-30', surrenderBy: '2027-09-30' },
    });
    await submit(ledger, Users.regulator, tx(cc.allowance, 'IssueAllowances'), {
      period: 2026,
      quantity: 10,
    });
    await allocateFixed(ledger, 2026, 'INST2', 10);
    const holding = (await evaluate(ledger, Users.operator2, tx(cc.query, 'GetHoldings'), 'HOLD2')) as {
      holdings: { vintage: number; lots: { id: string }[] }[];
    };
    const lot2026 = holding.holdings.find((h) => h.vintage === 2026)?.lots[0]?.id ?? '';
    await expect(
      submit(ledger, Users.operator2, surrender, {
        period: 2025,
        installationId: 'INST2',
        unitType: 'allowance',
        quantity: 10,
        lotIds: [lot2026],
      }),
    ).rejects.toThrow('does not match what was asked: allowances of vintage ≤ 2025');
  });

  it('answers NOT_FOUND for a period that does not exist, rather than a code C', async () => {
    const ledger = await standardScenario();
    expect(await evaluate(ledger, Users.auditor, status, '2025', 'INST1')).toMatchObject({ code: 'C' });
    await expect(evaluate(ledger, Users.auditor, status, '2031', 'INST1')).rejects.toThrow(
      /^NOT_FOUND: compliance period 2031 does not exist$/,
    );
    await expect(evaluate(ledger, Users.operator1, status, '2024', 'INST1')).rejects.toThrow(
      'NOT_FOUND: compliance period 2024 does not exist',
    );
  });

  it('closes a period after the deadline with shortfall, penalty and carry-over', async () => {
    const ledger = await standardScenario();
    await acceptInst1Report(ledger, 150_000, 'second unit ran all year; the report left it out');
    await submit(ledger, Users.operator1, surrender, {
      period: 2025,
      installationId: 'INST1',
      unitType: 'allowance',
      quantity: 100_000,
    });
    await expect(submit(ledger, Users.regulator, close, { period: 2025 })).rejects.toThrow(
      'can be closed only after',
    );
    ledger.setTime('2026-10-01T00:00:00Z');
    const late = (await submit(ledger, Users.operator2, surrender, {
      period: 2025,
      installationId: 'INST2',
      unitType: 'allowance',
      quantity: 5,
    })) as { lots: Lot[] };
    expect(late.lots[0]?.surrender?.late).toBe(true);
    // INST2 never reported: closing is refused until the regulator estimates its emissions.
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, close, { period: 2025 }),
      'FAILED_PRECONDITION',
      /neither accepted nor estimated emissions: INST2;/,
    );
    await submit(ledger, Users.regulator, estimate, {
      period: 2025,
      installationId: 'INST2',
      estimatedEmissions: 90_000,
      reason: 'no report: rated capacity × 8,760 h × conservative factor',
    });
    const result = (await submit(ledger, Users.regulator, close, { period: 2025 })) as {
      totalShortfall: number;
      outcomes: { installationId: string; code: string; shortfall: number; penalty: string }[];
    };
    expect(result.outcomes).toEqual([
      { installationId: 'INST1', code: 'B', shortfall: 50_000, penalty: '500000000' },
      // The non-reporter owes its estimate: 90,000 t − 5 t surrendered.
      { installationId: 'INST2', code: 'B', shortfall: 89_995, penalty: '899950000' },
    ]);
    expect(ledger.lastEvent()?.name).toBe('PeriodClosed');
    expect(await evaluate(ledger, Users.operator1, status, '2025', 'INST1')).toMatchObject({
      final: { code: 'B', shortfall: 50_000, penalty: '500000000', currency: 'EUR' },
    });
    // The shortfall is carried into 2026 before that period exists; its status is shown once it does.
    await expect(evaluate(ledger, Users.operator1, status, '2026', 'INST1')).rejects.toThrow(
      'NOT_FOUND: compliance period 2026 does not exist',
    );
    await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), {
      ...Fixtures.period2025,
      year: 2026,
      deadlines: { reportBy: '2027-03-31', verifyBy: '2027-06-30', surrenderBy: '2027-09-30' },
    });
    expect(await evaluate(ledger, Users.operator1, status, '2026', 'INST1')).toMatchObject({
      carriedShortfall: 50_000,
      obligation: 50_000,
      code: 'C',
    });
    await expect(submit(ledger, Users.regulator, close, { period: 2025 })).rejects.toThrow('already closed');
    await expect(
      submit(ledger, Users.operator1, surrender, {
        period: 2025,
        installationId: 'INST1',
        unitType: 'allowance',
        quantity: 1,
      }),
    ).rejects.toThrow('compliance period 2025 is closed');
    await expect(
      submit(ledger, Users.regulator, tx(cc.allowance, 'IssueAllowances'), { period: 2025, quantity: 1 }),
    ).rejects.toThrow('is closed');
    await expect(evaluate(ledger, Users.operator1, status, '2025', 'NOPE')).rejects.toThrow('NOT_FOUND');
  });
});
