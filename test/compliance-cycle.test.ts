import type {
  AccountHoldings,
  CompliancePeriod,
  ComplianceStatus,
  EmissionReport,
  ObjectHistory,
  SupplySummary,
} from '@carbon-ets/gateway-client';
import { freshCheckpointPath, reconcileAsAuditor } from './support/carbon-cli';
import {
  allocateFixed,
  ensureBaseline,
  firstFreePeriodYear,
  gasAndGridFactors,
  gasAndGridReport,
  periodStartingNow,
} from './support/baseline';
import { participant, type Participant } from './support/participants';
import { assignVerifier } from './support/verifiers';

/**
 * One whole compliance period across the consortium, on the real network: the regulator sets the period and
 * factors and allocates, an operator reports, the verifier verifies, the regulator accepts, the operator
 * surrenders, the auditor reads the history and the supply summary reconciles.
 *
 * The network may be reused between runs, so each run takes the first unused period year and its own
 * installation; ENT1/ENT2 (bound to the enterprise users' carbon.entity) are registered once.
 */
describe('a compliance period on the real network', () => {
  let regulator: Participant;
  let operator1: Participant;
  let operator2: Participant;
  let verifier: Participant;
  let auditor: Participant;
  let year = 0;
  let installationId = '';
  let holdingAccount = '';

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    operator1 = participant('Enterprise1', 'operator1');
    operator2 = participant('Enterprise2', 'operator2');
    verifier = participant('Verifier', 'verifier1');
    auditor = participant('Auditor', 'auditor1');

    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2030);
    installationId = `INST-${year}-A`;
    holdingAccount = `HOLD-${year}-A`;
  });

  afterAll(() => {
    for (const p of [regulator, operator1, operator2, verifier, auditor]) p.connection.close();
  });

  test('the regulator registers an installation, opens its holding account and creates the period', async () => {
    await regulator.submit('Registry:AddInstallations', {
      entityId: 'ENT1',
      installations: [{ id: installationId, sector: 'power', capacity: '600', capacityUnit: 'MW' }],
    });
    await regulator.submit('Registry:OpenAccount', {
      kind: 'holding',
      id: holdingAccount,
      entityId: 'ENT1',
      installationId,
    });
    const period = await regulator.submit<CompliancePeriod>(
      'Period:CreatePeriod',
      periodStartingNow(year, 1_000_000),
    );
    expect(period).toMatchObject({ year, cap: 1_000_000 });
    await regulator.submit('Period:PublishFactorSet', gasAndGridFactors(`IPCC2006-${year}`));
  });

  test('the regulator issues allowances and allocates 5,000 to the installation', async () => {
    await regulator.submit('Allowance:IssueAllowances', { period: year, quantity: 10_000 });
    await allocateFixed(regulator, year, installationId, 5_000);
    const holdings = await operator1.evaluate<AccountHoldings>('Query:GetHoldings', holdingAccount);
    expect(JSON.stringify(holdings.holdings)).toContain('5000');
  });

  test('the operator reports; emissions are computed on-chain from the factor set', async () => {
    const report = await operator1.submit<EmissionReport>(
      'Mrv:SubmitReport',
      gasAndGridReport(year, installationId, `IPCC2006-${year}`),
    );
    // 2,692.8 t from gas + 570.3 t from electricity = 3,263.1 t, i.e. 3,263,100 kg.
    expect(JSON.stringify(report)).toContain('3263100');
  });

  test('another enterprise cannot surrender for the installation, and nothing changes', async () => {
    const before = await auditor.evaluate<SupplySummary>('Query:GetSupplySummary', String(year));
    const refusal = await operator2.refusal('Compliance:Surrender', {
      period: year,
      installationId,
      unitType: 'allowance',
      quantity: 100,
    });
    expect(refusal.code).toBe('FORBIDDEN');
    expect(await auditor.evaluate<SupplySummary>('Query:GetSupplySummary', String(year))).toEqual(before);
  });

  test('the verifier verifies, the regulator accepts, the operator surrenders: status A', async () => {
    // Only the verifier entity the regulator assigned (VER1, verifier1's) may verify the report.
    await assignVerifier(regulator, year, installationId);
    await verifier.submit('Mrv:VerifyReport', {
      period: year,
      installationId,
      version: 1,
      verifiedEmissions: 3_264,
      opinion: 'positive',
    });
    await regulator.submit('Mrv:AcceptReport', { period: year, installationId, version: 1 });
    await operator1.submit('Compliance:Surrender', {
      period: year,
      installationId,
      unitType: 'allowance',
      quantity: 3_264,
    });
    const status = await operator1.evaluate<ComplianceStatus>(
      'Compliance:GetComplianceStatus',
      String(year),
      installationId,
    );
    expect(status).toMatchObject({ verifiedEmissions: 3_264, surrendered: 3_264, balance: 0, code: 'A' });
  });

  test('surrendering more than the holding is refused and changes nothing', async () => {
    const before = await auditor.evaluate<SupplySummary>('Query:GetSupplySummary', String(year));
    const refusal = await operator1.refusal('Compliance:Surrender', {
      period: year,
      installationId,
      unitType: 'allowance',
      quantity: 1_000_000,
    });
    expect(['INVALID_ARGUMENT', 'FAILED_PRECONDITION']).toContain(refusal.code);
    expect(await auditor.evaluate<SupplySummary>('Query:GetSupplySummary', String(year))).toEqual(before);
  });

  test('the auditor reads the report history and the supply summary reconciles on every peer', async () => {
    const history = await auditor.evaluate<ObjectHistory>(
      'Query:GetHistory',
      JSON.stringify({ type: 'report', id: [String(year), installationId] }),
    );
    expect(history.history.length).toBeGreaterThanOrEqual(1);
    for (const entry of history.history) {
      expect(entry.txId).toMatch(/^[0-9a-f]{64}$/);
    }
    const summaries = await Promise.all(
      [regulator, operator1, operator2, verifier, auditor].map((p) =>
        p.evaluate<SupplySummary>('Query:GetSupplySummary', String(year)),
      ),
    );
    for (const summary of summaries) expect(summary).toEqual(summaries[0]);
    expect(summaries[0]).toMatchObject({
      allocated: 5_000,
      allowances: { issued: 10_000, held: 10_000 - 3_264, surrendered: 3_264, retired: 0, reconciles: true },
    });
  });

  test('`carbon audit reconcile` rebuilds every lot from the blocks and finds no mismatch', async () => {
    const checkpoint = freshCheckpointPath();
    const { code, report } = await reconcileAsAuditor({ checkpoint });
    expect(code).toBe(0);
    expect(report.mismatches).toEqual([]);
    expect(report.lotsCompared).toBeGreaterThan(0);
    expect(report.totals.find((t) => t.unitType === 'allowance' && t.vintage === year)).toEqual({
      unitType: 'allowance',
      vintage: year,
      issued: 10_000,
      held: 10_000 - 3_264,
      locked: 0,
      surrendered: 3_264,
      retired: 0,
      balanced: true,
    });
    // A second run resumes from the checkpoint: it replays only blocks committed since.
    const { report: second } = await reconcileAsAuditor({ checkpoint });
    expect(second.mismatches).toEqual([]);
    expect(second.replayedBlocks).toBeLessThan(second.blocks);
  });
});
