import { parseDecimal } from '@carbon-ets/contract';
import { ownerEndorsers } from '../ledger/endorsement';
import { Users } from '../testing/identities';
import { cc, evaluate, standardScenario, submit, tx } from '../testing/scenario';
import { benchmarkAllocation } from './benchmark-allocation';
import type { Lot } from './lot';

const issue = tx(cc.allowance, 'IssueAllowances');
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
