import { createHash } from 'node:crypto';
import type {
  CarbonIndexRanking,
  EmissionReport,
  InstallationCarbonIndex,
  MonthlyEmissions,
  ObjectHistory,
  ReportCommercialData,
} from '@carbon-ets/gateway-client';
import { freshCheckpointPath, reconcileAsAuditor } from './support/carbon-cli';
import {
  allocateFixed,
  carbonIndexFactors,
  carbonIndexPolicy,
  ensureBaseline,
  firstFreePeriodYear,
  gasAndGridFactors,
  gasAndGridReport,
  periodStartingNow,
} from './support/baseline';
import { participant, type Participant } from './support/participants';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * An enterprise's activity data is its commercial secret (issue 15): on the real network it lives in its
 * organisation's private data collection, which the supervisors' peers hold and the other enterprise's peer
 * does not, while the channel keeps its hash.
 */
describe('commercial data in private collections on the real network', () => {
  let regulator: Participant;
  let operator1: Participant;
  let operator2: Participant;
  let verifier: Participant;
  let auditor: Participant;
  /** The regulator's user, its queries answered by Enterprise2's peer. */
  let regulatorOnEnterprise2Peer: Participant;
  let year = 0;
  let installationId = '';
  let submitted: EmissionReport;
  const request = () => gasAndGridReport(year, installationId, `IPCC2006-${year}`);

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    operator1 = participant('Enterprise1', 'operator1');
    operator2 = participant('Enterprise2', 'operator2');
    verifier = participant('Verifier', 'verifier1');
    auditor = participant('Auditor', 'auditor1');
    regulatorOnEnterprise2Peer = participant('Regulator', 'regulator1', 'Enterprise2');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2174);
    installationId = `INST-${year}-P`;
    await regulator.submit('Registry:AddInstallations', {
      entityId: 'ENT1',
      installations: [{ id: installationId, sector: 'power', capacity: '600', capacityUnit: 'MW' }],
    });
    await regulator.submit('Period:CreatePeriod', periodStartingNow(year, 1_000_000));
    await regulator.submit('Period:PublishFactorSet', gasAndGridFactors(`IPCC2006-${year}`));
    submitted = await operator1.submit<EmissionReport>('Mrv:SubmitReport', request());
  });

  afterAll(() => {
    for (const p of [regulator, operator1, operator2, verifier, auditor, regulatorOnEnterprise2Peer]) {
      p.connection.close();
    }
  });

  test('the channel keeps the emissions and the hash, not the activity', async () => {
    expect(submitted.activity).toBeUndefined();
    expect(submitted.documents).toBeUndefined();
    expect(submitted.emissionsTonnes).toBe(3_264);
    expect(submitted.commercialData).toEqual({
      collection: 'commercial-Enterprise1MSP',
      key: ['reportActivity', String(year), installationId, '1'],
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
    const history = await auditor.evaluate<ObjectHistory>(
      'Query:GetHistory',
      JSON.stringify({ type: 'report', id: [String(year), installationId] }),
    );
    expect(history.history).toHaveLength(1);
    expect(JSON.stringify(history.history[0]?.value)).not.toContain('fuel-invoices.pdf');
  });

  test.each([
    ['the owner (Enterprise1)', () => operator1],
    ['the regulator', () => regulator],
    ['the verifier', () => verifier],
    ['the auditor', () => auditor],
  ])(
    '%s reads it on its own peer, and the stored text hashes to the channel’s hash',
    async (_who, reader) => {
      const answer = await reader().evaluate<ReportCommercialData>(
        'Mrv:GetReportCommercialData',
        String(year),
        installationId,
        '1',
      );
      expect(answer.data?.activity).toEqual(request().activity);
      expect(answer.data?.documents).toEqual(request().documents);
      expect(answer.data?.lineEmissionsKg).toEqual([2_692_800, 570_300]);
      expect(answer.channelSha256).toBe(submitted.commercialData?.sha256);
      expect(sha256(answer.storedText ?? '')).toBe(submitted.commercialData?.sha256);
      const report = await reader().evaluate<EmissionReport>('Mrv:GetReport', String(year), installationId);
      expect(report.activity).toEqual(request().activity);
    },
  );

  test('the other enterprise’s peer does not hold it, though its channel copy has the same hash', async () => {
    const competitor = await operator2.evaluate<ReportCommercialData>(
      'Mrv:GetReportCommercialData',
      String(year),
      installationId,
      '1',
    );
    expect(competitor.data).toBeUndefined();
    expect(competitor.storedText).toBeUndefined();
    expect(competitor.channelSha256).toBe(submitted.commercialData?.sha256);
    const report = await operator2.evaluate<EmissionReport>('Mrv:GetReport', String(year), installationId);
    expect(report.activity).toBeUndefined();
    expect(report.emissionsTonnes).toBe(3_264);
    // Not a matter of who asks: the regulator, a member, finds nothing on Enterprise2's peer either.
    const onThatPeer = await regulatorOnEnterprise2Peer.evaluate<ReportCommercialData>(
      'Mrv:GetReportCommercialData',
      String(year),
      installationId,
      '1',
    );
    expect(onThatPeer.data).toBeUndefined();
    expect(onThatPeer.channelSha256).toBe(submitted.commercialData?.sha256);
  });

  test('activity sent as a plain argument is refused and the report is unchanged', async () => {
    const refusal = await operator1.refusal(
      'Mrv:CorrectReport',
      JSON.stringify({ ...request(), reason: 'sent the wrong way' }),
    );
    expect(refusal.code).toBe('INVALID_ARGUMENT');
    expect(refusal.reason).toBe(
      'report.activity is commercial data: send it in the transient map under carbon.commercial, never as an argument (arguments are stored in the block)',
    );
    const report = await operator1.evaluate<EmissionReport>('Mrv:GetReport', String(year), installationId);
    expect(report.version).toBe(1);
    expect(report.commercialData).toEqual(submitted.commercialData);
  });

  test('a correction sent properly writes version 2 beside version 1; reconcile stays clean', async () => {
    const corrected = await operator1.submit<EmissionReport>('Mrv:CorrectReport', {
      ...request(),
      activity: [{ kind: 'electricity', quantity: '10', unit: 'MWh' }],
      reason: 'meter re-read',
    });
    expect(corrected.version).toBe(2);
    expect(corrected.commercialData?.sha256).not.toBe(submitted.commercialData?.sha256);
    const [first, second] = await Promise.all(
      ['1', '2'].map((version) =>
        auditor.evaluate<ReportCommercialData>(
          'Mrv:GetReportCommercialData',
          String(year),
          installationId,
          version,
        ),
      ),
    );
    expect(first?.data?.activity).toEqual(request().activity);
    expect(second?.data?.activity).toEqual([{ kind: 'electricity', quantity: '10', unit: 'MWh' }]);

    const { code, report } = await reconcileAsAuditor({ checkpoint: freshCheckpointPath() });
    expect(code).toBe(0);
    expect(report.mismatches).toEqual([]);
  });
});

/**
 * The carbon index's energy figures are commercial data too (issue 15, item 2): the channel keeps each month's
 * total and hash, the owner's collection the coal, oil, gas and electricity behind it.
 */
describe('carbon index energy figures in the private collection on the real network', () => {
  let regulator: Participant;
  let operator1: Participant;
  let auditor: Participant;
  let regulatorOnEnterprise2Peer: Participant;
  let year = 0;
  let installationId = '';
  let submission: MonthlyEmissions;
  const energy = { coal: '100', gas: '10', electricity: '200' };
  const index = (reader: Participant) =>
    reader.evaluate<InstallationCarbonIndex>('CarbonIndex:GetIndex', String(year), installationId);

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    operator1 = participant('Enterprise1', 'operator1');
    auditor = participant('Auditor', 'auditor1');
    regulatorOnEnterprise2Peer = participant('Regulator', 'regulator1', 'Enterprise2');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2174);
    installationId = `INST-${year}-CI`;
    const factorSetId = `CIX-${year}`;
    await regulator.submit('Registry:AddInstallations', {
      entityId: 'ENT1',
      installations: [{ id: installationId, sector: 'power', capacity: '300' }],
    });
    await regulator.submit('Registry:OpenAccount', {
      kind: 'holding',
      id: `HOLD-${year}-CI`,
      entityId: 'ENT1',
      installationId,
    });
    await regulator.submit('Period:PublishFactorSet', carbonIndexFactors(factorSetId));
    await regulator.submit('Period:CreatePeriod', {
      ...periodStartingNow(year, 1_000_000),
      carbonIndex: carbonIndexPolicy(factorSetId),
    });
    await regulator.submit('Allowance:IssueAllowances', { period: year, quantity: 10_000 });
    await allocateFixed(regulator, year, installationId, 1_200);
    submission = (
      await operator1.submit<{ submission: MonthlyEmissions }>('CarbonIndex:SubmitMonthlyEnergy', {
        installationId,
        period: year,
        month: 1,
        ...energy,
      })
    ).submission;
  });

  afterAll(() => {
    for (const p of [regulator, operator1, auditor, regulatorOnEnterprise2Peer]) p.connection.close();
  });

  test('the channel keeps the month’s total and hash, not the energy figures', async () => {
    // 100 t coal × 20 GJ/t × 95 t/TJ = 190,000 kg; 10 t gas × 48 × 56.1 = 26,928 kg; 200 MWh × 0.5703 = 114,060 kg.
    expect(submission.totalKg).toBe(330_988);
    expect(submission.commercialData.collection).toBe('commercial-Enterprise1MSP');
    const history = await auditor.evaluate<ObjectHistory>(
      'Query:GetHistory',
      JSON.stringify({ type: 'carbonIndexMonth', id: [String(year), installationId, '01'] }),
    );
    expect(history.history).toHaveLength(1);
    const stored = JSON.stringify(history.history[0]?.value);
    expect(stored).toContain(submission.commercialData.sha256);
    for (const field of ['coal', 'gas', 'electricity', 'emissionsKg']) expect(stored).not.toContain(field);
  });

  test.each([
    ['the owner (Enterprise1)', () => operator1],
    ['the regulator', () => regulator],
    ['the auditor', () => auditor],
  ])('%s sees the figures by source on its own peer', async (_who, reader) => {
    const answer = await index(reader());
    expect(answer.yearToDateKg).toBe(330_988);
    expect(answer.emissionsKg).toEqual({ coal: 190_000, oil: 0, gas: 26_928, electricity: 114_060 });
    // floor(330,988 × 12 × 10000 / (1,200 × 1000 × 1)) = 33,098 bp: January alone is 331 % of its twelfth.
    expect(answer.indexBasisPoints).toBe(33_098);
  });

  test('Enterprise2’s peer does not hold them: the index is refused there, the ranking from totals is not', async () => {
    await expect(index(regulatorOnEnterprise2Peer)).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      reason: expect.stringContaining('commercial data this peer does not hold') as unknown,
    });
    const ranking = await regulatorOnEnterprise2Peer.evaluate<CarbonIndexRanking>(
      'CarbonIndex:GetRanking',
      JSON.stringify({ period: year }),
    );
    expect(ranking.rows.find((row) => row.installationId === installationId)?.yearToDateKg).toBe(330_988);
  });

  test('energy sent as a plain argument is refused and the month is unchanged', async () => {
    const refusal = await operator1.refusal(
      'CarbonIndex:SubmitMonthlyEnergy',
      JSON.stringify({ installationId, period: year, month: 1, coal: '1' }),
    );
    expect(refusal.code).toBe('INVALID_ARGUMENT');
    expect(refusal.reason).toContain('energy.coal is commercial data');
    const answer = await index(operator1);
    expect(answer.months[0]?.totalKg).toBe(330_988);
    expect(answer.yearToDateKg).toBe(330_988);
  });
});
