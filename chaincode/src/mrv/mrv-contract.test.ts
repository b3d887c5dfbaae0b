import { assignVer1 } from '../testing/cycle';
import { Users } from '../testing/identities';
import { cc, evaluate, Fixtures, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';
import type { EmissionReport } from './emission-report';
import { isMaterialDifference } from './materiality';
import { AnyCode, expectRefused as expectRefusal } from '../testing/expect-refused';

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
      emissionsKg: 3_263_100,
      emissionsTonnes: 3_264,
      late: false,
    });
    // The per-line figures are commercial: the owner reads them from its collection.
    const read = (await evaluate(ledger, Users.operator1, getReport, '2025', 'INST1')) as EmissionReport;
    expect(read.lineEmissionsKg).toEqual([2_692_800, 570_300]);
    expect(ledger.lastEvent()?.name).toBe('ReportSubmitted');
    await assignVer1(ledger);
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
    await assignVer1(ledger);
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
    // Checked before the assignment: no verifier of VerifierMSP could be assigned to INST9 anyway.
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

  describe('verified against the computed emissions', () => {
    // INST1's report computes 3,264 t; the 2025 period has the default materiality threshold of 5 % (500 bp):
    // 5 % of 3,264 t is 163.2 t, so a difference of 163 t needs no reason and one of 164 t does.
    const reportRef = { period: 2025, installationId: 'INST1', version: 1 };
    const version1 = { ...reportRef, opinion: 'positive' };
    let base: TestLedger;
    beforeAll(async () => {
      base = await standardScenario();
      base.setTime('2026-03-01T00:00:00Z');
      await submit(base, Users.operator1, submitReport, Fixtures.report());
      await assignVer1(base);
    });

    /** A verification refused with `message`, having attempted no write and left the world as it was. */
    async function expectRefused(
      ledger: TestLedger,
      request: Record<string, unknown>,
      message: string | RegExp,
    ): Promise<void> {
      await expectRefusal(ledger, submit(ledger, Users.verifier, verify, request), AnyCode, message);
    }

    it('refuses zero verified emissions for a report that computes some, even with a reason', async () => {
      const ledger = base.fork();
      const zero =
        'FAILED_PRECONDITION: verified emissions of 0 t for the 2025 report of INST1 (version 1), which computes 3264 t, are refused; reject the report so its operator corrects it';
      await expectRefused(ledger, { ...version1, verifiedEmissions: 0 }, zero);
      await expectRefused(ledger, { ...version1, verifiedEmissions: 0, reason: 'plant idle all year' }, zero);
      // The way out is a rejection and a corrected report.
      await submit(ledger, Users.verifier, reject, { ...reportRef, reason: 'plant idle all year' });
      expect(
        ((await evaluate(ledger, Users.auditor, getReport, '2025', 'INST1')) as EmissionReport).status,
      ).toBe('rejected');
    });

    it.each([
      ['164 t above', 3_428],
      ['164 t below', 3_100],
    ])('refuses a difference beyond the threshold (%s) without a reason', async (_, verifiedEmissions) => {
      await expectRefused(
        base.fork(),
        { ...version1, verifiedEmissions },
        `FAILED_PRECONDITION: verified emissions of ${verifiedEmissions} t differ from the 3264 t computed for the 2025 report of INST1 (version 1) by more than the 2025 materiality threshold of 500 bp; state the reason`,
      );
    });

    it.each([
      ['equal', 3_264, 0],
      ['163 t above', 3_427, 163],
      ['163 t below', 3_101, -163],
    ])(
      'accepts a difference within the threshold (%s) without a reason',
      async (_, verifiedEmissions, difference) => {
        const ledger = base.fork();
        const verified = (await submit(ledger, Users.verifier, verify, {
          ...version1,
          verifiedEmissions,
        })) as EmissionReport;
        expect(verified.verification).toMatchObject({
          verifiedEmissionsTonnes: verifiedEmissions,
          differenceTonnes: difference,
        });
        expect(verified.verification?.reason).toBeUndefined();
        expect(ledger.lastEvent()).toMatchObject({
          name: 'ReportVerified',
          payload: { verifiedEmissions, differenceTonnes: difference },
        });
      },
    );

    it('accepts a material difference with the verifier’s reason; the acceptance shows both', async () => {
      const ledger = base.fork();
      const reason = 'boiler 2 fuel meter under-read by 12 %; corrected from supplier invoices';
      const verified = (await submit(ledger, Users.verifier, verify, {
        ...version1,
        verifiedEmissions: 3_656,
        opinion: 'positive-with-comments',
        reason,
      })) as EmissionReport;
      expect(verified.verification).toMatchObject({
        verifiedEmissionsTonnes: 3_656,
        differenceTonnes: 392,
        reason,
      });
      expect(ledger.lastEvent()).toMatchObject({
        name: 'ReportVerified',
        payload: { verifiedEmissions: 3_656, differenceTonnes: 392, reason },
      });
      const accepted = (await submit(ledger, Users.regulator, accept, {
        period: 2025,
        installationId: 'INST1',
        version: 1,
      })) as EmissionReport;
      expect(accepted).toMatchObject({
        emissionsTonnes: 3_264,
        verification: { verifiedEmissionsTonnes: 3_656 },
        acceptance: { differenceTonnes: 392, reason },
      });
      expect(ledger.lastEvent()).toMatchObject({
        name: 'ReportAccepted',
        payload: { emissionsTonnes: 3_264, verifiedEmissions: 3_656, differenceTonnes: 392, reason },
      });
      expect(
        await evaluate(ledger, Users.operator1, tx(cc.compliance, 'GetComplianceStatus'), '2025', 'INST1'),
      ).toMatchObject({ verifiedEmissions: 3_656 });
    });

    it('shows a zero difference and no reason when the figures agree', async () => {
      const ledger = base.fork();
      await submit(ledger, Users.verifier, verify, { ...version1, verifiedEmissions: 3_264 });
      const accepted = (await submit(ledger, Users.regulator, accept, {
        period: 2025,
        installationId: 'INST1',
        version: 1,
      })) as EmissionReport;
      expect(accepted.acceptance).toMatchObject({ differenceTonnes: 0 });
      expect(accepted.acceptance?.reason).toBeUndefined();
      expect(ledger.lastEvent()?.payload).toMatchObject({ differenceTonnes: 0 });
      expect(ledger.lastEvent()?.payload).not.toHaveProperty('reason');
    });

    it('uses the threshold configured on the period, a difference of exactly the threshold being immaterial', async () => {
      const ledger = base.fork();
      // 625 bp of 3,264 t is exactly 204 t.
      await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), {
        ...Fixtures.period2025,
        year: 2026,
        deadlines: { reportBy: '2027-03-31', verifyBy: '2027-06-30', surrenderBy: '2027-09-30' },
        materialityThresholdBasisPoints: 625,
      });
      await submit(ledger, Users.operator1, submitReport, Fixtures.report('INST1', { period: 2026 }));
      await assignVer1(ledger, 'INST1', 2026);
      const version2026 = { ...version1, period: 2026 };
      await expectRefused(
        ledger,
        { ...version2026, verifiedEmissions: 3_264 + 205 },
        'by more than the 2026 materiality threshold of 625 bp; state the reason',
      );
      await expectRefused(ledger, { ...version2026, verifiedEmissions: 3_264 - 205 }, 'state the reason');
      const verified = (await submit(ledger, Users.verifier, verify, {
        ...version2026,
        verifiedEmissions: 3_264 + 204,
      })) as EmissionReport;
      expect(verified.verification).toMatchObject({ differenceTonnes: 204 });
    });
  });
});

describe('materiality', () => {
  it('compares |verified − computed| × 10,000 with threshold × computed exactly', () => {
    expect(isMaterialDifference(3_427, 3_264, 500)).toBe(false); // 1,630,000 ≤ 1,632,000
    expect(isMaterialDifference(3_428, 3_264, 500)).toBe(true); // 1,640,000 > 1,632,000
    expect(isMaterialDifference(105, 100, 500)).toBe(false); // exactly 5 %
    expect(isMaterialDifference(95, 100, 500)).toBe(false);
    expect(isMaterialDifference(94, 100, 500)).toBe(true);
    expect(isMaterialDifference(100, 100, 0)).toBe(false);
    expect(isMaterialDifference(101, 100, 0)).toBe(true);
    expect(isMaterialDifference(1, 0, 10_000)).toBe(true); // nothing computed: any emissions are material
    expect(isMaterialDifference(0, 0, 500)).toBe(false);
  });

  it('stays exact where the products pass 2^53', () => {
    const computed = 2 ** 50; // × 500 and × 10,000 are far beyond 2^53
    const fivePercent = 2 ** 50 / 20; // 56,294,995,342,131.2: the threshold falls between two integers
    expect(isMaterialDifference(computed + Math.floor(fivePercent), computed, 500)).toBe(false);
    expect(isMaterialDifference(computed + Math.ceil(fivePercent), computed, 500)).toBe(true);
  });
});
