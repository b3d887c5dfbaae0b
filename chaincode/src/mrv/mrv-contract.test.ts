import { Users } from '../testing/identities';
import { cc, evaluate, Fixtures, standardScenario, submit, tx } from '../testing/scenario';
import type { EmissionReport } from './emission-report';

const submitReport = tx(cc.mrv, 'SubmitReport');
const correct = tx(cc.mrv, 'CorrectReport');
const verify = tx(cc.mrv, 'VerifyReport');
const reject = tx(cc.mrv, 'RejectReport');
const accept = tx(cc.mrv, 'AcceptReport');
const getReport = tx(cc.mrv, 'GetReport');

describe('Mrv', () => {
  it('runs submit → verify → accept and records the obligation', async () => {
    const ledger = await standardScenario();
    ledger.setTime('2026-03-01T00:00:00Z');
    const report = (await submit(ledger, Users.operator1, submitReport, Fixtures.report())) as EmissionReport;
    expect(report).toMatchObject({
      version: 1,
      status: 'submitted',
      lineEmissionsKg: [2_692_800, 570_300],
      emissionsKg: 3_263_100,
      emissionsTonnes: 3_264,
      late: false,
    });
    expect(ledger.lastEvent()?.name).toBe('ReportSubmitted');
    await submit(ledger, Users.verifier, verify, {
      period: 2025,
      installationId: 'INST1',
      version: 1,
      verifiedEmissions: 3_264,
      opinion: 'positive',
    });
    const accepted = (await submit(ledger, Users.regulator, accept, {
      period: 2025,
      installationId: 'INST1',
      version: 1,
    })) as EmissionReport;
    expect(accepted.status).toBe('accepted');
    expect(accepted.acceptance?.by).toContain('RegulatorMSP');
    expect(
      await evaluate(ledger, Users.operator1, tx(cc.compliance, 'GetComplianceStatus'), '2025', 'INST1'),
    ).toMatchObject({
      verifiedEmissions: 3_264,
      obligation: 3_264,
      code: 'B',
    });
    await expect(
      submit(ledger, Users.operator1, correct, { ...Fixtures.report(), reason: 'late fix' }),
    ).rejects.toThrow('already accepted');
  });

  it('rejects, corrects as a new version and keeps earlier versions in history', async () => {
    const ledger = await standardScenario();
    await submit(ledger, Users.operator1, submitReport, Fixtures.report());
    await expect(submit(ledger, Users.operator1, submitReport, Fixtures.report())).rejects.toThrow(
      'use CorrectReport',
    );
    await submit(ledger, Users.verifier, reject, {
      period: 2025,
      installationId: 'INST1',
      version: 1,
      reason: 'meter data missing',
    });
    await expect(
      submit(ledger, Users.verifier, verify, {
        period: 2025,
        installationId: 'INST1',
        version: 1,
        verifiedEmissions: 1,
        opinion: 'positive',
      }),
    ).rejects.toThrow('only a submitted report can be verified');
    ledger.setTime('2026-04-15T00:00:00Z');
    const corrected = (await submit(ledger, Users.operator1, correct, {
      ...Fixtures.report('INST1', { activity: [{ kind: 'electricity', quantity: '2000', unit: 'MWh' }] }),
      reason: 'added meter data',
    })) as EmissionReport;
    expect(corrected).toMatchObject({ version: 2, status: 'submitted', emissionsKg: 1_140_600, late: true });
    expect(corrected.rejection).toBeUndefined();
    await expect(
      submit(ledger, Users.verifier, verify, {
        period: 2025,
        installationId: 'INST1',
        version: 1,
        verifiedEmissions: 1,
        opinion: 'positive',
      }),
    ).rejects.toThrow('is at version 2, not 1');
    ledger.setTime('2026-07-15T00:00:00Z');
    const verified = (await submit(ledger, Users.verifier, verify, {
      period: 2025,
      installationId: 'INST1',
      version: 2,
      verifiedEmissions: 1_141,
      opinion: 'positive-with-comments',
      comment: 'rounding checked',
    })) as EmissionReport;
    expect(verified.verification).toMatchObject({ late: true, verifiedEmissionsTonnes: 1_141 });
    // A verified report can still be rejected before acceptance.
    await submit(ledger, Users.verifier, reject, {
      period: 2025,
      installationId: 'INST1',
      version: 2,
      reason: 'recheck',
    });
    await expect(
      submit(ledger, Users.regulator, accept, { period: 2025, installationId: 'INST1', version: 2 }),
    ).rejects.toThrow('only a verified report can be accepted');
    const history = (await evaluate(ledger, Users.auditor, tx(cc.query, 'GetHistory'), {
      type: 'report',
      id: [2025, 'INST1'],
    })) as { history: { value: EmissionReport }[] };
    expect(history.history.map((h) => `${h.value.version}:${h.value.status}`)).toEqual([
      '2:rejected',
      '2:verified',
      '2:submitted',
      '1:rejected',
      '1:submitted',
    ]);
    expect(await evaluate(ledger, Users.trader2, getReport, '2025', 'INST1')).toMatchObject({ version: 2 });
  });

  it('checks who reports and what is reported', async () => {
    const ledger = await standardScenario();
    await expect(submit(ledger, Users.operator2, submitReport, Fixtures.report())).rejects.toThrow(
      'FORBIDDEN: SubmitReport: only users of entity ENT1',
    );
    await expect(
      submit(ledger, Users.operator1, correct, { ...Fixtures.report(), reason: 'x' }),
    ).rejects.toThrow('no 2025 report for INST1 to correct');
    await expect(
      submit(ledger, Users.operator1, submitReport, Fixtures.report('INST1', { factorSetVersion: 7 })),
    ).rejects.toThrow('emission factor set IPCC2006 version 7 does not exist');
    await expect(
      submit(
        ledger,
        Users.operator1,
        submitReport,
        Fixtures.report('INST1', { documents: [{ name: 'x', sha256: 'abc' }] }),
      ),
    ).rejects.toThrow('SHA-256');
    await expect(
      submit(
        ledger,
        Users.operator1,
        submitReport,
        Fixtures.report('INST1', {
          activity: [{ kind: 'fuel', fuel: 'natural_gas', quantity: '1', unit: 'barrel' }],
        }),
      ),
    ).rejects.toThrow('unit must be one of t, kt');
    await expect(evaluate(ledger, Users.operator1, getReport, '2025', 'INST1')).rejects.toThrow('NOT_FOUND');
  });

  it('never lets a verifier review its own org', async () => {
    const ledger = await standardScenario();
    await submit(ledger, Users.regulator, tx(cc.registry, 'RegisterEntity'), {
      id: 'ENT9',
      kind: 'covered',
      name: 'Verifier-owned plant',
      ownerMsp: 'VerifierMSP',
      installations: [{ id: 'INST9', sector: 'power', capacity: '1' }],
    });
    await submit(ledger, Users.regulator, tx(cc.registry, 'OpenAccount'), {
      kind: 'holding',
      id: 'HOLD9',
      entityId: 'ENT9',
      installationId: 'INST9',
    });
    // Seed a report for INST9 directly: no enterprise user of VerifierMSP exists to submit it.
    await ledger.submit(Users.regulator, async (ctx) => {
      const report = { ...Fixtures.report('INST9'), entityId: 'ENT9', version: 1, status: 'submitted' };
      await ctx.stub.putState(
        ctx.stub.createCompositeKey('report', ['2025', 'INST9']),
        Buffer.from(JSON.stringify(report)),
      );
    });
    await expect(
      submit(ledger, Users.verifier, verify, {
        period: 2025,
        installationId: 'INST9',
        version: 1,
        verifiedEmissions: 1,
        opinion: 'positive',
      }),
    ).rejects.toThrow('cannot review a report of its own org');
  });
});
