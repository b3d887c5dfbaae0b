import { parseDecimal } from '@carbon-ets/contract';
import { ownerEndorsers } from '../ledger/endorsement';
import { Users } from '../testing/identities';
import { cc, evaluate, Fixtures, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';
import { benchmarkAllocation } from './benchmark-allocation';
import type { Lot } from './lot';
import { AnyCode, expectRefused as expectRefusal } from '../testing/expect-refused';

const issue = tx(cc.allowance, 'IssueAllowances');
const allocate = tx(cc.allowance, 'AllocateFree');
const transfer = tx(cc.allowance, 'Transfer');
const holdings = tx(cc.query, 'GetHoldings');

interface Holdings {
  holdings: {
    unitType: string;
    vintage: number;
    quantity: number;
    lots: { id: string; serialStart: number; serialEnd: number }[];
  }[];
}

/** Creates period 2026 (the 2025 fixture a year on) and issues `quantity` of its allowances. */
async function openPeriod2026(ledger: TestLedger, quantity: number): Promise<void> {
  await submit(ledger, Users.regulator, tx(cc.period, 'CreatePeriod'), {
    ...Fixtures.period2025,
    year: 2026,
    deadlines: { reportBy: '2027-03-31', verifyBy: '2027-06-30', surrenderBy: '2027-09-30' },
  });
  await submit(ledger, Users.regulator, issue, { period: 2026, quantity });
}

/** An allocation refused with `message`, having attempted no write and left the world as it was. */
async function expectRefused(
  ledger: TestLedger,
  request: Record<string, unknown>,
  message: string | RegExp,
): Promise<void> {
  await expectRefusal(ledger, submit(ledger, Users.regulator, allocate, request), AnyCode, message);
}

describe('benchmark allocation', () => {
  it('multiplies output, benchmark and correction factors exactly and rounds down', () => {
    const d = (s: string) => parseDecimal(s, 'x');
    expect(benchmarkAllocation(d('1000000'), d('0.877'), [d('0.95')])).toBe(833_150);
    expect(benchmarkAllocation(d('1000'), d('0.392'), [])).toBe(392);
    expect(benchmarkAllocation(d('1.5'), d('0.877'), [])).toBe(1); // 1.3155 → 1
    expect(benchmarkAllocation(d('999.999'), d('0.979'), [d('1.0'), d('0.99')])).toBe(969);
  });
});

describe('Allowance', () => {
  it('issues serial blocks under the cap into the national allocation account', async () => {
    const ledger = await standardScenario();
    const lot = (await submit(ledger, Users.regulator, issue, { period: 2025, quantity: 500_000 })) as Lot;
    expect(lot).toMatchObject({
      accountId: 'NATIONAL-ALLOCATION',
      serialStart: 500_001,
      serialEnd: 1_000_000,
      vintage: 2025,
    });
    expect(ledger.lastEvent()).toMatchObject({
      name: 'AllowancesIssued',
      payload: { totalIssued: 1_000_000 },
    });
    await expect(submit(ledger, Users.regulator, issue, { period: 2025, quantity: 1 })).rejects.toThrow(
      'would exceed the 2025 cap of 1000000',
    );
    await expect(submit(ledger, Users.regulator, issue, { period: 2030, quantity: 1 })).rejects.toThrow(
      'NOT_FOUND: compliance period 2030 does not exist',
    );
  });

  it('allocates free allowances by benchmark to the installation holding account', async () => {
    const ledger = await standardScenario();
    // 2026: the standard scenario has already given INST1 and INST2 their (one) 2025 allocation.
    await openPeriod2026(ledger, 200_000);
    const result = (await submit(ledger, Users.regulator, allocate, {
      period: 2026,
      installationId: 'INST1',
      benchmarkId: 'coal-gt300',
      output: '100000',
      correctionFactors: ['0.95'],
    })) as { allocation: { quantity: number; method: string }; lots: Lot[] };
    expect(result.allocation).toMatchObject({ quantity: 83_315, method: 'benchmark' });
    const view = (await evaluate(ledger, Users.operator1, holdings, 'HOLD1')) as Holdings;
    expect(view.holdings.find((h) => h.vintage === 2026)?.quantity).toBe(83_315);
    await expect(
      submit(ledger, Users.regulator, allocate, {
        period: 2026,
        installationId: 'INST2',
        benchmarkId: 'nope',
        output: '1',
      }),
    ).rejects.toThrow('benchmark nope is not defined');
    await expect(
      submit(ledger, Users.regulator, allocate, {
        period: 2026,
        installationId: 'INST2',
        quantity: 5,
        benchmarkId: 'gas',
      }),
    ).rejects.toThrow('exactly one of quantity or benchmarkId');
    await expect(
      submit(ledger, Users.regulator, allocate, {
        period: 2026,
        installationId: 'INST2',
        benchmarkId: 'gas',
        output: '1',
      }),
    ).rejects.toThrow('yields zero allowances');
    await expect(
      submit(ledger, Users.regulator, allocate, { period: 2026, installationId: 'INST2', quantity: 400_000 }),
    ).rejects.toThrow('has 116685 allowances of vintage 2026 available, 400000 needed');
  });

  it('allocates once per installation and period: a second allocation is refused and changes nothing', async () => {
    const ledger = await standardScenario();
    await openPeriod2026(ledger, 10_000);
    const first = (await submit(ledger, Users.regulator, allocate, {
      period: 2026,
      installationId: 'INST1',
      quantity: 1_000,
    })) as { allocation: { txId: string } };
    const again = `CONFLICT: installation INST1 already received its 2026 free allocation: 1000 allowances in tx ${first.allocation.txId}`;
    // Whatever the method or quantity: adjustments are not made by allocating again.
    await expectRefused(ledger, { period: 2026, installationId: 'INST1', quantity: 5 }, again);
    await expectRefused(ledger, { period: 2026, installationId: 'INST1', quantity: 1_000 }, again);
    await expectRefused(
      ledger,
      { period: 2026, installationId: 'INST1', benchmarkId: 'gas', output: '10000' },
      again,
    );
    // The standard scenario's 2025 allocation is named by its quantity.
    await expectRefused(
      ledger,
      { period: 2025, installationId: 'INST1', quantity: 1 },
      /^CONFLICT: installation INST1 already received its 2025 free allocation: 100000 allowances in tx [0-9a-f]{64}$/,
    );
    // Another installation, or the same one in another period, is not affected.
    await submit(ledger, Users.regulator, allocate, {
      period: 2026,
      installationId: 'INST2',
      quantity: 1_000,
    });
    const view = (await evaluate(ledger, Users.operator1, holdings, 'HOLD1')) as Holdings;
    expect(view.holdings.map((h) => [h.vintage, h.quantity])).toEqual([
      [2025, 100_000],
      [2026, 1_000],
    ]);
  });

  it('transfers by the owning entity, splitting lots and re-keying the endorsement policy', async () => {
    const ledger = await standardScenario();
    const result = (await submit(ledger, Users.trader1, transfer, {
      fromAccount: 'HOLD1',
      toAccount: 'TRADE2',
      quantity: 30_000,
    })) as { moved: Lot[]; remainders: Lot[] };
    expect(result.moved).toHaveLength(1);
    expect(result.moved[0]).toMatchObject({ accountId: 'TRADE2', quantity: 30_000, origin: 'transfer' });
    expect(result.remainders[0]).toMatchObject({ accountId: 'HOLD1', quantity: 70_000 });
    expect(ledger.lastEvent()).toMatchObject({
      name: 'AllowancesTransferred',
      payload: { quantity: 30_000 },
    });
    await ledger.evaluate(Users.auditor, async (ctx) => {
      const key = ctx.stub.createCompositeKey('lot', ['TRADE2', result.moved[0]?.id ?? '']);
      expect(await ownerEndorsers(ctx, key)).toEqual(['Enterprise2MSP']);
    });
    // Spend named lots: the whole lot moves and its key disappears from the source.
    const moved = result.moved[0]?.id ?? '';
    await submit(ledger, Users.operator2, transfer, {
      fromAccount: 'TRADE2',
      toAccount: 'HOLD2',
      quantity: 30_000,
      lotIds: [moved],
    });
    const view = (await evaluate(ledger, Users.operator2, holdings, 'HOLD2')) as Holdings;
    expect(view.holdings[0]?.quantity).toBe(110_000);
    expect(((await evaluate(ledger, Users.trader2, holdings, 'TRADE2')) as Holdings).holdings).toEqual([]);
  });

  it('refuses transfers by others, between closed or blocked accounts and beyond holdings', async () => {
    const ledger = await standardScenario();
    const base = { fromAccount: 'HOLD1', toAccount: 'TRADE2', quantity: 10 };
    await expect(submit(ledger, Users.trader2, transfer, base)).rejects.toThrow('FORBIDDEN');
    await expect(submit(ledger, Users.impostor, transfer, base)).rejects.toThrow('FORBIDDEN');
    await expect(submit(ledger, Users.regulator, transfer, base)).rejects.toThrow('FORBIDDEN');
    await expect(
      submit(ledger, Users.operator1, transfer, { ...base, fromAccount: 'NATIONAL-ALLOCATION' }),
    ).rejects.toThrow('only the regulator moves units out of national account');
    await expect(
      submit(ledger, Users.operator1, transfer, { ...base, toAccount: 'NATIONAL-DELETION' }),
    ).rejects.toThrow('only by surrender or retirement');
    await expect(submit(ledger, Users.operator1, transfer, { ...base, toAccount: 'HOLD1' })).rejects.toThrow(
      'must differ',
    );
    await expect(submit(ledger, Users.operator1, transfer, { ...base, quantity: 100_001 })).rejects.toThrow(
      'has 100000 allowances available',
    );
    await expect(submit(ledger, Users.operator1, transfer, { ...base, vintage: 2024 })).rejects.toThrow(
      'has 0 allowances of vintage 2024 available',
    );
    await expect(submit(ledger, Users.operator1, transfer, { ...base, lotIds: ['nope'] })).rejects.toThrow(
      'lot nope is not in account HOLD1',
    );
    await submit(ledger, Users.regulator, tx(cc.registry, 'BlockAccount'), {
      accountId: 'TRADE2',
      reason: 'x',
    });
    await expect(submit(ledger, Users.operator1, transfer, base)).rejects.toThrow(
      'destination account TRADE2 is blocked',
    );
    await submit(ledger, Users.regulator, tx(cc.registry, 'BlockAccount'), {
      accountId: 'HOLD1',
      reason: 'x',
    });
    await expect(submit(ledger, Users.operator1, transfer, base)).rejects.toThrow(
      'source account HOLD1 is blocked',
    );
    // The regulator moves national units (e.g. to the auction account).
    await submit(ledger, Users.regulator, transfer, {
      fromAccount: 'NATIONAL-ALLOCATION',
      toAccount: 'NATIONAL-AUCTION',
      quantity: 1000,
    });
    const lot = (await evaluate(ledger, Users.auditor, holdings, 'NATIONAL-AUCTION')) as Holdings;
    expect(lot.holdings[0]?.lots[0]).toMatchObject({ serialStart: 180_001, serialEnd: 181_000 });
    const lotId = lot.holdings[0]?.lots[0]?.id ?? '';
    expect(
      await evaluate(ledger, Users.trader1, tx(cc.allowance, 'GetLot'), 'NATIONAL-AUCTION', lotId),
    ).toMatchObject({
      quantity: 1000,
    });
  });
});
