import type { Context } from 'fabric-contract-api';
import { Users } from './testing/identities';
import type { TestIdentity } from './testing/memory-identity';
import { acceptInst1Report, issueOffsetsToEnt1 } from './testing/cycle';
import { AnyCode, expectRefused } from './testing/expect-refused';
import { cc, Fixtures, standardScenario, submit, tx } from './testing/scenario';
import type { TestLedger } from './testing/test-ledger';

type Fn = (ctx: Context, ...args: string[]) => Promise<string>;

const transfer = tx(cc.allowance, 'Transfer');
const surrender = tx(cc.compliance, 'Surrender');
const okTransfer = { fromAccount: 'HOLD1', toAccount: 'TRADE2', quantity: 10 };
const okSurrender = { period: 2025, installationId: 'INST1', unitType: 'allowance', quantity: 10 };

/** [case, who, transaction, argument, expected message]. */
const cases: [string, TestIdentity, Fn, unknown, string | RegExp][] = [
  ['malformed JSON', Users.operator1, transfer, '{"fromAccount": ', 'transfer is not valid JSON'],
  ['JSON that is not an object', Users.operator1, transfer, '[1,2]', 'transfer must be a JSON object'],
  [
    'missing field',
    Users.operator1,
    transfer,
    { fromAccount: 'HOLD1', quantity: 1 },
    'transfer.toAccount is required',
  ],
  ['zero quantity', Users.operator1, transfer, { ...okTransfer, quantity: 0 }, 'greater than zero'],
  ['negative quantity', Users.operator1, transfer, { ...okTransfer, quantity: -3 }, 'must not be negative'],
  ['fractional quantity', Users.operator1, transfer, { ...okTransfer, quantity: 2.5 }, 'whole number'],
  [
    'fractional quantity as text',
    Users.operator1,
    transfer,
    { ...okTransfer, quantity: '2.5' },
    'whole number',
  ],
  [
    'oversized quantity',
    Users.operator1,
    transfer,
    { ...okTransfer, quantity: '90071992547409930' },
    'too large',
  ],
  ['non-numeric quantity', Users.operator1, transfer, { ...okTransfer, quantity: 'lots' }, 'whole number'],
  [
    'unknown account',
    Users.operator1,
    transfer,
    { ...okTransfer, toAccount: 'NOPE' },
    'NOT_FOUND: account NOPE',
  ],
  ['unknown lot', Users.operator1, transfer, { ...okTransfer, lotIds: ['x.1'] }, 'NOT_FOUND: lot x.1'],
  ['same lot twice', Users.operator1, transfer, { ...okTransfer, lotIds: ['x.1', 'x.1'] }, 'same id twice'],
  ['wrong vintage', Users.operator1, transfer, { ...okTransfer, vintage: 2024 }, 'of vintage 2024 available'],
  [
    'more than held',
    Users.operator1,
    surrender,
    { ...okSurrender, quantity: 100_001 },
    'has 100000 allowances',
  ],
  ['unknown installation', Users.operator1, surrender, { ...okSurrender, installationId: 'X' }, 'NOT_FOUND'],
  [
    'unknown unit type',
    Users.operator1,
    surrender,
    { ...okSurrender, unitType: 'cash' },
    'must be one of allowance, offset',
  ],
  [
    'year out of range',
    Users.operator1,
    surrender,
    { ...okSurrender, period: 3000 },
    'between 2000 and 2200',
  ],
  [
    'overlapping offset serials',
    Users.regulator,
    tx(cc.offset, 'IssueOffsets'),
    {
      projectId: 'PRJ1',
      vintage: 2026,
      monitoringPeriod: { from: '2026-01-01', to: '2026-12-31' },
      serialStart: 999,
      quantity: 10,
      toAccount: 'TRADE1',
    },
    'overlap',
  ],
  [
    'report without activity',
    Users.operator1,
    tx(cc.mrv, 'SubmitReport'),
    Fixtures.report('INST1', { activity: [] }),
    'report.activity',
  ],
  [
    'report with negative fuel',
    Users.operator1,
    tx(cc.mrv, 'SubmitReport'),
    Fixtures.report('INST1', {
      activity: [{ kind: 'fuel', fuel: 'natural_gas', quantity: '-1', unit: 't' }],
    }),
    'non-negative decimal',
  ],
];

describe('bad input: a clear error and no change', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await standardScenario();
    await issueOffsetsToEnt1(base);
  });

  it.each(cases)('%s', async (_name, who, fn, argument, message) => {
    const ledger = base.fork();
    await expectRefused(ledger, submit(ledger, who, fn, argument), AnyCode, message);
  });

  it('double surrender of the same lot and surrender of locked units are refused', async () => {
    const ledger = base.fork();
    await acceptInst1Report(ledger);
    const lotKey = [...ledger.world.state.keys()].find((k) => k.startsWith('\x00lot\x00HOLD1\x00')) ?? '';
    const lotId = lotKey.split('\x00')[3] ?? '';
    await submit(ledger, Users.operator1, surrender, { ...okSurrender, quantity: 100_000, lotIds: [lotId] });
    const before = ledger.world.fingerprint();
    await expectRefused(
      ledger,
      submit(ledger, Users.operator1, surrender, { ...okSurrender, lotIds: [lotId] }),
      AnyCode,
      `lot ${lotId} is not in account HOLD1`,
    );
    // Units locked by an order (the market sets lockedBy) cannot be surrendered or transferred.
    await ledger.submit(Users.regulator, async (ctx) => {
      const lots = [...ledger.world.state.entries()].filter(([k]) => k.startsWith('\x00lot\x00HOLD2\x00'));
      for (const [key, value] of lots) {
        const lot = JSON.parse(Buffer.from(value).toString('utf8')) as Record<string, unknown>;
        await ctx.stub.putState(key, Buffer.from(JSON.stringify({ ...lot, lockedBy: 'order-7' })));
      }
    });
    expect(ledger.world.fingerprint()).not.toBe(before);
    await expectRefused(
      ledger,
      submit(ledger, Users.operator2, surrender, { ...okSurrender, installationId: 'INST2' }),
      AnyCode,
      'has 0 allowances of vintage ≤ 2025 available',
    );
    const lot2 = (
      [...ledger.world.state.keys()].find((k) => k.startsWith('\x00lot\x00HOLD2\x00')) ?? ''
    ).split('\x00')[3];
    await expectRefused(
      ledger,
      submit(ledger, Users.operator2, transfer, {
        fromAccount: 'HOLD2',
        toAccount: 'TRADE2',
        quantity: 1,
        lotIds: [lot2],
      }),
      AnyCode,
      'is locked by order-7',
    );
  });
});
