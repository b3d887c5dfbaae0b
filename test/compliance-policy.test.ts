import type { ComplianceStatusReport, EmissionsCorrection } from '@carbon-ets/contract';
import {
  allocateFixed,
  ensureBaseline,
  estimateUnreported,
  firstFreePeriodYear,
  periodStartingNow,
} from './support/baseline';
import { participant, type Participant } from './support/participants';
import { closeWholePeriod, closingRefusal } from './support/period-closing';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Issue 13 on the real network: a non-reporter cannot end the period owing nothing (closing is refused until the
 * regulator sets an estimate), and the period's gap cap bounds the obligation.
 */
describe('estimates, closing and the gap cap on the real network', () => {
  let regulator: Participant;
  let auditor: Participant;
  let year = 0;
  let installation = '';

  const status = () =>
    auditor.evaluate<ComplianceStatusReport>('Compliance:GetComplianceStatus', String(year), installation);

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    auditor = participant('Auditor', 'auditor1');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2180);
    installation = `INST-${year}-EST`;
    const now = Date.now();
    await regulator.submit('Period:CreatePeriod', {
      year,
      cap: 1_000_000,
      // Every deadline has passed (a period may close only after its surrender deadline); the installation never
      // reported.
      deadlines: {
        reportBy: new Date(now - 3 * DAY_MS).toISOString(),
        verifyBy: new Date(now - 2 * DAY_MS).toISOString(),
        surrenderBy: new Date(now - DAY_MS).toISOString(),
      },
      offsetLimitBasisPoints: 500,
      penaltyPerTonne: 10_000,
      // China's gap cap: what is owed for the period's own emissions is at most 120 % of the free allocation.
      obligationCapBasisPoints: 2000,
    });
    await regulator.submit('Registry:AddInstallations', {
      entityId: 'ENT1',
      installations: [{ id: installation, sector: 'power', capacity: '300' }],
    });
    await regulator.submit('Registry:OpenAccount', {
      kind: 'holding',
      id: `HOLD-${year}-EST`,
      entityId: 'ENT1',
      installationId: installation,
    });
    await regulator.submit('Allowance:IssueAllowances', { period: year, quantity: 100_000 });
    await allocateFixed(regulator, year, installation, 1000);
  });

  it('refuses to close the period while the installation has neither accepted nor estimated emissions', async () => {
    const before = await status();
    // Pages before the installation's may close (the shared ledger has many installations); its page is refused.
    const refusal = await closingRefusal(regulator, year);
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(refusal.reason).toContain(installation);
    expect(await status()).toEqual(before);
    expect(before.final).toBeNull();
  });

  it('counts the regulator’s estimate as verified emissions, bounded by the gap cap, and closes with the shortfall owed', async () => {
    await regulator.submit('Compliance:EstimateEmissions', {
      period: year,
      installationId: installation,
      estimatedEmissions: 5000,
      reason: 'no report by the deadline: conservative estimate from the rated capacity',
    });
    const estimated = await status();
    expect(estimated).toMatchObject({
      verifiedEmissions: 5000,
      emissionsSource: 'estimate',
      obligationCap: 1200,
      obligation: 1200,
      surrendered: 0,
      balance: -1200,
    });
    await estimateUnreported(regulator, year, [installation]);
    await closeWholePeriod(regulator, year);
    const closed = await status();
    expect(closed.final).toMatchObject({
      code: closed.code,
      shortfall: 1200,
      penalty: String(1200 * 10_000),
    });
  });

  it('carries a correction of the closed period into the next one, leaving the closed outcome as it was', async () => {
    const closed = await status();
    const { correction } = await regulator.submit<{ correction: EmissionsCorrection }>(
      'Compliance:CorrectEmissions',
      {
        period: year,
        installationId: installation,
        verifiedEmissions: 1100,
        reason: 'the installation’s late report, verified after the period closed',
        documents: [{ name: 'late-report.pdf', sha256: 'a'.repeat(64) }],
      },
    );
    // The gap cap (1200) applies to both figures: 1200 → 1100 gives back 100 t in the next period.
    expect(correction).toMatchObject({
      previousTonnes: 5000,
      tonnes: 1100,
      carriedTo: year + 1,
      carriedTonnes: -100,
    });
    const corrected = await status();
    expect(corrected.final).toEqual(closed.final);
    expect(corrected.verifiedEmissions).toBe(1100);
    // The next period, created after the correction, finds the adjustment waiting in the installation's record.
    await regulator.submit('Period:CreatePeriod', periodStartingNow(year + 1, 1_000_000));
    const next = await auditor.evaluate<ComplianceStatusReport>(
      'Compliance:GetComplianceStatus',
      String(year + 1),
      installation,
    );
    expect(next).toMatchObject({ carriedShortfall: 1200, carriedAdjustment: -100, obligation: 1100 });
  });
});

/**
 * A period whose policy allows borrowing 10 % from the next vintage and refuses over-surrender, with the
 * surrender deadline ahead: the limits hold on the real network, each refusal leaves the status unchanged, and a
 * correction of the estimate moves the balance.
 */
describe('borrowing, over-surrender and corrections on the real network', () => {
  let regulator: Participant;
  let operator: Participant;
  let auditor: Participant;
  let year = 0;
  let installation = '';
  let holding = '';

  const status = () =>
    auditor.evaluate<ComplianceStatusReport>('Compliance:GetComplianceStatus', String(year), installation);

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    operator = participant('Enterprise1', 'operator1');
    auditor = participant('Auditor', 'auditor1');
    await ensureBaseline(regulator);
    // Two free years in a row: this period and the next vintage it borrows from.
    year = await firstFreePeriodYear(regulator, 2190);
    while ((await firstFreePeriodYear(regulator, year + 1)) !== year + 1) {
      year = await firstFreePeriodYear(regulator, year + 2);
    }
    installation = `INST-${year}-POL`;
    holding = `HOLD-${year}-POL`;
    const now = Date.now();
    const deadlines = (offset: number) => ({
      reportBy: new Date(now - 2 * DAY_MS + offset).toISOString(),
      verifyBy: new Date(now - DAY_MS + offset).toISOString(),
      surrenderBy: new Date(now + 30 * DAY_MS + offset).toISOString(),
    });
    const base = { cap: 1_000_000, offsetLimitBasisPoints: 500, penaltyPerTonne: 10_000 };
    await regulator.submit('Period:CreatePeriod', {
      ...base,
      year,
      deadlines: deadlines(0),
      borrowingLimitBasisPoints: 1000,
      overSurrender: 'refused',
    });
    await regulator.submit('Period:CreatePeriod', {
      ...base,
      year: year + 1,
      deadlines: deadlines(365 * DAY_MS),
    });
    await regulator.submit('Registry:AddInstallations', {
      entityId: 'ENT1',
      installations: [{ id: installation, sector: 'power', capacity: '300' }],
    });
    await regulator.submit('Registry:OpenAccount', {
      kind: 'holding',
      id: holding,
      entityId: 'ENT1',
      installationId: installation,
    });
    for (const vintage of [year, year + 1]) {
      await regulator.submit('Allowance:IssueAllowances', { period: vintage, quantity: 10_000 });
      await regulator.submit('Allowance:Transfer', {
        fromAccount: 'NATIONAL-ALLOCATION',
        toAccount: holding,
        quantity: 1000,
        vintage,
      });
    }
    await regulator.submit('Compliance:EstimateEmissions', {
      period: year,
      installationId: installation,
      estimatedEmissions: 500,
      reason: 'no report by the deadline',
    });
  });

  it('lets an operator borrow up to the share of the obligation from the next vintage, and no more', async () => {
    const before = await status();
    expect(before).toMatchObject({ obligation: 500, surrendered: 0 });
    const surrender = (quantity: number, vintage: number) =>
      ({ period: year, installationId: installation, unitType: 'allowance', quantity, vintage }) as const;
    const tooMuch = await operator.refusal('Compliance:Surrender', surrender(51, year + 1));
    expect(tooMuch.code).toBe('FAILED_PRECONDITION');
    expect(tooMuch.reason).toMatch(/limited to 50 t/);
    expect(await status()).toEqual(before);
    await operator.submit('Compliance:Surrender', surrender(50, year + 1));
    expect(await status()).toMatchObject({ surrendered: 50, borrowedAllowances: 50, balance: -450 });
  });

  it('refuses a surrender beyond the obligation when the period says so, and takes the rest', async () => {
    const before = await status();
    const over = await operator.refusal('Compliance:Surrender', {
      period: year,
      installationId: installation,
      unitType: 'allowance',
      quantity: 451,
      vintage: year,
    });
    expect(over.code).toBe('FAILED_PRECONDITION');
    expect(await status()).toEqual(before);
    await operator.submit('Compliance:Surrender', {
      period: year,
      installationId: installation,
      unitType: 'allowance',
      quantity: 450,
      vintage: year,
    });
    expect(await status()).toMatchObject({ surrendered: 500, balance: 0, code: 'A' });
  });

  it('moves the balance of an open period when the regulator corrects the emissions', async () => {
    await regulator.submit('Compliance:CorrectEmissions', {
      period: year,
      installationId: installation,
      verifiedEmissions: 600,
      reason: 'metering error found on inspection',
      documents: [{ name: 'inspection-report.pdf', sha256: 'c'.repeat(64) }],
    });
    expect(await status()).toMatchObject({
      verifiedEmissions: 600,
      obligation: 600,
      balance: -100,
      code: 'B',
    });
  });
});
