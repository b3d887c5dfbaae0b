import { Users } from '../testing/identities';
import { acceptInst1Report, issueOffsetsToEnt1 } from '../testing/cycle';
import { cc, evaluate, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';
import type { SupplySummary } from './supply';

const supply = tx(cc.query, 'GetSupplySummary');
const supplies = tx(cc.query, 'GetSupplySummaries');
const getObject = tx(cc.query, 'GetObject');
const history = tx(cc.query, 'GetHistory');

/** The standard scenario with ENT1's offsets issued and 3,000 allowances surrendered for INST1's 2025 report. */
async function ledgerWithSurrender(): Promise<TestLedger> {
  const ledger = await standardScenario();
  await issueOffsetsToEnt1(ledger);
  await acceptInst1Report(ledger);
  await submit(ledger, Users.operator1, tx(cc.compliance, 'Surrender'), {
    period: 2025,
    installationId: 'INST1',
    unitType: 'allowance',
    quantity: 3_000,
  });
  return ledger;
}

describe('Query', () => {
  it('summarises supply so that issued = held + surrendered + retired', async () => {
    const ledger = await ledgerWithSurrender();
    await submit(ledger, Users.trader1, tx(cc.offset, 'RetireOffsets'), {
      accountId: 'TRADE1',
      quantity: 100,
      beneficiary: 'b',
    });
    const summary = (await evaluate(ledger, Users.auditor, supply, '2025')) as SupplySummary;
    expect(summary).toMatchObject({
      cap: 1_000_000,
      allocated: 180_000,
      allowances: {
        issued: 500_000,
        heldInNationalAccounts: 320_000,
        heldByParticipants: 177_000,
        surrendered: 3_000,
        retired: 0,
        locked: 0,
        reconciles: true,
      },
      offsets: { issued: 1_000, held: 900, retired: 100, reconciles: true },
      surrenderedForPeriod: { allowances: 3_000, offsets: 0 },
    });
    expect(await evaluate(ledger, Users.trader2, supply, '2031')).toMatchObject({
      cap: null,
      allowances: { issued: 0 },
    });
  });

  it('summarises every period in one answer, each as its own summary gives it', async () => {
    const ledger = await ledgerWithSurrender();
    const all = (await evaluate(ledger, Users.auditor, supplies)) as SupplySummary[];
    const periods = all.map((summary) => summary.period);
    expect(periods).toEqual([...periods].sort((a, b) => a - b));
    expect(periods).toContain(2025);
    for (const summary of all) {
      expect(await evaluate(ledger, Users.regulator, supply, String(summary.period))).toEqual(summary);
    }
    expect(all.find((summary) => summary.period === 2025)).toMatchObject({
      cap: 1_000_000,
      allowances: { issued: 500_000, surrendered: 3_000, reconciles: true },
      offsets: { issued: 1_000, reconciles: true },
      surrenderedForPeriod: { allowances: 3_000, offsets: 0 },
    });
    // A period nothing on the ledger names has no summary among them.
    expect(periods).not.toContain(2031);
  });

  it("reads a free allocation and its history by period and installation, the allocation's own key", async () => {
    const ledger = await standardScenario();
    const reference = { type: 'allocation', id: [2025, 'INST1'] };
    expect(await evaluate(ledger, Users.auditor, getObject, reference)).toMatchObject({
      period: 2025,
      installationId: 'INST1',
    });
    const result = (await evaluate(ledger, Users.auditor, history, reference)) as { history: unknown[] };
    expect(result.history).toHaveLength(1);
  });

  it('reads any object and its history with tx ids and timestamps', async () => {
    const ledger = await standardScenario();
    await submit(ledger, Users.regulator, tx(cc.registry, 'BlockAccount'), {
      accountId: 'HOLD1',
      reason: 'audit',
    });
    expect(
      await evaluate(ledger, Users.auditor, getObject, { type: 'account', id: ['HOLD1'] }),
    ).toMatchObject({
      status: 'blocked',
    });
    const result = (await evaluate(ledger, Users.auditor, history, { type: 'account', id: ['HOLD1'] })) as {
      history: { txId: string; timestamp: string; isDelete: boolean; value: { status: string } }[];
    };
    expect(result.history.map((h) => h.value.status)).toEqual(['blocked', 'open']);
    expect(result.history[0]?.txId).toMatch(/^[0-9a-f]{64}$/);
    expect(result.history[0]?.timestamp).toMatch(/^2025-01-15T00:00:\d\d\.000Z$/);
    // Spent lots show their deletion in history.
    const lots = (await evaluate(ledger, Users.auditor, tx(cc.query, 'GetHoldings'), 'HOLD2')) as {
      holdings: { lots: { id: string }[] }[];
    };
    const lotId = lots.holdings[0]?.lots[0]?.id ?? '';
    await submit(ledger, Users.operator2, tx(cc.allowance, 'Transfer'), {
      fromAccount: 'HOLD2',
      toAccount: 'TRADE2',
      quantity: 80_000,
      lotIds: [lotId],
    });
    const lotHistory = (await evaluate(ledger, Users.operator2, history, {
      type: 'lot',
      id: ['HOLD2', lotId],
    })) as {
      history: { isDelete: boolean; value: unknown }[];
    };
    expect(lotHistory.history.map((h) => h.isDelete)).toEqual([true, false]);
    expect(lotHistory.history[0]?.value).toBeNull();
    // Public reference data is readable by enterprises; other entities' accounts are not.
    expect(await evaluate(ledger, Users.trader2, getObject, { type: 'period', id: [2025] })).toMatchObject({
      year: 2025,
    });
    await expect(
      evaluate(ledger, Users.trader2, getObject, { type: 'account', id: ['HOLD1'] }),
    ).rejects.toThrow('FORBIDDEN');
    await expect(
      evaluate(ledger, Users.trader2, getObject, { type: 'report', id: [2025, 'INST1'] }),
    ).rejects.toThrow('FORBIDDEN');
    await expect(
      evaluate(ledger, Users.trader2, tx(cc.query, 'GetHoldings'), 'NATIONAL-ALLOCATION'),
    ).rejects.toThrow('FORBIDDEN');
    await expect(evaluate(ledger, Users.auditor, getObject, { type: 'lot', id: ['HOLD1'] })).rejects.toThrow(
      'a lot is named by 2 id part(s)',
    );
    await expect(evaluate(ledger, Users.auditor, getObject, { type: 'widget', id: ['x'] })).rejects.toThrow(
      'reference.type must be one of',
    );
    await expect(
      evaluate(ledger, Users.auditor, getObject, { type: 'account', id: ['NOPE'] }),
    ).rejects.toThrow('NOT_FOUND: account NOPE does not exist');
  });
});
