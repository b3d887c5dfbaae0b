import { createHash } from 'node:crypto';
import {
  COMMERCIAL_TRANSIENT_KEY,
  type EmissionReport,
  type ReportCommercialData,
} from '@carbon-ets/contract';
import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import { cc, evaluate, Fixtures, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

const submitReport = tx(cc.mrv, 'SubmitReport');
const correctReport = tx(cc.mrv, 'CorrectReport');
const getReport = tx(cc.mrv, 'GetReport');
const getCommercial = tx(cc.mrv, 'GetReportCommercialData');

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

async function submitted(): Promise<{ ledger: TestLedger; report: EmissionReport }> {
  const ledger = await standardScenario();
  ledger.setTime('2026-03-01T00:00:00Z');
  const report = (await submit(ledger, Users.operator1, submitReport, Fixtures.report())) as EmissionReport;
  return { ledger, report };
}

describe("a report's activity data is the enterprise's commercial data", () => {
  it('is kept in its organisation’s collection; the channel keeps its hash and the emissions only', async () => {
    const { ledger, report } = await submitted();
    expect(report.activity).toBeUndefined();
    expect(report.documents).toBeUndefined();
    expect(report.lineEmissionsKg).toBeUndefined();
    expect(report.emissionsTonnes).toBe(3_264);
    expect(report.commercialData).toMatchObject({
      collection: 'commercial-Enterprise1MSP',
      key: ['reportActivity', '2025', 'INST1', '1'],
    });
    // No public value holds the activity lines or names the document; the collection holds them.
    const publicText = [...ledger.world.state.values()].map((v) => Buffer.from(v).toString()).join('\n');
    expect(publicText).not.toContain('fuel-invoices.pdf');
    expect(publicText).not.toContain('"activity"');
    const stored = [...(ledger.world.privateState.get('commercial-Enterprise1MSP')?.values() ?? [])];
    expect(stored).toHaveLength(1);
    const text = Buffer.from(stored[0] ?? new Uint8Array()).toString();
    expect(text).toContain('fuel-invoices.pdf');
    expect(sha256(text)).toBe(report.commercialData?.sha256);
  });

  it.each([
    ['the owner', Users.operator1],
    ['the regulator', Users.regulator],
    ['a verifier', Users.verifier],
    ['the auditor', Users.auditor],
  ])('%s reads it, and its stored text hashes to the channel’s hash', async (_who, user) => {
    const { ledger, report } = await submitted();
    const read = (await evaluate(ledger, user, getReport, '2025', 'INST1')) as EmissionReport;
    expect(read.activity).toEqual(Fixtures.report().activity);
    expect(read.lineEmissionsKg).toEqual([2_692_800, 570_300]);
    const commercial = (await evaluate(
      ledger,
      user,
      getCommercial,
      '2025',
      'INST1',
      '1',
    )) as ReportCommercialData;
    expect(commercial.channelSha256).toBe(report.commercialData?.sha256);
    expect(sha256(commercial.storedText ?? '')).toBe(commercial.channelSha256);
    expect(commercial.data?.documents).toEqual(Fixtures.report().documents);
  });

  it('another enterprise sees the public report and the hash, never the data', async () => {
    const { ledger, report } = await submitted();
    const read = (await evaluate(ledger, Users.operator2, getReport, '2025', 'INST1')) as EmissionReport;
    expect(read.activity).toBeUndefined();
    expect(read.emissionsTonnes).toBe(3_264);
    const commercial = (await evaluate(
      ledger,
      Users.trader2,
      getCommercial,
      '2025',
      'INST1',
      '1',
    )) as ReportCommercialData;
    expect(commercial.data).toBeUndefined();
    expect(commercial.storedText).toBeUndefined();
    expect(commercial.channelSha256).toBe(report.commercialData?.sha256);
  });

  it('keeps every version: a correction writes the next version’s data beside the first', async () => {
    const { ledger } = await submitted();
    await submit(ledger, Users.operator1, correctReport, {
      ...Fixtures.report('INST1', {
        activity: [{ kind: 'electricity', quantity: '10', unit: 'MWh' }],
        documents: [{ name: 'meter-2.pdf', sha256: 'b'.repeat(64) }],
      }),
      reason: 'meter re-read',
    });
    const first = (await evaluate(
      ledger,
      Users.regulator,
      getCommercial,
      '2025',
      'INST1',
      '1',
    )) as ReportCommercialData;
    const second = (await evaluate(
      ledger,
      Users.regulator,
      getCommercial,
      '2025',
      'INST1',
      '2',
    )) as ReportCommercialData;
    expect(first.data?.activity).toHaveLength(2);
    expect(second.data?.activity).toEqual([{ kind: 'electricity', quantity: '10', unit: 'MWh' }]);
    await expect(evaluate(ledger, Users.regulator, getCommercial, '2025', 'INST1', '3')).rejects.toThrow(
      'NOT_FOUND: the 2025 report of INST1 has no version 3',
    );
  });

  it('is refused as a plain argument, with the ledger unchanged', async () => {
    const ledger = await standardScenario();
    ledger.setTime('2026-03-01T00:00:00Z');
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, submitReport, JSON.stringify(Fixtures.report())),
      'INVALID_ARGUMENT',
      'report.activity is commercial data: send it in the transient map under carbon.commercial, never as an argument (arguments are stored in the block)',
    );
  });

  it('refuses a public field sent in the transient map, with the ledger unchanged', async () => {
    const ledger = await standardScenario();
    ledger.setTime('2026-03-01T00:00:00Z');
    const { activity, documents, ...argument } = Fixtures.report();
    const transient = new Map([
      [COMMERCIAL_TRANSIENT_KEY, Buffer.from(JSON.stringify({ activity, documents, period: 2025 }))],
    ]);
    await expectRefused(
      ledger,
      ledger.submit(Users.operator1, (ctx) => cc.mrv.SubmitReport(ctx, JSON.stringify(argument)), transient),
      'INVALID_ARGUMENT',
      'report.period is not commercial data: send it as the argument, not in carbon.commercial (accepted there: activity, documents)',
    );
  });
});
