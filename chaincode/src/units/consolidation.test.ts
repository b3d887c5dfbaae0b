import {
  formatSerials,
  MAX_SERIAL_RANGES,
  serialRangesOf,
  type ConsolidationResult,
} from '@carbon-ets/contract';
import { ownerEndorsers } from '../ledger/endorsement';
import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import { market, marketScenario, placeOrder } from '../testing/market';
import type { TestIdentity } from '../testing/memory-identity';
import { issueOffsetsToEnt1 } from '../testing/cycle';
import { cc, evaluate, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';
import { planMerges } from './consolidation';
import type { Lot } from './lot';

const transfer = tx(cc.allowance, 'Transfer');
const consolidate = tx(cc.allowance, 'ConsolidateLots');
const getLot = tx(cc.allowance, 'GetLot');

/** Every lot of an account in the committed world state. */
function lotsOf(ledger: TestLedger, accountId: string): Lot[] {
  const prefix = `\x00lot\x00${accountId}\x00`;
  return [...ledger.world.state.entries()]
    .filter(([key]) => key.startsWith(prefix))
    .map(([, value]) => JSON.parse(Buffer.from(value).toString('utf8')) as Lot);
}

/** Every serial an account holds, ascending. */
function serialsOf(lots: readonly Lot[]): number[] {
  return lots
    .flatMap((lot) => serialRangesOf(lot).flatMap(({ start, end }) => range(start, end)))
    .sort((a, b) => a - b);
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

async function send(ledger: TestLedger, who: TestIdentity, from: string, to: string, quantity: number) {
  await submit(ledger, who, transfer, { fromAccount: from, toAccount: to, quantity });
}

async function consolidateAs(
  ledger: TestLedger,
  who: TestIdentity,
  request: Record<string, unknown>,
): Promise<ConsolidationResult> {
  return (await submit(ledger, who, consolidate, request)) as ConsolidationResult;
}

/**
 * TRADE1 receives one tonne at a time from HOLD1 (serials 1, 2, 3) and HOLD2 (100,001 …), alternately: six lots
 * whose serials form two separate runs.
 */
async function fragmented(): Promise<TestLedger> {
  const ledger = await standardScenario();
  for (let i = 0; i < 3; i += 1) {
    await send(ledger, Users.operator1, 'HOLD1', 'TRADE1', 1);
    await send(ledger, Users.operator2, 'HOLD2', 'TRADE1', 1);
  }
  return ledger;
}

describe('Allowance:ConsolidateLots', () => {
  it('merges an account’s lots into one lot holding exactly the same serials, and emits LotsConsolidated', async () => {
    const ledger = await fragmented();
    const before = lotsOf(ledger, 'TRADE1');
    expect(before).toHaveLength(6);
    const result = await consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1' });
    const after = lotsOf(ledger, 'TRADE1');
    expect(after).toHaveLength(1);
    const [lot] = after;
    expect(lot).toMatchObject({
      accountId: 'TRADE1',
      unitType: 'allowance',
      vintage: 2025,
      status: 'held',
      origin: 'consolidation',
      serialStart: 1,
      serialEnd: 100_003,
      serialRanges: [
        { start: 1, end: 3 },
        { start: 100_001, end: 100_003 },
      ],
      quantity: 6,
    });
    expect(serialsOf(after)).toEqual(serialsOf(before));
    // The first lot in spending order keeps its id (and key); the others are gone.
    const first = [...before].sort((a, b) => a.serialStart - b.serialStart)[0];
    expect(lot?.id).toBe(first?.id);
    expect(result.consolidated).toHaveLength(1);
    expect(result.consolidated[0]?.mergedLotIds).toHaveLength(6);
    expect([...result.deletedLotIds].sort()).toEqual(
      before
        .map((l) => l.id)
        .filter((id) => id !== first?.id)
        .sort(),
    );
    expect(result.leftOver).toBe(0);
    expect(ledger.lastEvent()).toMatchObject({
      name: 'LotsConsolidated',
      payload: { accountId: 'TRADE1', lots: [{ lotId: first?.id, quantity: 6 }], leftOver: 0 },
    });
    // The owner's org still has to endorse any change to the consolidated lot.
    await ledger.evaluate(Users.auditor, async (ctx) => {
      expect(
        await ownerEndorsers(ctx, ctx.stub.createCompositeKey('lot', ['TRADE1', lot?.id ?? ''])),
      ).toEqual(['Enterprise1MSP']);
    });
    // Nothing is left to merge: a second consolidation is refused, the ledger unchanged.
    await expectRefused(
      ledger,
      consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1' }),
      'FAILED_PRECONDITION',
      'account TRADE1 has nothing to consolidate',
    );
  });

  it('spends a consolidated lot lowest serials first, across its ranges', async () => {
    const ledger = await fragmented();
    const [lot] = (await consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1' })).consolidated;
    const moved = (await submit(ledger, Users.trader1, transfer, {
      fromAccount: 'TRADE1',
      toAccount: 'TRADE2',
      quantity: 4,
      lotIds: [lot?.lot.id],
    })) as { moved: Lot[]; remainders: Lot[] };
    expect(moved.moved[0]).toMatchObject({
      quantity: 4,
      serialRanges: [
        { start: 1, end: 3 },
        { start: 100_001, end: 100_001 },
      ],
    });
    expect(formatSerials(moved.moved[0]!)).toBe('1-3, 100001');
    // The remainder is one range again: it carries no `serialRanges`.
    const remainder = (await evaluate(ledger, Users.trader1, getLot, 'TRADE1', lot?.lot.id ?? '')) as Lot;
    expect(remainder).toEqual(
      expect.objectContaining({ serialStart: 100_002, serialEnd: 100_003, quantity: 2 }),
    );
    expect(remainder).not.toHaveProperty('serialRanges');
    expect(serialsOf([...lotsOf(ledger, 'TRADE1'), ...lotsOf(ledger, 'TRADE2')])).toEqual(
      expect.arrayContaining([1, 2, 3, 100_001, 100_002, 100_003]),
    );
  });

  it('merges named lots only, with no range read of the account', async () => {
    const ledger = await fragmented();
    const [a, b, c] = lotsOf(ledger, 'TRADE1').sort((x, y) => x.serialStart - y.serialStart);
    const result = await consolidateAs(ledger, Users.trader1, {
      accountId: 'TRADE1',
      lotIds: [c?.id, a?.id],
    });
    expect(ledger.lastStub?.rangeReads()).toEqual([]);
    expect(result.consolidated.map((merge) => merge.mergedLotIds)).toEqual([[a?.id, c?.id]]);
    expect(lotsOf(ledger, 'TRADE1')).toHaveLength(5);
    expect(lotsOf(ledger, 'TRADE1').find((lot) => lot.id === b?.id)).toEqual(b);
  });

  it('leaves locked lots alone', async () => {
    const ledger = await marketScenario();
    await send(ledger, Users.operator1, 'HOLD1', 'TRADE1', 5);
    await send(ledger, Users.operator1, 'HOLD1', 'TRADE1', 5);
    // The sell order locks part of the oldest lot (20,000 t): a locked lot is split off.
    await placeOrder(ledger, 'TRADE1', 'sell', 10_000, 100);
    const locked = lotsOf(ledger, 'TRADE1').filter((lot) => lot.lockedBy !== undefined);
    expect(locked).toHaveLength(1);
    await expectRefused(
      ledger,
      consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1', lotIds: [locked[0]?.id] }),
      'FAILED_PRECONDITION',
      /is locked by/,
    );
    const result = await consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1' });
    expect(result.consolidated[0]?.lot.quantity).toBe(20_000 - 100 + 10);
    const after = lotsOf(ledger, 'TRADE1');
    expect(after).toHaveLength(2);
    expect(after.find((lot) => lot.lockedBy !== undefined)).toEqual(locked[0]);
    // The order still has its units locked.
    const position = (await evaluate(ledger, Users.trader1, market.position, 'TRADE1')) as {
      lockedUnits: number;
    };
    expect(position.lockedUnits).toBe(100);
  });

  it('merges at most 100 lots a transaction and says how many are left for the next one', async () => {
    const ledger = await standardScenario();
    for (let i = 0; i < 105; i += 1) await send(ledger, Users.operator1, 'HOLD1', 'TRADE1', 1);
    const before = serialsOf(lotsOf(ledger, 'TRADE1'));
    const first = await consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1' });
    expect(first.consolidated[0]?.mergedLotIds).toHaveLength(100);
    expect(first.leftOver).toBe(5);
    expect(lotsOf(ledger, 'TRADE1')).toHaveLength(6);
    const second = await consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1' });
    expect(second.leftOver).toBe(0);
    expect(lotsOf(ledger, 'TRADE1')).toEqual([
      expect.objectContaining({ serialStart: 1, serialEnd: 105, quantity: 105 }),
    ]);
    // Contiguous serials join into one range.
    expect(lotsOf(ledger, 'TRADE1')[0]).not.toHaveProperty('serialRanges');
    expect(serialsOf(lotsOf(ledger, 'TRADE1'))).toEqual(before);
  });

  it('keeps unit types, vintages and projects apart', async () => {
    const ledger = await standardScenario();
    await issueOffsetsToEnt1(ledger);
    const offsets = tx(cc.offset, 'TransferOffsets');
    for (let i = 0; i < 2; i += 1) {
      await submit(ledger, Users.trader1, offsets, {
        fromAccount: 'TRADE1',
        toAccount: 'HOLD1',
        quantity: 10,
      });
    }
    await send(ledger, Users.operator2, 'HOLD2', 'HOLD1', 1);
    expect(lotsOf(ledger, 'HOLD1')).toHaveLength(4);
    await consolidateAs(ledger, Users.operator1, { accountId: 'HOLD1' });
    const after = lotsOf(ledger, 'HOLD1').sort((a, b) => a.unitType.localeCompare(b.unitType));
    expect(after).toEqual([
      expect.objectContaining({
        unitType: 'allowance',
        serialStart: 1,
        serialEnd: 100_001,
        quantity: 100_001,
      }),
      expect.objectContaining({ unitType: 'offset', projectId: 'PRJ1', serialStart: 1, serialEnd: 20 }),
    ]);
  });

  describe('refuses, the ledger unchanged', () => {
    let ledger: TestLedger;
    let lots: Lot[];
    beforeEach(async () => {
      ledger = await fragmented();
      lots = lotsOf(ledger, 'TRADE1').sort((a, b) => a.serialStart - b.serialStart);
    });

    it('bad requests', async () => {
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.trader1, { accountId: 'NOPE' }),
        'NOT_FOUND',
        /account NOPE/,
      );
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1', lotIds: [lots[0]?.id] }),
        'INVALID_ARGUMENT',
        /is the only allowance 2025 lot named; name two or more lots of one kind/,
      );
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1', lotIds: [lots[0]?.id, 'missing'] }),
        'NOT_FOUND',
        'lot missing is not in account TRADE1',
      );
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1', lotIds: [lots[0]?.id, lots[0]?.id] }),
        'INVALID_ARGUMENT',
        /same id twice/,
      );
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1', lotIds: [] }),
        'INVALID_ARGUMENT',
      );
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1', extra: 1 }),
        'INVALID_ARGUMENT',
      );
      // A lot of another account of the same holder is not in this one.
      const hold1 = lotsOf(ledger, 'HOLD1')[0];
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1', lotIds: [lots[0]?.id, hold1?.id] }),
        'NOT_FOUND',
        `lot ${hold1?.id} is not in account TRADE1`,
      );
    });

    it('the deletion account and blocked accounts', async () => {
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.regulator, { accountId: 'NATIONAL-DELETION' }),
        'FAILED_PRECONDITION',
        /surrendered or retired units/,
      );
      await submit(ledger, Users.regulator, tx(cc.registry, 'BlockAccount'), {
        accountId: 'TRADE1',
        reason: 'r',
      });
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1' }),
        'FAILED_PRECONDITION',
        /account TRADE1 is blocked/,
      );
    });

    it('anyone but the holder', async () => {
      for (const who of [Users.trader2, Users.operator2, Users.impostor, Users.regulator, Users.auditor]) {
        await expectRefused(ledger, consolidateAs(ledger, who, { accountId: 'TRADE1' }), 'FORBIDDEN');
      }
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.operator1, { accountId: 'NATIONAL-ALLOCATION' }),
        'FORBIDDEN',
        /only the regulator consolidates the lots of national account NATIONAL-ALLOCATION/,
      );
    });

    it('users of the holder who are not its representatives, once it has some', async () => {
      await submit(ledger, Users.regulator, tx(cc.approval, 'SetRepresentatives'), {
        accountId: 'TRADE1',
        representatives: [
          { mspId: 'Enterprise1MSP', userName: 'operator1', role: 'proposer' },
          { mspId: 'Enterprise1MSP', userName: 'approver1', role: 'approver' },
        ],
        approvalThreshold: 1,
        approvalWindowSeconds: 3_600,
        requestReference: 'holder request 2025-19',
      });
      await expectRefused(
        ledger,
        consolidateAs(ledger, Users.trader1, { accountId: 'TRADE1' }),
        'FORBIDDEN',
        /account TRADE1 acts only through its proposer and approver representatives/,
      );
      // Consolidation moves nothing: the representative merges at once, no second person (threshold 1 t).
      const result = await consolidateAs(ledger, Users.operator1, { accountId: 'TRADE1' });
      expect(result.consolidated[0]?.lot.quantity).toBe(6);
    });
  });

  it('lets the regulator consolidate a national account', async () => {
    const ledger = await standardScenario();
    // A second issuance continues the serials of the remainder left after the allocations: one range.
    await submit(ledger, Users.regulator, tx(cc.allowance, 'IssueAllowances'), {
      period: 2025,
      quantity: 1_000,
    });
    expect(lotsOf(ledger, 'NATIONAL-ALLOCATION')).toHaveLength(2);
    await consolidateAs(ledger, Users.regulator, { accountId: 'NATIONAL-ALLOCATION' });
    expect(lotsOf(ledger, 'NATIONAL-ALLOCATION')).toEqual([
      expect.objectContaining({ serialStart: 180_001, serialEnd: 501_000, quantity: 321_000 }),
    ]);
  });
});

describe('planMerges', () => {
  /** A lot of `count` one-serial ranges, every other serial from `first`. */
  const scattered = (id: string, first: number, count: number): Lot => {
    const serialRanges = Array.from({ length: count }, (_, i) => ({
      start: first + 2 * i,
      end: first + 2 * i,
    }));
    return {
      id,
      accountId: 'TRADE1',
      unitType: 'allowance',
      vintage: 2025,
      serialStart: first,
      serialEnd: first + 2 * (count - 1),
      ...(count > 1 ? { serialRanges } : {}),
      quantity: count,
      status: 'held',
      origin: 'transfer',
      createdAt: '2025-01-15T00:00:00.000Z',
      createdTxId: 'tx',
    };
  };

  it(`starts a new lot before one would carry more than ${MAX_SERIAL_RANGES} serial ranges`, () => {
    const a = scattered('a', 1, 200);
    const b = scattered('b', 1_001, 56);
    const c = scattered('c', 2_001, 1);
    const d = scattered('d', 3_001, 1);
    // a + b make exactly 256 ranges; c would be the 257th, so c and d merge on their own.
    expect(planMerges([a, b, c, d]).map((merge) => merge.map((lot) => lot.id))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    // A lot left alone is not rewritten.
    expect(planMerges([a, b, c]).map((merge) => merge.map((lot) => lot.id))).toEqual([['a', 'b']]);
    expect(planMerges([scattered('full', 1, MAX_SERIAL_RANGES), c])).toEqual([]);
  });

  it('joins touching ranges, so that contiguous lots never count against the bound', () => {
    const a = scattered('a', 1, MAX_SERIAL_RANGES);
    // 2, 4, … fill the gaps of a: one range.
    const b = scattered('b', 2, MAX_SERIAL_RANGES - 1);
    expect(planMerges([a, b]).map((merge) => merge.map((lot) => lot.id))).toEqual([['a', 'b']]);
  });
});
