import type { EmissionReport, VerifierAccreditation, VerifierAssignment } from '@carbon-ets/contract';
import {
  ensureBaseline,
  firstFreePeriodYear,
  gasAndGridFactors,
  gasAndGridReport,
  periodStartingNow,
} from './support/baseline';
import { isMissing, participant, type Participant } from './support/participants';
import { ensureAccredited } from './support/verifiers';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Issue 13, item 4 on the real network: the regulator accredits verifier entities (VER1: verifier1's, VER2:
 * verifier2's) and assigns one to an installation's report; only the assigned entity's verifier users may verify
 * it, and only while its accreditation is valid and covers the installation's sector. Every refusal leaves the
 * report as it was.
 */
describe('verifiers accredited and assigned on the real network', () => {
  let regulator: Participant;
  let operator1: Participant;
  let verifier1: Participant;
  let verifier2: Participant;
  let auditor: Participant;
  let year = 0;
  let installationId = '';

  const report = () => auditor.evaluate<EmissionReport>('Mrv:GetReport', String(year), installationId);
  const verification = () => ({
    period: year,
    installationId,
    version: 1,
    verifiedEmissions: 3_264,
    opinion: 'positive',
  });
  const accreditVer2 = (sectors: string[]) =>
    regulator.submit<VerifierAccreditation>('Mrv:AccreditVerifier', {
      entityId: 'VER2',
      sectors,
      validUntil: new Date(Date.now() + YEAR_MS).toISOString(),
    });
  const assign = (verifierEntityId: string) =>
    regulator.submit<VerifierAssignment>('Mrv:AssignVerifier', {
      period: year,
      installationId,
      verifierEntityId,
    });

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    operator1 = participant('Enterprise1', 'operator1');
    verifier1 = participant('Verifier', 'verifier1');
    verifier2 = participant('Verifier', 'verifier2');
    auditor = participant('Auditor', 'auditor1');
    // ENT1, ENT2 and the verifier entities VER1, VER2.
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2160);
    installationId = `INST-${year}-VER`;
    await regulator.submit('Period:CreatePeriod', periodStartingNow(year, 1_000_000));
    await regulator.submit('Period:PublishFactorSet', gasAndGridFactors(`FS-${year}-VER`));
    await regulator.submit('Registry:AddInstallations', {
      entityId: 'ENT1',
      installations: [{ id: installationId, sector: 'power', capacity: '300' }],
    });
    await operator1.submit('Mrv:SubmitReport', gasAndGridReport(year, installationId, `FS-${year}-VER`));
  });

  afterAll(() => {
    for (const p of [regulator, operator1, verifier1, verifier2, auditor]) p.connection.close();
  });

  it('refuses to assign a verifier not accredited for the installation’s sector', async () => {
    await ensureAccredited(regulator, 'VER1', 'power');
    const ver2 = await accreditVer2(['steel']);
    expect(ver2).toMatchObject({ entityId: 'VER2', sectors: ['steel'] });
    expect(ver2.withdrawn).toBeUndefined();
    const refusal = await regulator.refusal('Mrv:AssignVerifier', {
      period: year,
      installationId,
      verifierEntityId: 'VER2',
    });
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(refusal.reason).toContain('verifier VER2 is not accredited for sector power');
    expect(
      await isMissing(() => auditor.evaluate('Mrv:GetVerifierAssignment', String(year), installationId)),
    ).toBe(true);
  });

  it('refuses to verify a report no verifier is assigned to, telling the regulator to assign one', async () => {
    const refusal = await verifier1.refusal('Mrv:VerifyReport', verification());
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(refusal.reason).toContain(
      `no verifier is assigned to the ${year} report of ${installationId}; the regulator assigns one`,
    );
    expect((await report()).status).toBe('submitted');
  });

  it('refuses a verifier of another entity than the one assigned', async () => {
    await accreditVer2(['power', 'steel']);
    const assignment = await assign('VER1');
    expect(assignment).toMatchObject({
      period: year,
      installationId,
      sector: 'power',
      verifierEntityId: 'VER1',
    });
    const before = await report();
    const refusal = await verifier2.refusal('Mrv:VerifyReport', verification());
    expect(refusal.code).toBe('FORBIDDEN');
    expect(refusal.reason).toContain('is assigned to verifier VER1; caller acts for VER2');
    const rejection = await verifier2.refusal('Mrv:RejectReport', {
      period: year,
      installationId,
      version: 1,
      reason: 'not mine to reject',
    });
    expect(rejection.code).toBe('FORBIDDEN');
    expect(await report()).toEqual(before);
  });

  it('refuses the assigned verifier while its accreditation is withdrawn', async () => {
    const reassigned = await assign('VER2');
    expect(reassigned).toMatchObject({ verifierEntityId: 'VER2', previousVerifierEntityId: 'VER1' });
    await regulator.submit('Mrv:WithdrawAccreditation', {
      entityId: 'VER2',
      reason: 'suspended pending the accreditation body’s review',
    });
    const before = await report();
    const refusal = await verifier2.refusal('Mrv:VerifyReport', verification());
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(refusal.reason).toContain("verifier VER2's accreditation was withdrawn");
    // VER1 is no longer the assigned entity.
    expect((await verifier1.refusal('Mrv:VerifyReport', verification())).code).toBe('FORBIDDEN');
    expect(await report()).toEqual(before);
  });

  it('lets the assigned, accredited verifier verify; its verifier can then no longer be changed', async () => {
    await assign('VER1');
    const verified = await verifier1.submit<EmissionReport>('Mrv:VerifyReport', verification());
    expect(verified).toMatchObject({ status: 'verified', verification: { verifiedEmissionsTonnes: 3_264 } });
    const refusal = await regulator.refusal('Mrv:AssignVerifier', {
      period: year,
      installationId,
      verifierEntityId: 'VER2',
    });
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    expect(refusal.reason).toContain('is already verified');
    const assignments = await auditor.evaluate<VerifierAssignment[]>(
      'Mrv:ListVerifierAssignments',
      String(year),
    );
    expect(assignments).toEqual([expect.objectContaining({ installationId, verifierEntityId: 'VER1' })]);
    const accepted = await regulator.submit<EmissionReport>('Mrv:AcceptReport', {
      period: year,
      installationId,
      version: 1,
    });
    expect(accepted.status).toBe('accepted');
  });
});
