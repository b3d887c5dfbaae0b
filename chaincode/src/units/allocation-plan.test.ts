import type {
  AllocationPlanLine,
  AllocationResult,
  AllocationView,
  ComplianceStatusReport,
  PeriodClosing,
  SupplySummary,
} from '@carbon-ets/contract';
import { addEnt1Installation } from '../testing/cycle';
import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import { cc, evaluate, Fixtures, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

const setPlan = tx(cc.allowance, 'SetAllocationPlan');
const preAllocate = tx(cc.allowance, 'PreAllocate');
const trueUp = tx(cc.allowance, 'TrueUp');
const giveBack = tx(cc.allowance, 'ReturnAllocation');
const getAllocation = tx(cc.allowance, 'GetAllocation');
const estimate = tx(cc.compliance, 'EstimateEmissions');
const close = tx(cc.compliance, 'ClosePeriod');

const INST3 = { period: 2025, installationId: 'INST3' };
/** Gas benchmark (0.392 t/MWh) × 0.95; pre-allocation 70 % of last year's 10,000 t; ceiling 50,000 t. */
const benchmarkLine = {
  installationId: 'INST3',
  method: 'benchmark',
  benchmarkId: 'gas',
  correctionFactors: ['0.95'],
  preAllocationBase: 10_000,
  preAllocationShareBasisPoints: 7_000,
  ceiling: 50_000,
};

/** The standard scenario with INST3 (ENT1, HOLD3) and INST4 (ENT1, HOLD4), neither allocated. */
async function withNewInstallations(): Promise<TestLedger> {
  const ledger = await standardScenario();
  await addEnt1Installation(ledger, 'INST3', 'HOLD3', '300');
  await addEnt1Installation(ledger, 'INST4', 'HOLD4', '300');
  return ledger;
}

async function plan(ledger: TestLedger, ...lines: Record<string, unknown>[]): Promise<AllocationPlanLine[]> {
  const answer = (await submit(ledger, Users.regulator, setPlan, { period: 2025, lines })) as {
    lines: AllocationPlanLine[];
  };
  return answer.lines;
}

/** INST3's emissions estimated after the reporting deadline, so that it can be trued up (time: 2026-05-01). */
async function emissionsKnown(ledger: TestLedger, installationId = 'INST3'): Promise<void> {
  ledger.setTime('2026-05-01T00:00:00Z');
  await submit(ledger, Users.regulator, estimate, {
    period: 2025,
    installationId,
    estimatedEmissions: 4_000,
    reason: 'no report',
  });
}

async function held(ledger: TestLedger, accountId: string, vintage = 2025): Promise<number> {
  const view = (await evaluate(ledger, Users.auditor, tx(cc.query, 'GetHoldings'), accountId)) as {
    holdings: { unitType: string; vintage: number; quantity: number }[];
  };
  return view.holdings
    .filter((h) => h.unitType === 'allowance' && h.vintage === vintage)
    .reduce((sum, h) => sum + h.quantity, 0);
}

async function viewOf(ledger: TestLedger, installationId = 'INST3'): Promise<AllocationView> {
  return (await evaluate(ledger, Users.operator1, getAllocation, '2025', installationId)) as AllocationView;
}

describe('allocation plans', () => {
  it('sets a batch of lines, one key per installation, replaceable (version + 1) until allocation starts', async () => {
    const ledger = await withNewInstallations();
    const lines = await plan(ledger, benchmarkLine, {
      installationId: 'INST4',
      method: 'fixed',
      quantity: 5_000,
      ceiling: 6_000,
    });
    expect(lines).toEqual([
      expect.objectContaining({
        period: 2025,
        installationId: 'INST3',
        method: 'benchmark',
        benchmark: { id: 'gas', value: '0.392', correctionFactors: ['0.95'] },
        preAllocationBase: 10_000,
        preAllocationShareBasisPoints: 7_000,
        preAllocation: 7_000,
        ceiling: 50_000,
        version: 1,
      }),
      expect.objectContaining({
        installationId: 'INST4',
        method: 'fixed',
        quantity: 5_000,
        preAllocation: 0,
        ceiling: 6_000,
        version: 1,
      }),
    ]);
    expect(ledger.lastEvent()).toMatchObject({ name: 'AllocationPlanSet', payload: { period: 2025 } });
    const [replaced] = await plan(ledger, { ...benchmarkLine, ceiling: 40_000 });
    expect(replaced).toMatchObject({ ceiling: 40_000, version: 2 });
    expect((await viewOf(ledger)).plan).toEqual(replaced);
    expect((await viewOf(ledger)).allocation).toBeNull();
  });

  it('refuses a line that is not well formed or does not fit the period, writing nothing', async () => {
    const ledger = await withNewInstallations();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...benchmarkLine, benchmarkId: 'oil' }, 'NOT_FOUND', /benchmark oil is not defined for period 2025/],
      [{ ...benchmarkLine, installationId: 'NOPE' }, 'NOT_FOUND', /NOPE/],
      [{ ...benchmarkLine, benchmarkId: undefined }, 'INVALID_ARGUMENT', /benchmarkId is required/],
      [
        { installationId: 'INST3', method: 'fixed', ceiling: 10 },
        'INVALID_ARGUMENT',
        /plan.lines\[0\].quantity is required for a fixed line/,
      ],
      [
        { installationId: 'INST3', method: 'fixed', quantity: 11, ceiling: 10 },
        'INVALID_ARGUMENT',
        /quantity 11 exceeds the line's ceiling 10/,
      ],
      [
        { ...benchmarkLine, preAllocationShareBasisPoints: 10_000, ceiling: 9_999 },
        'INVALID_ARGUMENT',
        /the pre-allocation 10000 \(10000 bp of 10000 t\) exceeds the line's ceiling 9999/,
      ],
      [
        { ...benchmarkLine, preAllocationShareBasisPoints: undefined },
        'INVALID_ARGUMENT',
        /preAllocationBase and preAllocationShareBasisPoints go together/,
      ],
      [
        { ...benchmarkLine, preAllocationShareBasisPoints: 10_001 },
        'INVALID_ARGUMENT',
        /between 0 and 10000 basis points/,
      ],
    ];
    for (const [line, code, message] of cases) {
      const request = { period: 2025, lines: [JSON.parse(JSON.stringify(line)) as unknown] };
      await expectRefused(
        ledger,
        submit(ledger, Users.regulator, setPlan, request),
        code as 'NOT_FOUND',
        message,
      );
    }
    // The same installation twice; a good line beside a bad one (all or nothing).
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, setPlan, { period: 2025, lines: [benchmarkLine, benchmarkLine] }),
      'INVALID_ARGUMENT',
      /plan.lines names installation INST3 twice/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, setPlan, {
        period: 2025,
        lines: [benchmarkLine, { ...benchmarkLine, installationId: 'INST4', benchmarkId: 'oil' }],
      }),
      'NOT_FOUND',
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, setPlan, { period: 2030, lines: [benchmarkLine] }),
      'NOT_FOUND',
      /compliance period 2030 does not exist/,
    );
  });

  it('fixes a line once its allocation has started', async () => {
    const ledger = await withNewInstallations();
    await plan(ledger, benchmarkLine);
    await submit(ledger, Users.regulator, preAllocate, INST3);
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, setPlan, {
        period: 2025,
        lines: [{ ...benchmarkLine, ceiling: 60_000 }],
      }),
      'FAILED_PRECONDITION',
      'FAILED_PRECONDITION: the 2025 plan line of INST3 is fixed: its allocation has started (7000 allowances allocated); differences are settled by the true-up',
    );
    // The standard scenario's installations too.
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, setPlan, {
        period: 2025,
        lines: [{ installationId: 'INST1', method: 'fixed', quantity: 1, ceiling: 1 }],
      }),
      'FAILED_PRECONDITION',
      /plan line of INST1 is fixed/,
    );
  });
});

describe('pre-allocation', () => {
  it('pays floor(base × share / 10000) once, citing the plan line', async () => {
    const ledger = await withNewInstallations();
    // 70 % of 12,345 = 8,641.5 → 8,641.
    await plan(ledger, { ...benchmarkLine, preAllocationBase: 12_345 });
    const nationalBefore = await held(ledger, 'NATIONAL-ALLOCATION');
    const result = (await submit(ledger, Users.regulator, preAllocate, INST3)) as AllocationResult;
    expect(result.allocation).toMatchObject({
      installationId: 'INST3',
      accountId: 'HOLD3',
      quantity: 8_641,
      planVersion: 1,
      parts: [{ part: 'pre-allocation', planVersion: 1, quantity: 8_641 }],
      returnDue: 0,
      returned: 0,
    });
    expect(result.lots.reduce((sum, lot) => sum + lot.quantity, 0)).toBe(8_641);
    expect(await held(ledger, 'HOLD3')).toBe(8_641);
    expect(await held(ledger, 'NATIONAL-ALLOCATION')).toBe(nationalBefore - 8_641);
    expect(ledger.lastEvent()).toMatchObject({
      name: 'AllowancesAllocated',
      payload: { part: 'pre-allocation', quantity: 8_641 },
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, preAllocate, INST3),
      'CONFLICT',
      /INST3's 2025 allocation has started: pre-allocation of 8641 allowances in tx [0-9a-f]{64}; a pre-allocation is paid once/,
    );
  });

  it('is refused without a plan line, without a pre-allocation share, a holding account or the units', async () => {
    const ledger = await withNewInstallations();
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, preAllocate, INST3),
      'NOT_FOUND',
      'NOT_FOUND: installation INST3 has no 2025 allocation plan line; set one with Allowance:SetAllocationPlan',
    );
    await plan(ledger, { installationId: 'INST3', method: 'fixed', quantity: 10, ceiling: 10 });
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, preAllocate, INST3),
      'FAILED_PRECONDITION',
      /the 2025 plan line of INST3 has no pre-allocation \(0 bp of 0 t\); its allocation comes with the true-up/,
    );
    await submit(ledger, Users.regulator, tx(cc.registry, 'AddInstallations'), {
      entityId: 'ENT1',
      installations: [{ id: 'INST5', sector: 'power', capacity: '1' }],
    });
    await plan(ledger, { ...benchmarkLine, installationId: 'INST5' });
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, preAllocate, { period: 2025, installationId: 'INST5' }),
      'FAILED_PRECONDITION',
      /installation INST5 has no holding account yet/,
    );
    // 500,000 issued, 180,000 allocated: 320,000 left.
    await plan(ledger, {
      installationId: 'INST4',
      method: 'fixed',
      quantity: 400_000,
      preAllocationBase: 400_000,
      preAllocationShareBasisPoints: 10_000,
      ceiling: 400_000,
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, preAllocate, { period: 2025, installationId: 'INST4' }),
      'FAILED_PRECONDITION',
      /has 320000 allowances of vintage 2025 available, 400000 needed/,
    );
  });
});

describe('true-up', () => {
  it('allocates a positive difference: output × benchmark × factors, rounded down', async () => {
    const ledger = await withNewInstallations();
    await plan(ledger, benchmarkLine);
    await submit(ledger, Users.regulator, preAllocate, INST3);
    await emissionsKnown(ledger);
    // 30,000 MWh × 0.392 × 0.95 = 11,172; 7,000 pre-allocated → 4,172 more.
    const result = (await submit(ledger, Users.regulator, trueUp, {
      ...INST3,
      verifiedOutput: '30000',
    })) as AllocationResult;
    expect(result.allocation).toMatchObject({
      quantity: 11_172,
      finalQuantity: 11_172,
      returnDue: 0,
      parts: [
        { part: 'pre-allocation', quantity: 7_000 },
        { part: 'true-up', quantity: 4_172, finalQuantity: 11_172, verifiedOutput: '30000', returnOwed: 0 },
      ],
    });
    expect(await held(ledger, 'HOLD3')).toBe(11_172);
    expect(ledger.lastEvent()).toMatchObject({
      name: 'AllowancesAllocated',
      payload: { part: 'true-up', quantity: 4_172 },
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, trueUp, { ...INST3, verifiedOutput: '30000' }),
      'CONFLICT',
      /INST3's 2025 allocation was trued up to 11172 allowances in tx [0-9a-f]{64}/,
    );
  });

  it('never allocates beyond the ceiling, and pays the whole final allocation without a pre-allocation', async () => {
    const ledger = await withNewInstallations();
    await plan(
      ledger,
      { ...benchmarkLine, preAllocationBase: undefined, preAllocationShareBasisPoints: undefined },
      { installationId: 'INST4', method: 'fixed', quantity: 3_000, ceiling: 3_000 },
    );
    await emissionsKnown(ledger, 'INST3');
    await emissionsKnown(ledger, 'INST4');
    // 1,000,000 × 0.392 × 0.95 = 372,400 → the ceiling, 50,000.
    const capped = (await submit(ledger, Users.regulator, trueUp, {
      ...INST3,
      verifiedOutput: '1000000',
    })) as AllocationResult;
    expect(capped.allocation).toMatchObject({ quantity: 50_000, finalQuantity: 50_000 });
    const fixed = (await submit(ledger, Users.regulator, trueUp, {
      period: 2025,
      installationId: 'INST4',
    })) as AllocationResult;
    expect(fixed.allocation).toMatchObject({
      quantity: 3_000,
      parts: [{ part: 'true-up', quantity: 3_000 }],
    });
    expect(await held(ledger, 'HOLD4')).toBe(3_000);
  });

  it('turns a negative difference into a return obligation, allocating nothing', async () => {
    const ledger = await withNewInstallations();
    await plan(ledger, benchmarkLine);
    await submit(ledger, Users.regulator, preAllocate, INST3);
    await emissionsKnown(ledger);
    // 10,000 × 0.392 × 0.95 = 3,724: 3,276 of the 7,000 pre-allocated are owed back.
    const result = (await submit(ledger, Users.regulator, trueUp, {
      ...INST3,
      verifiedOutput: '10000',
    })) as AllocationResult;
    expect(result.lots).toEqual([]);
    expect(result.allocation).toMatchObject({
      quantity: 7_000,
      finalQuantity: 3_724,
      returnDue: 3_276,
      returned: 0,
      parts: [{ part: 'pre-allocation' }, { part: 'true-up', quantity: 0, returnOwed: 3_276 }],
    });
    expect(await held(ledger, 'HOLD3')).toBe(7_000);
    const status = (await evaluate(
      ledger,
      Users.operator1,
      tx(cc.compliance, 'GetComplianceStatus'),
      '2025',
      'INST3',
    )) as ComplianceStatusReport;
    expect(status.allocationReturnDue).toBe(3_276);
  });

  it('is refused before the emissions are known, or with the wrong output for the line', async () => {
    const ledger = await withNewInstallations();
    await plan(ledger, benchmarkLine, {
      installationId: 'INST4',
      method: 'fixed',
      quantity: 10,
      ceiling: 10,
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, trueUp, { ...INST3, verifiedOutput: '1' }),
      'FAILED_PRECONDITION',
      'FAILED_PRECONDITION: the true-up follows the verified output: INST3 has no accepted (or estimated) emissions for 2025 yet',
    );
    await emissionsKnown(ledger, 'INST3');
    await emissionsKnown(ledger, 'INST4');
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, trueUp, INST3),
      'INVALID_ARGUMENT',
      "INVALID_ARGUMENT: trueUp.verifiedOutput is required: INST3's plan line is benchmark gas",
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, trueUp, { period: 2025, installationId: 'INST4', verifiedOutput: '1' }),
      'INVALID_ARGUMENT',
      "INVALID_ARGUMENT: trueUp.verifiedOutput does not apply: INST4's plan line is a fixed quantity",
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, trueUp, { period: 2025, installationId: 'NOPE' }),
      'NOT_FOUND',
      /NOPE/,
    );
  });
});

describe('returns of over-allocation', () => {
  /** INST3 pre-allocated 7,000 and trued up to 3,724: 3,276 owed. */
  async function owing(): Promise<TestLedger> {
    const ledger = await withNewInstallations();
    await plan(ledger, benchmarkLine);
    await submit(ledger, Users.regulator, preAllocate, INST3);
    await emissionsKnown(ledger);
    await submit(ledger, Users.regulator, trueUp, { ...INST3, verifiedOutput: '10000' });
    return ledger;
  }

  it('are settled by the operator moving units of the vintage back to NATIONAL-ALLOCATION, in parts', async () => {
    const ledger = await owing();
    const national = await held(ledger, 'NATIONAL-ALLOCATION');
    const first = (await submit(ledger, Users.operator1, giveBack, {
      ...INST3,
      quantity: 1_000,
    })) as AllocationResult;
    expect(first.allocation).toMatchObject({ quantity: 6_000, returnDue: 2_276, returned: 1_000 });
    expect(first.lots[0]).toMatchObject({ accountId: 'NATIONAL-ALLOCATION', status: 'held', vintage: 2025 });
    expect(ledger.lastEvent()).toMatchObject({ name: 'AllocationReturned', payload: { quantity: 1_000 } });
    await submit(ledger, Users.operator1, giveBack, { ...INST3, quantity: 2_276 });
    expect(await held(ledger, 'HOLD3')).toBe(3_724);
    expect(await held(ledger, 'NATIONAL-ALLOCATION')).toBe(national + 3_276);
    expect((await viewOf(ledger)).allocation).toMatchObject({
      quantity: 3_724,
      finalQuantity: 3_724,
      returnDue: 0,
      returned: 3_276,
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, giveBack, { ...INST3, quantity: 1 }),
      'FAILED_PRECONDITION',
      'FAILED_PRECONDITION: INST3 owes no return of its 2025 allocation (returned 3276)',
    );
  });

  it('are refused beyond what is due, for others, after the surrender deadline, or without the vintage', async () => {
    const ledger = await owing();
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, giveBack, { ...INST3, quantity: 3_277 }),
      'FAILED_PRECONDITION',
      'FAILED_PRECONDITION: INST3 owes 3276 allowances of its 2025 allocation, not 3277',
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.operator2, giveBack, { ...INST3, quantity: 1 }),
      'FORBIDDEN',
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, giveBack, { period: 2025, installationId: 'INST1', quantity: 1 }),
      'FAILED_PRECONDITION',
      /INST1 owes no return of its 2025 allocation \(returned 0\)/,
    );
    // HOLD3's allowances moved away: nothing of the vintage left to return.
    await submit(ledger, Users.trader1, tx(cc.allowance, 'Transfer'), {
      fromAccount: 'HOLD3',
      toAccount: 'TRADE1',
      quantity: 7_000,
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, giveBack, { ...INST3, quantity: 1 }),
      'FAILED_PRECONDITION',
      /has 0 allowances of vintage 2025 available, 1 needed/,
    );
    ledger.setTime('2026-10-01T00:00:00Z');
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, giveBack, { ...INST3, quantity: 1 }),
      'FAILED_PRECONDITION',
      /returns of the 2025 allocation were due by 2026-09-30T23:59:59(\.000)?Z; the 3276 still due will be added to the shortfall at closing/,
    );
  });

  it('still due at closing are added to the shortfall and the penalty (code B)', async () => {
    const ledger = await owing();
    await submit(ledger, Users.operator1, giveBack, { ...INST3, quantity: 1_276 });
    // INST3 covers its 4,000 t estimate in full: only the 2,000 unreturned are short.
    await submit(ledger, Users.operator1, tx(cc.compliance, 'Surrender'), {
      ...INST3,
      unitType: 'allowance',
      quantity: 4_000,
    });
    ledger.setTime('2026-10-01T00:00:00Z');
    for (const installationId of ['INST1', 'INST2', 'INST4']) {
      await submit(ledger, Users.regulator, estimate, {
        period: 2025,
        installationId,
        estimatedEmissions: 1,
        reason: 'no report',
      });
    }
    const closing = (await submit(ledger, Users.regulator, close, { period: 2025 })) as PeriodClosing;
    expect(closing.outcomes.find((o) => o.installationId === 'INST3')).toEqual({
      installationId: 'INST3',
      code: 'B',
      shortfall: 2_000,
      penalty: String(2_000 * Fixtures.period2025.penaltyPerTonne),
    });
    const status = (await evaluate(
      ledger,
      Users.auditor,
      tx(cc.compliance, 'GetComplianceStatus'),
      '2025',
      'INST3',
    )) as ComplianceStatusReport;
    expect(status.final).toMatchObject({ code: 'B', shortfall: 2_000, unreturnedAllocation: 2_000 });
    expect(status.allocationReturnDue).toBe(2_000);
    // Carried into 2026's obligation, like any shortfall.
    await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), {
      ...Fixtures.period2025,
      year: 2026,
      deadlines: { reportBy: '2027-03-31', verifyBy: '2027-06-30', surrenderBy: '2027-09-30' },
    });
    const next = (await evaluate(
      ledger,
      Users.auditor,
      tx(cc.compliance, 'GetComplianceStatus'),
      '2026',
      'INST3',
    )) as ComplianceStatusReport;
    expect(next.carriedShortfall).toBe(2_000);
    // Nothing can be allocated or returned for a closed period.
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, giveBack, { ...INST3, quantity: 1 }),
      'FAILED_PRECONDITION',
      /closed/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, setPlan, {
        period: 2025,
        lines: [{ ...benchmarkLine, installationId: 'INST4' }],
      }),
      'FAILED_PRECONDITION',
      /closed/,
    );
  });

  it('keep units conserved: the supply counts allocation net of returns, the national account holds them', async () => {
    const ledger = await owing();
    await submit(ledger, Users.operator1, giveBack, { ...INST3, quantity: 3_000 });
    const supply = (await evaluate(
      ledger,
      Users.auditor,
      tx(cc.query, 'GetSupplySummary'),
      '2025',
    )) as SupplySummary;
    // 100,000 + 80,000 + (7,000 − 3,000).
    expect(supply.allocated).toBe(184_000);
    expect(supply.allowances).toMatchObject({
      issued: 500_000,
      heldInNationalAccounts: 500_000 - 184_000,
      heldByParticipants: 184_000,
      reconciles: true,
    });
  });
});
