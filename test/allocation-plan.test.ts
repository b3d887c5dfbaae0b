import type {
  AllocationPlanLine,
  AllocationResult,
  AllocationView,
  ComplianceStatusReport,
  SupplySummary,
} from '@carbon-ets/contract';
import {
  ensureBaseline,
  estimateUnreported,
  firstFreePeriodYear,
  gasAndGridFactors,
  gasAndGridReport,
} from './support/baseline';
import { participant, type Participant } from './support/participants';
import { closeWholePeriod } from './support/period-closing';
import { assignVerifier } from './support/verifiers';

/** How long after creating the period its deadlines (report, verify, surrender) all fall. */
const DEADLINES_IN_MS = 75_000;

/**
 * Issue 13, allocation plans, on the real network: the regulator sets the period's plan (a benchmark line for
 * ENT1's installation, a fixed one for ENT2's), pre-allocates, the reports are verified and accepted, and the
 * true-up follows the verified output — ENT1's is below its pre-allocation, so it owes a return, settles part
 * of it, and the rest is added to its shortfall when the period closes; ENT2's is above, so the difference is
 * allocated. The period's deadlines fall 75 s after its creation so that it can be closed.
 */
describe('allocation plans, pre-allocation and true-up on the real network', () => {
  let regulator: Participant;
  let operator1: Participant;
  let operator2: Participant;
  let verifier: Participant;
  let auditor: Participant;
  let year = 0;
  let surrenderBy = 0;
  let short = '';
  let long = '';

  const allocationOf = (installationId: string) =>
    auditor.evaluate<AllocationView>('Allowance:GetAllocation', String(year), installationId);
  const statusOf = (installationId: string) =>
    operator1.evaluate<ComplianceStatusReport>(
      'Compliance:GetComplianceStatus',
      String(year),
      installationId,
    );

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    operator1 = participant('Enterprise1', 'operator1');
    operator2 = participant('Enterprise2', 'operator2');
    verifier = participant('Verifier', 'verifier1');
    auditor = participant('Auditor', 'auditor1');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2130);
    short = `INST-${year}-PLAN1`;
    long = `INST-${year}-PLAN2`;
    for (const [entityId, installationId, sector] of [
      ['ENT1', short, 'power'],
      ['ENT2', long, 'steel'],
    ] as const) {
      await regulator.submit('Registry:AddInstallations', {
        entityId,
        installations: [{ id: installationId, sector, capacity: '300' }],
      });
      await regulator.submit('Registry:OpenAccount', {
        kind: 'holding',
        id: `HOLD-${installationId}`,
        entityId,
        installationId,
      });
    }
    surrenderBy = Date.now() + DEADLINES_IN_MS;
    const deadline = new Date(surrenderBy).toISOString();
    await regulator.submit('Period:CreatePeriod', {
      year,
      cap: 1_000_000,
      deadlines: { reportBy: deadline, verifyBy: deadline, surrenderBy: deadline },
      offsetLimitBasisPoints: 500,
      penaltyPerTonne: 10_000,
      benchmarks: { gas: { description: 'Natural gas', value: '0.392', outputUnit: 'MWh' } },
    });
    await regulator.submit('Period:PublishFactorSet', gasAndGridFactors(`IPCC2006-${year}`));
    await regulator.submit('Allowance:IssueAllowances', { period: year, quantity: 100_000 });
  });

  afterAll(() => {
    for (const p of [regulator, operator1, operator2, verifier, auditor]) p.connection.close();
  });

  it('sets the plan and pays the pre-allocations; a line is fixed once its allocation has started', async () => {
    const { lines } = await regulator.submit<{ lines: AllocationPlanLine[] }>('Allowance:SetAllocationPlan', {
      period: year,
      lines: [
        // Gas benchmark × verified output; 70 % of last year's 10,000 t early; at most 10,000 t.
        {
          installationId: short,
          method: 'benchmark',
          benchmarkId: 'gas',
          preAllocationBase: 10_000,
          preAllocationShareBasisPoints: 7_000,
          ceiling: 10_000,
        },
        // A fixed 5,000 t; 50 % of last year's 4,000 t early.
        {
          installationId: long,
          method: 'fixed',
          quantity: 5_000,
          preAllocationBase: 4_000,
          preAllocationShareBasisPoints: 5_000,
          ceiling: 5_000,
        },
      ],
    });
    expect(lines.map((line) => [line.installationId, line.preAllocation, line.version])).toEqual([
      [short, 7_000, 1],
      [long, 2_000, 1],
    ]);
    for (const installationId of [short, long]) {
      await regulator.submit('Allowance:PreAllocate', { period: year, installationId });
    }
    expect((await allocationOf(short)).allocation).toMatchObject({
      quantity: 7_000,
      parts: [{ part: 'pre-allocation', quantity: 7_000, planVersion: 1 }],
      returnDue: 0,
    });
    const before = await allocationOf(short);
    const refusal = await regulator.refusal('Allowance:SetAllocationPlan', {
      period: year,
      lines: [{ installationId: short, method: 'fixed', quantity: 1, ceiling: 1 }],
    });
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(await allocationOf(short)).toEqual(before);
  });

  it('refuses the true-up before the emissions are accepted', async () => {
    const refusal = await regulator.refusal('Allowance:TrueUp', {
      period: year,
      installationId: short,
      verifiedOutput: '10000',
    });
    expect(refusal.code).toBe('FAILED_PRECONDITION');
  });

  it('accepts both reports (3,264 t each)', async () => {
    for (const [operator, installationId] of [
      [operator1, short],
      [operator2, long],
    ] as const) {
      await operator.submit('Mrv:SubmitReport', gasAndGridReport(year, installationId, `IPCC2006-${year}`));
      await assignVerifier(regulator, year, installationId);
      await verifier.submit('Mrv:VerifyReport', {
        period: year,
        installationId,
        version: 1,
        verifiedEmissions: 3_264,
        opinion: 'positive',
      });
      await regulator.submit('Mrv:AcceptReport', { period: year, installationId, version: 1 });
    }
  });

  it('trues up below the pre-allocation: a return obligation, nothing allocated', async () => {
    // 10,000 MWh × 0.392 = 3,920 t final: 3,080 of the 7,000 pre-allocated are owed back.
    const { allocation, lots } = await regulator.submit<AllocationResult>('Allowance:TrueUp', {
      period: year,
      installationId: short,
      verifiedOutput: '10000',
    });
    expect(lots).toEqual([]);
    expect(allocation).toMatchObject({
      quantity: 7_000,
      finalQuantity: 3_920,
      returnDue: 3_080,
      returned: 0,
    });
    expect((await statusOf(short)).allocationReturnDue).toBe(3_080);
  });

  it('trues up above the pre-allocation: the difference is allocated', async () => {
    const { allocation, lots } = await regulator.submit<AllocationResult>('Allowance:TrueUp', {
      period: year,
      installationId: long,
    });
    expect(allocation).toMatchObject({ quantity: 5_000, finalQuantity: 5_000, returnDue: 0 });
    expect(lots.reduce((sum, lot) => sum + lot.quantity, 0)).toBe(3_000);
  });

  it('settles part of the return; another entity cannot return for it', async () => {
    const refusal = await operator2.refusal('Allowance:ReturnAllocation', {
      period: year,
      installationId: short,
      quantity: 1,
    });
    expect(refusal.code).toBe('FORBIDDEN');
    const { allocation, lots } = await operator1.submit<AllocationResult>('Allowance:ReturnAllocation', {
      period: year,
      installationId: short,
      quantity: 1_000,
    });
    expect(allocation).toMatchObject({ quantity: 6_000, returnDue: 2_080, returned: 1_000 });
    expect(lots.every((lot) => lot.accountId === 'NATIONAL-ALLOCATION' && lot.status === 'held')).toBe(true);
    // The installation covers its emissions; only the unreturned allocation will be short.
    await operator1.submit('Compliance:Surrender', {
      period: year,
      installationId: short,
      unitType: 'allowance',
      quantity: 3_264,
    });
    const supply = await auditor.evaluate<SupplySummary>('Query:GetSupplySummary', String(year));
    // 7,000 − 1,000 returned + 5,000.
    expect(supply).toMatchObject({
      allocated: 11_000,
      allowances: { issued: 100_000, heldInNationalAccounts: 89_000, reconciles: true },
    });
  });

  it(
    'after the surrender deadline: no more returns, and closing adds what is still due to the shortfall',
    async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, surrenderBy - Date.now() + 2_000)));
      const refusal = await operator1.refusal('Allowance:ReturnAllocation', {
        period: year,
        installationId: short,
        quantity: 1,
      });
      expect(refusal.code).toBe('FAILED_PRECONDITION');
      await estimateUnreported(regulator, year, [short, long]);
      const closing = await closeWholePeriod(regulator, year);
      expect(closing.outcomes.find((outcome) => outcome.installationId === short)).toEqual({
        installationId: short,
        code: 'B',
        shortfall: 2_080,
        penalty: String(2_080 * 10_000),
      });
      expect((await statusOf(short)).final).toMatchObject({
        code: 'B',
        shortfall: 2_080,
        unreturnedAllocation: 2_080,
      });
    },
    DEADLINES_IN_MS + 120_000,
  );
});
