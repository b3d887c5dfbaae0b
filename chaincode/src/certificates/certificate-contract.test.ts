import type {
  CertificateApplication,
  CertificateDevice,
  CertificateIssuance,
  EmissionReport,
} from '@carbon-ets/contract';
import { Users } from '../testing/identities';
import { addEnt1Installation, cancelledCertificatesOfEnt1 } from '../testing/cycle';
import { expectRefused } from '../testing/expect-refused';
import { cc, evaluate, Fixtures, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';
import type { Lot } from '../units/lot';

const issue = tx(cc.certificate, 'IssueCertificates');
const transfer = tx(cc.certificate, 'TransferCertificates');
const cancel = tx(cc.certificate, 'CancelCertificates');
const submitReport = tx(cc.mrv, 'SubmitReport');
const correctReport = tx(cc.mrv, 'CorrectReport');

/** The regulator issues DEV1's January 2025 certificates (the fixture's), with `changes`. */
const regulatorIssues = (ledger: TestLedger, changes: Record<string, unknown> = {}) =>
  submit(ledger, Users.regulator, issue, Fixtures.certificateIssuance(changes));

/** Production days `from`..`to`, both inclusive. */
const days = (from: string, to: string) => ({ productionPeriod: { from, to } });

/** The standard ledger with DEV1's 300 January certificates issued to TRADE1. */
async function januaryIssued(): Promise<TestLedger> {
  const ledger = await standardScenario();
  await regulatorIssues(ledger);
  return ledger;
}

/** The standard ledger with 150 of those certificates cancelled by ENT1: the lot a report may apply. */
async function cancelledLot(): Promise<{ ledger: TestLedger; lotId: string }> {
  const ledger = await standardScenario();
  return { ledger, lotId: await cancelledCertificatesOfEnt1(ledger, 150) };
}

/** INST1's 2025 report (or another installation's) applying green certificate lots. */
const reportApplying = (lotIds: unknown[], installationId = 'INST1', extra: Record<string, unknown> = {}) =>
  Fixtures.report(installationId, { ...extra, greenCertificateLotIds: lotIds });

async function lotsOf(ledger: TestLedger, accountId: string): Promise<Lot[]> {
  const view = (await evaluate(ledger, Users.auditor, tx(cc.query, 'GetHoldings'), accountId)) as {
    holdings: { unitType: string; lots: { id: string }[] }[];
  };
  const ids = view.holdings.filter((h) => h.unitType === 'greenCertificate').flatMap((h) => h.lots);
  const lots: Lot[] = [];
  for (const { id } of ids) {
    lots.push((await evaluate(ledger, Users.auditor, tx(cc.allowance, 'GetLot'), accountId, id)) as Lot);
  }
  return lots;
}

describe('Certificate', () => {
  it('issues 1 certificate per MWh with the device, production period and the device next serials', async () => {
    const ledger = await standardScenario();
    const first = (await regulatorIssues(ledger)) as CertificateIssuance;
    expect(first).toMatchObject({ vintage: 2025, serialStart: 1, serialEnd: 300, quantity: 300 });
    expect(ledger.lastEvent()).toMatchObject({ name: 'CertificatesIssued', payload: { issuance: first } });
    const february = (await regulatorIssues(ledger, {
      ...days('2025-02-01', '2025-02-28'),
      quantity: 250,
    })) as CertificateIssuance;
    expect([february.serialStart, february.serialEnd]).toEqual([301, 550]);
    expect(await evaluate(ledger, Users.trader2, tx(cc.certificate, 'GetDevice'), 'DEV1')).toMatchObject({
      installationId: 'INST1',
      entityId: 'ENT1',
      nextSerial: 551,
      issued: 550,
    } satisfies Partial<CertificateDevice>);
    const [lot] = await lotsOf(ledger, 'TRADE1');
    expect(lot).toMatchObject({
      unitType: 'greenCertificate',
      deviceId: 'DEV1',
      productionPeriod: { from: '2025-01-01', to: '2025-01-31' },
      quantity: 300,
      status: 'held',
    });
  });

  it('refuses a production day of a device issued twice, with the ledger unchanged', async () => {
    const ledger = await januaryIssued();
    // Shares 31 January only, across a month boundary.
    await expectRefused(
      ledger,
      regulatorIssues(ledger, days('2025-01-31', '2025-02-10')),
      'CONFLICT',
      'production period 2025-01-31..2025-02-10 of device DEV1 overlaps 2025-01-01..2025-01-31, already issued',
    );
    await expectRefused(ledger, regulatorIssues(ledger, days('2025-01-10', '2025-01-10')), 'CONFLICT');
    await expectRefused(
      ledger,
      regulatorIssues(ledger, { installationId: 'INST2', toAccount: 'TRADE2' }),
      'FAILED_PRECONDITION',
      'device DEV1 belongs to installation INST1, not INST2',
    );
    await expectRefused(
      ledger,
      regulatorIssues(ledger, { deviceId: 'DEV2', toAccount: 'TRADE2' }),
      'INVALID_ARGUMENT',
      'does not belong to ENT1',
    );
    await expectRefused(
      ledger,
      regulatorIssues(ledger, days('2025-12-01', '2026-01-31')),
      'INVALID_ARGUMENT',
      'spans two calendar years',
    );
    // The next day, and the same days for another device, are fine.
    await regulatorIssues(ledger, { ...days('2025-02-01', '2025-02-01'), quantity: 1 });
    await regulatorIssues(ledger, { deviceId: 'DEV2' });
  });

  it('transfers certificates, keeping their device and production period', async () => {
    const ledger = await januaryIssued();
    const moved = (await submit(ledger, Users.trader1, transfer, {
      fromAccount: 'TRADE1',
      toAccount: 'TRADE2',
      quantity: 120,
      deviceId: 'DEV1',
    })) as { moved: Lot[] };
    expect(ledger.lastEvent()).toMatchObject({
      name: 'CertificatesTransferred',
      payload: { fromAccount: 'TRADE1', toAccount: 'TRADE2', quantity: 120 },
    });
    expect(moved.moved).toEqual([
      expect.objectContaining({
        accountId: 'TRADE2',
        unitType: 'greenCertificate',
        deviceId: 'DEV1',
        productionPeriod: { from: '2025-01-01', to: '2025-01-31' },
        serialStart: 1,
        serialEnd: 120,
        origin: 'transfer',
      }),
    ]);
    expect((await lotsOf(ledger, 'TRADE1')).map((lot) => [lot.serialStart, lot.serialEnd])).toEqual([
      [121, 300],
    ]);
    // Allowance transfers never pick certificates.
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, tx(cc.allowance, 'Transfer'), {
        fromAccount: 'TRADE1',
        toAccount: 'TRADE2',
        quantity: 1,
      }),
      'FAILED_PRECONDITION',
      /has 0 allowances available/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, transfer, { fromAccount: 'TRADE1', toAccount: 'TRADE2', quantity: 181 }),
      'FAILED_PRECONDITION',
      'has 180 green certificates available, 181 needed',
    );
  });

  it('cancels certificates once, for a named beneficiary: a second cancellation is refused, ledger unchanged', async () => {
    const ledger = await januaryIssued();
    const [held] = await lotsOf(ledger, 'TRADE1');
    const result = (await submit(ledger, Users.trader1, cancel, {
      accountId: 'TRADE1',
      quantity: 300,
      beneficiary: 'Hefei Metro Line 3',
      reason: 'green electricity claim 2025',
      lotIds: [held?.id],
    })) as { lots: Lot[] };
    expect(result.lots).toEqual([
      expect.objectContaining({
        accountId: 'NATIONAL-DELETION',
        status: 'retired',
        quantity: 300,
        retirement: {
          beneficiary: 'Hefei Metro Line 3',
          reason: 'green electricity claim 2025',
          entityId: 'ENT1',
        },
      }),
    ]);
    expect(ledger.lastEvent()).toMatchObject({
      name: 'CertificatesCancelled',
      payload: { accountId: 'TRADE1', entityId: 'ENT1', beneficiary: 'Hefei Metro Line 3', quantity: 300 },
    });
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, cancel, {
        accountId: 'TRADE1',
        quantity: 300,
        beneficiary: 'Hefei Metro Line 3',
        lotIds: [held?.id],
      }),
      'NOT_FOUND',
      `lot ${held?.id ?? ''} is not in account TRADE1`,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, cancel, { accountId: 'TRADE1', quantity: 1, beneficiary: 'x' }),
      'FAILED_PRECONDITION',
      'has 0 green certificates available',
    );
    // Nobody cancels (or moves) out of the deletion account.
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, cancel, {
        accountId: 'NATIONAL-DELETION',
        quantity: 1,
        beneficiary: 'x',
        lotIds: [result.lots[0]?.id],
      }),
      'FORBIDDEN',
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.trader2, cancel, { accountId: 'TRADE1', quantity: 1, beneficiary: 'x' }),
      'FORBIDDEN',
    );
  });

  describe('applied against purchased electricity in a report', () => {
    it('counts the certified MWh at zero grid factor, exactly', async () => {
      const { ledger, lotId } = await cancelledLot();
      const report = (await submit(
        ledger,
        Users.operator1,
        submitReport,
        reportApplying([lotId]),
      )) as EmissionReport;
      // 1,000 t gas = 2,692,800 kg; 1,000 MWh × 0.5703 = 570,300 kg; 150 MWh certified: −85,545 kg.
      const read = (await evaluate(
        ledger,
        Users.operator1,
        tx(cc.mrv, 'GetReport'),
        '2025',
        'INST1',
      )) as EmissionReport;
      expect(read.lineEmissionsKg).toEqual([2_692_800, 570_300]);
      expect(report.greenCertificates).toEqual({ lotIds: [lotId], mwh: 150, zeroRatedKg: 85_545 });
      expect(report.emissionsKg).toBe(2_692_800 + 570_300 - 85_545);
      expect(report.emissionsTonnes).toBe(3_178);
      expect(
        await evaluate(ledger, Users.operator1, tx(cc.certificate, 'GetApplication'), lotId),
      ).toMatchObject({
        lotId,
        period: 2025,
        installationId: 'INST1',
        entityId: 'ENT1',
        reportVersion: 1,
        mwh: 150,
      } satisfies Partial<CertificateApplication>);
      await expect(
        evaluate(ledger, Users.operator2, tx(cc.certificate, 'GetApplication'), lotId),
      ).rejects.toThrow(/^FORBIDDEN: only ENT1's users/);
    });

    it('refuses a certificate applied to a second report, with the ledger unchanged; a correction releases it', async () => {
      const { ledger, lotId } = await cancelledLot();
      await addEnt1Installation(ledger, 'INST9', 'HOLD9', '100');
      await submit(ledger, Users.operator1, submitReport, reportApplying([lotId]));
      await expectRefused(
        ledger,
        submit(ledger, Users.operator1, submitReport, reportApplying([lotId], 'INST9')),
        'CONFLICT',
        `certificate lot ${lotId} is already applied to the 2025 report of INST1 (version 1, tx `,
      );
      // The same report's correction may list it again; one that drops it releases it.
      const again = (await submit(
        ledger,
        Users.operator1,
        correctReport,
        reportApplying([lotId], 'INST1', { reason: 'meter reading corrected' }),
      )) as EmissionReport;
      expect(again.greenCertificates?.mwh).toBe(150);
      const without = (await submit(ledger, Users.operator1, correctReport, {
        ...Fixtures.report(),
        reason: 'certificates used for INST9',
      })) as EmissionReport;
      expect(without.greenCertificates).toBeUndefined();
      expect(without.emissionsKg).toBe(2_692_800 + 570_300);
      const inst9 = (await submit(
        ledger,
        Users.operator1,
        submitReport,
        reportApplying([lotId], 'INST9'),
      )) as EmissionReport;
      expect(inst9.greenCertificates?.zeroRatedKg).toBe(85_545);
    });

    it('refuses lots that are not cancelled certificates of the entity, of the year, within the electricity bought', async () => {
      const { ledger, lotId } = await cancelledLot();
      const [held] = await lotsOf(ledger, 'TRADE1');
      const withLots = (lots: unknown[], extra: Record<string, unknown> = {}) =>
        submit(ledger, Users.operator1, submitReport, reportApplying(lots, 'INST1', extra));
      await expectRefused(
        ledger,
        withLots([held?.id]),
        'NOT_FOUND',
        'is not a cancelled lot in NATIONAL-DELETION',
      );
      await expectRefused(
        ledger,
        withLots([lotId], {
          activity: [
            { kind: 'fuel', fuel: 'natural_gas', quantity: '1000', unit: 't' },
            { kind: 'electricity', quantity: '149.5', unit: 'MWh' },
          ],
        }),
        'FAILED_PRECONDITION',
        "green certificates for 150 MWh exceed the report's purchased electricity (149.5 MWh)",
      );
      // ENT2 buys and cancels certificates itself: they count only in ENT2's reports.
      await submit(ledger, Users.trader1, transfer, {
        fromAccount: 'TRADE1',
        toAccount: 'TRADE2',
        quantity: 10,
      });
      const ent2 = (await submit(ledger, Users.trader2, cancel, {
        accountId: 'TRADE2',
        quantity: 10,
        beneficiary: 'Enterprise Two',
      })) as { lots: Lot[] };
      await expectRefused(
        ledger,
        withLots([ent2.lots[0]?.id]),
        'FORBIDDEN',
        'was cancelled by ENT2; only ENT1',
      );
      // Production of 2026 does not count against 2025 electricity.
      await regulatorIssues(ledger, { ...days('2026-01-01', '2026-01-31'), quantity: 5 });
      const next = (await submit(ledger, Users.trader1, cancel, {
        accountId: 'TRADE1',
        quantity: 5,
        beneficiary: 'x',
        vintage: 2026,
      })) as { lots: Lot[] };
      await expectRefused(
        ledger,
        withLots([next.lots[0]?.id]),
        'FAILED_PRECONDITION',
        'is for production in 2026',
      );
    });
  });
});
