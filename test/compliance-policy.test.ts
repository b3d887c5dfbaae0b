import type { ComplianceStatusReport } from '@carbon-ets/contract';
import { ensureBaseline, firstFreePeriodYear } from './support/baseline';
import { participant, type Participant } from './support/participants';

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
    await regulator.submit('Allowance:AllocateFree', {
      period: year,
      installationId: installation,
      quantity: 1000,
    });
  });

  it('refuses to close the period while the installation has neither accepted nor estimated emissions', async () => {
    const before = await status();
    const refusal = await regulator.refusal('Compliance:ClosePeriod', { period: year });
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
    // Every covered installation of the (shared) test ledger must have emissions for this period before it closes:
    // the other test files' installations never reported for it, so the regulator estimates them too.
    const others: string[] = [];
    for (const entityId of ['ENT1', 'ENT2']) {
      const entity = await auditor.evaluate<{ installationIds: string[] }>('Registry:GetEntity', entityId);
      others.push(...entity.installationIds.filter((id) => id !== installation));
    }
    // Sixteen at a time: independent installations, so their estimates never conflict.
    for (let i = 0; i < others.length; i += 16) {
      await Promise.all(
        others.slice(i, i + 16).map(async (other) => {
          const record = await auditor.evaluate<ComplianceStatusReport>(
            'Compliance:GetComplianceStatus',
            String(year),
            other,
          );
          if (record.verifiedEmissions !== null) return;
          await regulator.submit('Compliance:EstimateEmissions', {
            period: year,
            installationId: other,
            estimatedEmissions: 1,
            reason: 'no report for this period (test ledger)',
          });
        }),
      );
    }
    await regulator.submit('Compliance:ClosePeriod', { period: year });
    const closed = await status();
    expect(closed.final).toMatchObject({
      code: closed.code,
      shortfall: 1200,
      penalty: String(1200 * 10_000),
    });
  });
});
