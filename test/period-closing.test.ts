import type { CompliancePeriod, ComplianceStatusReport } from '@carbon-ets/contract';
import { ensureBaseline, estimateUnreported, firstFreePeriodYear } from './support/baseline';
import { participant, type Participant } from './support/participants';
import { closeWholePeriod, closingRefusal } from './support/period-closing';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Issue 14 on the real network: a period closes in pages (one transaction each, bounded), a refused page (an
 * installation without emissions) leaves the period `closing` with the pages before it closed, surrenders are
 * refused meanwhile, and the closing resumes where it stopped once the regulator has estimated; a call after
 * the last page is refused. The installations' ids start with `0-`, so they are the ledger's first in id order
 * (the order pages follow): the pages before them are earlier runs' installations only.
 */
describe('paged closing of a period on the real network', () => {
  let regulator: Participant;
  let operator: Participant;
  let auditor: Participant;
  let year = 0;
  const ids = (n: number) => `0-${year}-PC${n}`;

  const statusOf = (installationId: string) =>
    auditor.evaluate<ComplianceStatusReport>('Compliance:GetComplianceStatus', String(year), installationId);
  const periodStatus = async () =>
    (await auditor.evaluate<CompliancePeriod>('Period:GetPeriod', String(year))).status;

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    operator = participant('Enterprise1', 'operator1');
    auditor = participant('Auditor', 'auditor1');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2170);
    const now = Date.now();
    await regulator.submit('Period:CreatePeriod', {
      year,
      cap: 1_000_000,
      // Every deadline has passed: the period may close.
      deadlines: {
        reportBy: new Date(now - 3 * DAY_MS).toISOString(),
        verifyBy: new Date(now - 2 * DAY_MS).toISOString(),
        surrenderBy: new Date(now - DAY_MS).toISOString(),
      },
      offsetLimitBasisPoints: 500,
      penaltyPerTonne: 10_000,
    });
    await regulator.submit('Registry:AddInstallations', {
      entityId: 'ENT1',
      installations: [1, 2, 3].map((n) => ({ id: ids(n), sector: 'power', capacity: '100' })),
    });
    for (const n of [1, 2, 3]) {
      await regulator.submit('Registry:OpenAccount', {
        kind: 'holding',
        id: `HOLD-${ids(n)}`,
        entityId: 'ENT1',
        installationId: ids(n),
      });
    }
    // Every covered installation of ENT1 and ENT2 gets an estimate, but PC2.
    await estimateUnreported(regulator, year, [ids(2)]);
  });

  it('refuses the page holding an installation without emissions, after closing the pages before it', async () => {
    const refusal = await closingRefusal(regulator, year, 1);
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(refusal.reason).toContain(ids(2));
    expect(refusal.reason).toContain('call again to resume');
    expect(await periodStatus()).toBe('closing');
    expect((await statusOf(ids(1))).final).toMatchObject({ code: 'B', shortfall: 1 });
    expect((await statusOf(ids(2))).final).toBeNull();
  });

  it('refuses surrenders while the period is closing', async () => {
    const refusal = await operator.refusal('Compliance:Surrender', {
      period: year,
      installationId: ids(3),
      unitType: 'allowance',
      quantity: 1,
    });
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(refusal.reason).toContain(`compliance period ${year} is closing`);
  });

  it('refuses a page size above the bound', async () => {
    const refusal = await regulator.refusal('Compliance:ClosePeriod', { period: year, pageSize: 501 });
    expect(refusal.code).toBe('INVALID_ARGUMENT');
  });

  it('resumes where it stopped once the installation is estimated, and closes every installation once', async () => {
    await regulator.submit('Compliance:EstimateEmissions', {
      period: year,
      installationId: ids(2),
      estimatedEmissions: 700,
      reason: 'no report by the deadline: conservative estimate from the rated capacity',
    });
    const closing = await closeWholePeriod(regulator, year, 50);
    expect(closing.outcomes[0]?.installationId).toBe(ids(2));
    expect(closing.outcomes[0]).toMatchObject({ code: 'B', shortfall: 700, penalty: String(700 * 10_000) });
    const closedIds = closing.outcomes.map((outcome) => outcome.installationId);
    expect(new Set(closedIds).size).toBe(closedIds.length);
    expect(closedIds).not.toContain(ids(1));
    expect(closing.last).toMatchObject({ done: true, period: year });
    expect(closing.last.closed).toBeGreaterThan(closing.outcomes.length);
    expect(await periodStatus()).toBe('closed');
    expect((await statusOf(ids(3))).final).toMatchObject({ code: 'B', shortfall: 1 });
  });

  it('refuses a call once the period is closed', async () => {
    const refusal = await regulator.refusal('Compliance:ClosePeriod', { period: year });
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(refusal.reason).toContain('already closed');
  });
});
