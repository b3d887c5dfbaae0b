import { Users } from '../testing/identities';
import { issueOffsetsToEnt1 } from '../testing/cycle';
import { cc, evaluate, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';
import type { Lot } from '../units/lot';
import { AnyCode, expectRefused as expectRefusal } from '../testing/expect-refused';

const issue = tx(cc.offset, 'IssueOffsets');
const retire = tx(cc.offset, 'RetireOffsets');
const transfer = tx(cc.offset, 'TransferOffsets');

const issuance = {
  projectId: 'PRJ1',
  vintage: 2025,
  monitoringPeriod: { from: '2025-01-01', to: '2025-12-31' },
  serialStart: 1,
  quantity: 1_000,
  toAccount: 'TRADE1',
};

describe('Offset', () => {
  it('issues credits once per monitoring period, without overlapping serials', async () => {
    const ledger = await standardScenario();
    await issueOffsetsToEnt1(ledger);
    expect(ledger.lastEvent()).toMatchObject({
      name: 'OffsetsIssued',
      payload: {
        issuance: { serialEnd: 1_000, monitoringPeriod: { from: '2025-01-01', to: '2025-12-31' } },
      },
    });
    await expect(submit(ledger, Users.regulator, issue, { ...issuance, serialStart: 5_000 })).rejects.toThrow(
      'overlaps 2025-01-01..2025-12-31, already issued as vintage 2025 (serials 1-1000, tx ',
    );
    await expect(
      submit(ledger, Users.regulator, issue, {
        ...issuance,
        vintage: 2026,
        monitoringPeriod: { from: '2026-01-01', to: '2026-06-30' },
        serialStart: 1_000,
      }),
    ).rejects.toThrow('overlap issuance 1-1000');
    await expect(
      submit(ledger, Users.regulator, issue, {
        ...issuance,
        monitoringPeriod: { from: '2026-01-01', to: '2025-06-30' },
      }),
    ).rejects.toThrow('must not be after');
    await expect(
      submit(ledger, Users.regulator, issue, {
        ...issuance,
        vintage: 2026,
        monitoringPeriod: { from: '2026-01-01', to: '2026-06-30' },
        serialStart: 1_001,
        toAccount: 'TRADE2',
      }),
    ).rejects.toThrow('does not belong to project owner ENT1');
    await submit(ledger, Users.regulator, issue, {
      ...issuance,
      monitoringPeriod: { from: '2026-01-01', to: '2026-06-30' },
      serialStart: 1_001,
      vintage: 2026,
    });
    expect(await evaluate(ledger, Users.trader2, tx(cc.offset, 'GetProject'), 'PRJ1')).toMatchObject({
      ownerEntityId: 'ENT1',
    });
    await expect(
      submit(ledger, Users.regulator, tx(cc.offset, 'RegisterProject'), {
        id: 'PRJ1',
        name: 'x',
        methodology: 'y',
        ownerEntityId: 'ENT1',
      }),
    ).rejects.toThrow('already registered');
    await expect(
      submit(ledger, Users.regulator, tx(cc.offset, 'RegisterProject'), {
        id: 'PRJ2',
        name: 'x',
        methodology: 'y',
        ownerEntityId: 'VER1',
      }),
    ).rejects.toThrow('cannot own an offset project');
  });

  it('transfers and retires credits terminally with a beneficiary', async () => {
    const ledger = await standardScenario();
    await issueOffsetsToEnt1(ledger);
    await submit(ledger, Users.trader1, transfer, {
      fromAccount: 'TRADE1',
      toAccount: 'TRADE2',
      quantity: 400,
      projectId: 'PRJ1',
    });
    const result = (await submit(ledger, Users.trader2, retire, {
      accountId: 'TRADE2',
      quantity: 150,
      beneficiary: 'Shanghai Marathon 2025',
      reason: 'event neutrality',
    })) as { lots: Lot[] };
    expect(result.lots[0]).toMatchObject({
      accountId: 'NATIONAL-DELETION',
      status: 'retired',
      serialStart: 1,
      serialEnd: 150,
      retirement: { beneficiary: 'Shanghai Marathon 2025' },
    });
    await expect(
      submit(ledger, Users.trader1, retire, { accountId: 'TRADE2', quantity: 1, beneficiary: 'x' }),
    ).rejects.toThrow('only users of the entity owning account TRADE2');
    await expect(
      submit(ledger, Users.trader2, retire, { accountId: 'TRADE2', quantity: 251, beneficiary: 'x' }),
    ).rejects.toThrow('has 250 offset credits available');
    await expect(
      submit(ledger, Users.trader2, transfer, {
        fromAccount: 'NATIONAL-DELETION',
        toAccount: 'TRADE2',
        quantity: 1,
      }),
    ).rejects.toThrow('FORBIDDEN');
    await expect(
      submit(ledger, Users.trader2, retire, {
        accountId: 'NATIONAL-DELETION',
        quantity: 1,
        beneficiary: 'x',
      }),
    ).rejects.toThrow('FORBIDDEN');
    // A retired lot named explicitly by the regulator still cannot move.
    await expect(
      submit(ledger, Users.regulator, tx(cc.allowance, 'Transfer'), {
        fromAccount: 'NATIONAL-DELETION',
        toAccount: 'NATIONAL-AUCTION',
        quantity: 1,
        lotIds: [result.lots[0]?.id],
      }),
    ).rejects.toThrow('never leave it');
    expect(ledger.lastEvent()?.name).toBe('OffsetsRetired');
  });

  describe('never credits a day of monitoring twice', () => {
    const half = { ...issuance, monitoringPeriod: { from: '2025-03-01', to: '2025-06-30' } };
    let base: TestLedger;
    let firstTxId: string;
    beforeAll(async () => {
      base = await standardScenario();
      await submit(base, Users.regulator, tx(cc.offset, 'RegisterProject'), {
        id: 'PRJ1',
        name: 'Wind farm Gansu',
        methodology: 'CMS-002-V01',
        ownerEntityId: 'ENT1',
      });
      firstTxId = ((await submit(base, Users.regulator, issue, half)) as { txId: string }).txId;
    });

    /** An issuance refused with `message`, having attempted no write and left the world as it was. */
    async function expectRefused(
      ledger: TestLedger,
      request: Record<string, unknown>,
      message: string | RegExp,
    ): Promise<void> {
      await expectRefusal(ledger, submit(ledger, Users.regulator, issue, request), AnyCode, message);
    }

    const overlapping: [string, string, string][] = [
      ['the same period', '2025-03-01', '2025-06-30'],
      ['a period sharing its first day', '2025-01-01', '2025-03-01'],
      ['a period sharing its last day', '2025-06-30', '2025-09-30'],
      ['a period partly overlapping its start', '2025-02-01', '2025-04-15'],
      ['a period partly overlapping its end', '2025-05-15', '2025-08-31'],
      ['a period nested inside it', '2025-04-01', '2025-04-30'],
      ['a single day inside it', '2025-06-15', '2025-06-15'],
      ['a period it is nested in', '2025-01-01', '2025-12-31'],
    ];
    it.each(overlapping)('refuses %s (CONFLICT naming the earlier issuance)', async (_, from, to) => {
      await expectRefused(
        base.fork(),
        { ...issuance, monitoringPeriod: { from, to }, serialStart: 50_001 },
        `CONFLICT: monitoring period ${from}..${to} of project PRJ1 overlaps 2025-03-01..2025-06-30, already issued as vintage 2025 (serials 1-1000, tx ${firstTxId})`,
      );
    });

    it('refuses the same days re-labelled with another vintage: the vintage follows from the period', async () => {
      const ledger = base.fork();
      for (const vintage of [2024, 2026]) {
        await expectRefused(
          ledger,
          { ...half, vintage, serialStart: 50_001 },
          `INVALID_ARGUMENT: offsetIssuance.vintage must be 2025, the year monitoring period 2025-03-01..2025-06-30 ends, not ${vintage}`,
        );
      }
      // Nor can a period of 2026 be sold as vintage 2025.
      await expectRefused(
        ledger,
        { ...issuance, monitoringPeriod: { from: '2026-01-01', to: '2026-03-31' }, serialStart: 50_001 },
        'offsetIssuance.vintage must be 2026',
      );
    });

    it('refuses periods across a year end and bounds that are not whole days', async () => {
      const ledger = base.fork();
      await expectRefused(
        ledger,
        { ...issuance, vintage: 2026, monitoringPeriod: { from: '2025-12-01', to: '2026-01-31' } },
        'INVALID_ARGUMENT: offsetIssuance.monitoringPeriod 2025-12-01..2026-01-31 spans two calendar years',
      );
      await expectRefused(
        ledger,
        { ...issuance, monitoringPeriod: { from: '2025-07-01T00:00:00Z', to: '2025-12-31' } },
        'offsetIssuance.monitoringPeriod.from must be a calendar date YYYY-MM-DD',
      );
      await expectRefused(
        ledger,
        { ...issuance, monitoringPeriod: { from: '2025-07-01', to: '2025-09-31' } },
        'offsetIssuance.monitoringPeriod.to is not a valid date',
      );
    });

    it('checks against an issuance whatever vintage it carries', async () => {
      const ledger = base.fork();
      // An issuance recorded under another vintage (as requests were accepted before the vintage rule), with
      // its bounds as full ISO instants: it still blocks its days.
      await ledger.submit(Users.regulator, async (ctx) => {
        const legacy = {
          ...issuance,
          vintage: 2024,
          monitoringPeriod: { from: '2025-08-01T00:00:00.000Z', to: '2025-08-31T00:00:00.000Z' },
          serialStart: 90_001,
          serialEnd: 90_010,
          quantity: 10,
          txId: 'legacy',
        };
        await ctx.stub.putState(
          ctx.stub.createCompositeKey('offsetIssuance', ['PRJ1', '2024', '2025-08-01_2025-08-31']),
          Buffer.from(JSON.stringify(legacy)),
        );
      });
      await expectRefused(
        ledger,
        { ...issuance, monitoringPeriod: { from: '2025-08-31', to: '2025-09-30' }, serialStart: 50_001 },
        'overlaps 2025-08-01..2025-08-31, already issued as vintage 2024 (serials 90001-90010, tx legacy)',
      );
    });

    it('accepts adjacent periods (bounds are inclusive days) and the same days of another project', async () => {
      const ledger = base.fork();
      const adjacent = [
        { from: '2025-01-01', to: '2025-02-28' }, // ends the day before 1 March
        { from: '2025-07-01', to: '2025-12-31' }, // starts the day after 30 June
        { from: '2026-01-01', to: '2026-01-31' }, // the next year
      ];
      let serialStart = 1_001;
      for (const monitoringPeriod of adjacent) {
        const vintage = Number(monitoringPeriod.to.slice(0, 4));
        await submit(ledger, Users.regulator, issue, {
          ...issuance,
          vintage,
          monitoringPeriod,
          serialStart,
          quantity: 10,
        });
        serialStart += 10;
      }
      await submit(ledger, Users.regulator, tx(cc.offset, 'RegisterProject'), {
        id: 'PRJ2',
        name: 'Solar park Qinghai',
        methodology: 'CMS-002-V01',
        ownerEntityId: 'ENT1',
      });
      await submit(ledger, Users.regulator, issue, { ...half, projectId: 'PRJ2' });
      // Every day of 2025 is now credited for PRJ1: nothing more of 2025 can be issued.
      await expectRefused(
        ledger,
        { ...issuance, monitoringPeriod: { from: '2025-12-31', to: '2025-12-31' }, serialStart: 50_001 },
        'overlaps 2025-07-01..2025-12-31',
      );
    });
  });
});
