import {
  CLOSING_PAGE_SIZE,
  type ComplianceRecord,
  type ComplianceStatusReport,
  type CompliancePeriod,
  type EmissionsCorrectionResult,
  type Installation,
  type PeriodClosing,
  type PeriodClosingProgress,
} from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { closePeriod } from '../testing/closing';
import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import { cc, evaluate, Fixtures, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

const close = tx(cc.compliance, 'ClosePeriod');
const estimate = tx(cc.compliance, 'EstimateEmissions');
const correct = tx(cc.compliance, 'CorrectEmissions');
const surrender = tx(cc.compliance, 'Surrender');
const status = tx(cc.compliance, 'GetComplianceStatus');

/** Per installation: installation, record, allocation (twice: coverage and gap cap), next period's record. */
const READS_PER_INSTALLATION = 5;
/** Per installation: its final, the carry into the next period. */
const WRITES_PER_INSTALLATION = 2;
const PENALTY_PER_TONNE = BigInt(Fixtures.period2025.penaltyPerTonne);

/** `I-000001`…: ids that sort before INST1 and INST2 (`-` < `N`), so those two close last. */
function seededId(n: number): string {
  return `I-${String(n).padStart(6, '0')}`;
}

/** Verified emissions and surrendered allowances of seeded installation `n`: every third one is short. */
function seededFigures(n: number): { emissions: number; surrendered: number } {
  const emissions = 1_000 + (n % 500);
  return { emissions, surrendered: n % 3 === 0 ? emissions - (n % 7) - 1 : emissions };
}

/**
 * Seeds `count` covered installations of ENT1 (holding account set) with verified emissions and surrenders
 * straight into the state, 500 per transaction (registering and reporting each through its transactions would
 * take minutes); `withoutEmissions` are left without verified emissions. INST1 and INST2 get estimates.
 */
async function seededLedger(count: number, withoutEmissions: readonly string[] = []): Promise<TestLedger> {
  const ledger = await standardScenario();
  ledger.setTime('2026-04-15T00:00:00Z');
  for (const installationId of ['INST1', 'INST2']) {
    await submit(ledger, Users.regulator, estimate, {
      period: 2025,
      installationId,
      estimatedEmissions: 80_000,
      reason: 'no report',
    });
  }
  for (let first = 1; first <= count; first += 500) {
    await ledger.submit(Users.regulator, async (ctx) => {
      const store = new Store(ctx);
      for (let n = first; n < Math.min(first + 500, count + 1); n++) {
        const id = seededId(n);
        await store.put(ObjectType.installation, [id], {
          id,
          entityId: 'ENT1',
          name: id,
          sector: 'power',
          capacity: '10',
          capacityUnit: 'MW',
          holdingAccountId: `H-${id}`,
        } satisfies Installation);
        if (withoutEmissions.includes(id)) continue;
        const { emissions, surrendered } = seededFigures(n);
        await store.put(ObjectType.compliance, [2025, id], {
          period: 2025,
          installationId: id,
          verifiedEmissions: emissions,
          emissionsSource: 'report',
          surrenderedAllowances: surrendered,
          surrenderedOffsets: 0,
          carriedShortfall: 0,
        } satisfies ComplianceRecord);
      }
    });
  }
  ledger.setTime('2026-10-01T00:00:00Z');
  return ledger;
}

async function statusOf(ledger: TestLedger, year: number, installationId: string) {
  return (await evaluate(
    ledger,
    Users.auditor,
    status,
    String(year),
    installationId,
  )) as ComplianceStatusReport;
}

function periodOf(ledger: TestLedger, year = 2025): Promise<CompliancePeriod> {
  return ledger.evaluate(
    Users.auditor,
    async (ctx) => (await new Store(ctx).get<CompliancePeriod>(ObjectType.period, [year]))!,
  );
}

function progressOf(ledger: TestLedger, year = 2025): Promise<PeriodClosingProgress | undefined> {
  return ledger.evaluate(Users.auditor, (ctx) =>
    new Store(ctx).get<PeriodClosingProgress>(ObjectType.periodClosing, [year]),
  );
}

function page(ledger: TestLedger, pageSize?: number): Promise<PeriodClosing> {
  return submit(ledger, Users.regulator, close, {
    period: 2025,
    ...(pageSize === undefined ? {} : { pageSize }),
  }) as Promise<PeriodClosing>;
}

describe('closing a period in pages', () => {
  it('closes 10,000 installations in pages of 200, each call within a bounded read and write set', async () => {
    const seeded = 9_998;
    const ledger = await seededLedger(seeded);
    const started = performance.now();
    const pages: {
      closing: PeriodClosing;
      reads: number;
      writes: number;
      ranges: number;
      eventBytes: number;
    }[] = [];
    for (;;) {
      const closing = await page(ledger);
      const stub = ledger.lastStub!;
      const event = ledger.world.events.at(-1)!;
      pages.push({
        closing,
        reads: stub.stateReads().length,
        writes: stub.writtenKeys().length,
        ranges: stub.rangeReads().length,
        eventBytes: Buffer.byteLength(JSON.stringify(event.payload)),
      });
      if (closing.done) break;
    }
    const millis = performance.now() - started;
    const most = (key: 'reads' | 'writes' | 'eventBytes') => Math.max(...pages.map((p) => p[key]));
    process.stdout.write(
      `closing 10,000 installations: ${pages.length} pages of ${CLOSING_PAGE_SIZE} in ${Math.round(millis)} ms ` +
        `(${Math.round(millis / pages.length)} ms a page); per page at most ${most('reads')} state reads, ` +
        `${most('writes')} writes, an event of ${most('eventBytes')} bytes\n`,
    );

    expect(pages).toHaveLength(10_000 / CLOSING_PAGE_SIZE);
    for (const { closing, reads, writes, ranges } of pages) {
      expect(closing.outcomes.length).toBeLessThanOrEqual(CLOSING_PAGE_SIZE);
      // The page's installations, the period, the cursor and one installation of look-ahead.
      expect(reads).toBeLessThanOrEqual(READS_PER_INSTALLATION * CLOSING_PAGE_SIZE + 3);
      expect(writes).toBeLessThanOrEqual(WRITES_PER_INSTALLATION * CLOSING_PAGE_SIZE + 2);
      expect(ranges).toBe(1);
    }
    expect(most('eventBytes')).toBeLessThan(64 * 1024);
    expect(pages.map((p) => p.closing.done)).toEqual([...Array<boolean>(pages.length - 1).fill(false), true]);
    expect(ledger.world.events.filter((e) => e.name === 'PeriodClosingProgressed')).toHaveLength(49);

    // Every installation closed once, in id order, with the one-shot closing's arithmetic.
    const outcomes = pages.flatMap((p) => p.closing.outcomes);
    const ids = outcomes.map((o) => o.installationId);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect([...ids].sort()).toEqual(ids);
    let expectedShortfall = 2 * 80_000;
    for (let n = 1; n <= seeded; n++) {
      const { emissions, surrendered } = seededFigures(n);
      expectedShortfall += emissions - surrendered;
    }
    const last = pages.at(-1)!.closing;
    expect(last).toMatchObject({ done: true, closed: 10_000, totalShortfall: expectedShortfall });
    expect(outcomes.reduce((sum, o) => sum + o.shortfall, 0)).toBe(expectedShortfall);
    const short = outcomes.find((o) => o.installationId === seededId(3))!;
    expect(short).toEqual({
      installationId: seededId(3),
      code: 'B',
      shortfall: 4,
      penalty: (4n * PENALTY_PER_TONNE).toString(),
    });
    expect(outcomes.find((o) => o.installationId === seededId(1))).toMatchObject({ code: 'A', shortfall: 0 });
    expect((await periodOf(ledger)).status).toBe('closed');
    expect(await progressOf(ledger)).toMatchObject({ closed: 10_000, pages: 50, after: 'INST2' });
    expect((await statusOf(ledger, 2025, seededId(3))).final).toMatchObject({ code: 'B', shortfall: 4 });
  }, 120_000);

  it('resumes after a refused page where it stopped, and refuses surrenders while closing', async () => {
    // 1,002 installations in id order: I-000001… then INST1, INST2; I-000450 is the 450th: in page 3 of 200.
    const ledger = await seededLedger(1_000, [seededId(450)]);
    const first = await page(ledger);
    expect(first).toMatchObject({ done: false, closed: 200, period: 2025 });
    expect(first.outcomes[0]?.installationId).toBe(seededId(1));
    expect((await periodOf(ledger)).status).toBe('closing');
    await page(ledger);
    await expectRefused(
      ledger,
      page(ledger),
      'FAILED_PRECONDITION',
      /neither accepted nor estimated emissions: I-000450; .*call again to resume \(400 installation\(s\) already closed stay so\)$/,
    );
    // Closing has begun: no more surrenders, reports or allocations; the cursor stayed where it was.
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, surrender, {
        period: 2025,
        installationId: 'INST1',
        unitType: 'allowance',
        quantity: 1,
      }),
      'FAILED_PRECONDITION',
      'compliance period 2025 is closing',
    );
    expect(await progressOf(ledger)).toMatchObject({ after: seededId(400), closed: 400, pages: 2 });
    await submit(ledger, Users.regulator, estimate, {
      period: 2025,
      installationId: seededId(450),
      estimatedEmissions: 2_000,
      reason: 'no report: capacity × hours × conservative factor',
    });
    const resumed = await page(ledger);
    expect(resumed.outcomes[0]?.installationId).toBe(seededId(401));
    expect(resumed.outcomes.find((o) => o.installationId === seededId(450))).toMatchObject({
      code: 'B',
      shortfall: 2_000,
    });
    const rest = await closePeriod(ledger, 2025);
    expect(rest.last).toMatchObject({ done: true, closed: 1_002 });
    expect(rest.pages).toHaveLength(3);
    expect(rest.outcomes.map((o) => o.installationId).slice(-2)).toEqual(['INST1', 'INST2']);
  }, 60_000);

  it('is idempotent: each page closes installations once, and a call after the last is refused', async () => {
    const ledger = await seededLedger(5);
    const first = await page(ledger, 3);
    // Each page reads and writes the cursor: two calls racing for the same page conflict on it (MVCC), and the
    // retried one closes the next page.
    const cursorKey = ledger.lastStub!.writtenKeys().find((key) => key.includes('periodClosing'));
    expect(cursorKey).toBeDefined();
    expect(ledger.lastStub!.stateReads()).toContain(cursorKey);
    const second = await page(ledger, 3);
    expect(second.done).toBe(false);
    const last = await page(ledger, 3);
    expect(last).toMatchObject({ done: true, closed: 7 });
    const ids = [first, second, last].flatMap((p) => p.outcomes.map((o) => o.installationId));
    expect(ids).toEqual([1, 2, 3, 4, 5].map(seededId).concat(['INST1', 'INST2']));
    // INST1's shortfall is carried into 2026 once.
    const carried = await ledger.evaluate(Users.auditor, (ctx) =>
      new Store(ctx).get<ComplianceRecord>(ObjectType.compliance, [2026, 'INST1']),
    );
    expect(carried?.carriedShortfall).toBe(80_000);
    await expectRefused(
      ledger,
      page(ledger),
      'FAILED_PRECONDITION',
      'compliance period 2025 is already closed',
    );
  });

  it('refuses a page size above the bound', async () => {
    const ledger = await seededLedger(2);
    await expectRefused(
      ledger,
      page(ledger, 501),
      'INVALID_ARGUMENT',
      /pageSize 501 is above the most one call closes \(500\)/,
    );
  });

  it('records the same outcomes page by page as in one call', async () => {
    const ledger = await seededLedger(20);
    const once = ledger.fork();
    const whole = await closePeriod(once, 2025);
    expect(whole.pages).toHaveLength(1);
    const paged = await closePeriod(ledger, 2025, 3);
    expect(paged.pages).toHaveLength(8);
    expect(paged.outcomes).toEqual(whole.outcomes);
    expect(paged.last.totalShortfall).toBe(whole.last.totalShortfall);
    // The same finals but for closedAt (each page's own transaction time).
    const withoutTime = async (of: TestLedger, id: string) => ({
      ...(await statusOf(of, 2025, id)).final!,
      closedAt: undefined,
    });
    for (const id of ['INST1', seededId(3), seededId(20)]) {
      expect(await withoutTime(ledger, id)).toEqual(await withoutTime(once, id));
    }
  });

  it('while closing, estimates and corrections apply to installations not yet closed; closed ones carry', async () => {
    const ledger = await seededLedger(3);
    // Pages of 2: I-000001, I-000002 | I-000003, INST1 | INST2.
    await page(ledger, 2);
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, estimate, {
        period: 2025,
        installationId: seededId(1),
        estimatedEmissions: 5_000,
        reason: 'late estimate',
      }),
      'FAILED_PRECONDITION',
      /I-000001 is already closed for 2025 \(the period is closing\): correct its emissions instead/,
    );
    const documents = [{ name: 'inspection.pdf', sha256: 'e'.repeat(64) }];
    const closedOne = (await submit(ledger, Users.regulator, correct, {
      period: 2025,
      installationId: seededId(1),
      verifiedEmissions: 1_101,
      reason: 'meter recalibrated',
      documents,
    })) as EmissionsCorrectionResult;
    expect(closedOne.correction).toMatchObject({ carriedTo: 2026, carriedTonnes: 100 });
    const openOne = (await submit(ledger, Users.regulator, correct, {
      period: 2025,
      installationId: 'INST1',
      verifiedEmissions: 81_000,
      reason: 'meter recalibrated',
      documents,
    })) as EmissionsCorrectionResult;
    expect(openOne.correction).toMatchObject({ carriedTo: null, carriedTonnes: 0 });
    await submit(ledger, Users.regulator, estimate, {
      period: 2025,
      installationId: 'INST2',
      estimatedEmissions: 70_000,
      reason: 'revised estimate',
    });
    const rest = await closePeriod(ledger, 2025, 2);
    expect(rest.outcomes.filter((o) => o.installationId.startsWith('INST'))).toEqual([
      expect.objectContaining({ installationId: 'INST1', shortfall: 81_000 }),
      expect.objectContaining({ installationId: 'INST2', shortfall: 70_000 }),
    ]);
  });
});
