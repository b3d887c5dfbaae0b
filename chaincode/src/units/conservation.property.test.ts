import fc from 'fast-check';
import { MAX_SERIAL_RANGES, serialCount, serialRangesOf, type SerialRange } from '@carbon-ets/contract';
import type { Context } from 'fabric-contract-api';
import { Users } from '../testing/identities';
import type { TestIdentity } from '../testing/memory-identity';
import { acceptInst1Report, addEnt1Installation, issueOffsetsToEnt1 } from '../testing/cycle';
import { cc, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';
import type { Lot } from './lot';

type Fn = (ctx: Context, ...args: string[]) => Promise<string>;
interface Op {
  readonly label: string;
  readonly who: TestIdentity;
  readonly fn: Fn;
  readonly request: Record<string, unknown>;
}

const ACCOUNT_OWNERS: Record<string, TestIdentity> = {
  HOLD1: Users.operator1,
  TRADE1: Users.trader1,
  HOLD2: Users.operator2,
  TRADE2: Users.trader2,
};
const accounts = Object.keys(ACCOUNT_OWNERS);
const quantity = fc.integer({ min: 1, max: 60_000 });
const account = fc.constantFrom(...accounts);
const installation = fc.constantFrom('INST1', 'INST2');
/** INST1 and INST2 have their 2025 allocation already; INST3 has a plan line (benchmark, 14,000 pre-allocated). */
const allocatedInstallation = fc.constantFrom('INST1', 'INST2', 'INST3');

function transferOp(quantities: fc.Arbitrary<number>): fc.Arbitrary<Op> {
  return fc
    .tuple(account, account, quantities, fc.constantFrom<'allowance' | 'offset'>('allowance', 'offset'))
    .map(([from, to, q, unit]) => ({
      label: `transfer ${q} ${unit} ${from}→${to}`,
      who: ACCOUNT_OWNERS[from] ?? Users.regulator,
      fn: unit === 'allowance' ? tx(cc.allowance, 'Transfer') : tx(cc.offset, 'TransferOffsets'),
      request: { fromAccount: from, toAccount: to, quantity: q },
    }));
}

const surrenderOp: fc.Arbitrary<Op> = fc
  .tuple(installation, quantity, fc.constantFrom<'allowance' | 'offset'>('allowance', 'offset'))
  .map(([i, q, unit]) => ({
    label: `surrender ${q} ${unit} for ${i}`,
    who: i === 'INST1' ? Users.operator1 : Users.operator2,
    fn: tx(cc.compliance, 'Surrender'),
    request: {
      period: 2025,
      installationId: i,
      unitType: unit,
      quantity: unit === 'offset' ? Math.min(q, 50) : q,
    },
  }));

const consolidateOp: fc.Arbitrary<Op> = account.map((a) => ({
  label: `consolidate the lots of ${a}`,
  who: ACCOUNT_OWNERS[a] ?? Users.regulator,
  fn: tx(cc.allowance, 'ConsolidateLots'),
  request: { accountId: a },
}));

/** Small transfers among the four accounts and consolidations: holdings fragment, then get merged and spent. */
const fragmentingOp: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: transferOp(fc.integer({ min: 1, max: 50 })), weight: 6 },
  { arbitrary: consolidateOp, weight: 2 },
  { arbitrary: surrenderOp, weight: 1 },
);

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  quantity.map((q) => ({
    label: `issue ${q}`,
    who: Users.regulator,
    fn: tx(cc.allowance, 'IssueAllowances'),
    request: { period: 2025, quantity: q },
  })),
  allocatedInstallation.map((i) => ({
    label: `pre-allocate to ${i}`,
    who: Users.regulator,
    fn: tx(cc.allowance, 'PreAllocate'),
    request: { period: 2025, installationId: i },
  })),
  fc.tuple(allocatedInstallation, fc.integer({ min: 1, max: 200_000 })).map(([i, output]) => ({
    label: `true up ${i} on ${output}`,
    who: Users.regulator,
    fn: tx(cc.allowance, 'TrueUp'),
    request: {
      period: 2025,
      installationId: i,
      ...(i === 'INST3' ? { verifiedOutput: String(output) } : {}),
    },
  })),
  quantity.map((q) => ({
    label: `return ${q} of INST3's allocation`,
    who: Users.operator1,
    fn: tx(cc.allowance, 'ReturnAllocation'),
    request: { period: 2025, installationId: 'INST3', quantity: Math.min(q, 20_000) },
  })),
  transferOp(fc.oneof(quantity, fc.integer({ min: 1, max: 50 }))),
  surrenderOp,
  consolidateOp,
  fc.tuple(account, fc.integer({ min: 1, max: 400 })).map(([a, q]) => ({
    label: `retire ${q} from ${a}`,
    who: ACCOUNT_OWNERS[a] ?? Users.regulator,
    fn: tx(cc.offset, 'RetireOffsets'),
    request: { accountId: a, quantity: q, beneficiary: 'anyone' },
  })),
);

/** Every lot in the committed world state. */
function allLots(ledger: TestLedger): Lot[] {
  return [...ledger.world.state.entries()]
    .filter(([key]) => key.startsWith('\x00lot\x00'))
    .map(([, value]) => JSON.parse(Buffer.from(value).toString('utf8')) as Lot);
}

function issuedAllowances(ledger: TestLedger): number {
  const head = ledger.world.state.get('\x00issuance\x00allowance\x002025\x00');
  return head === undefined
    ? 0
    : (JSON.parse(Buffer.from(head).toString('utf8')) as { issued: number }).issued;
}

function checkInvariants(ledger: TestLedger, terminal: Map<string, string>): void {
  const lots = allLots(ledger);
  // Totals per unit space are conserved: serial ranges exactly tile 1..issued (allowances) / the issued block.
  const spaces = new Map<string, SerialRange[]>();
  for (const lot of lots) {
    const ranges = serialRangesOf(lot);
    // A lot's ranges are ascending and never touch (touching ones are joined); `serialRanges` only for two or more.
    expect(lot.serialRanges === undefined || lot.serialRanges.length > 1).toBe(true);
    expect(ranges.length).toBeLessThanOrEqual(MAX_SERIAL_RANGES);
    ranges.forEach((range, i) => {
      expect(range.end).toBeGreaterThanOrEqual(range.start);
      if (i > 0) expect(range.start).toBeGreaterThan((ranges[i - 1]?.end ?? 0) + 1);
    });
    expect([lot.serialStart, lot.serialEnd]).toEqual([ranges[0]?.start, ranges[ranges.length - 1]?.end]);
    expect(lot.quantity).toBe(serialCount(ranges));
    expect(lot.quantity).toBeGreaterThan(0);
    const space = `${lot.unitType}|${lot.vintage}|${lot.projectId ?? ''}`;
    spaces.set(space, [...(spaces.get(space) ?? []), ...ranges]);
  }
  // The scenario holds both kinds of unit, so the loop below never checks an empty world.
  expect([...spaces.keys()]).toEqual(expect.arrayContaining(['allowance|2025|', 'offset|2025|PRJ1']));
  for (const [space, group] of spaces) {
    group.sort((a, b) => a.start - b.start);
    let next = group[0]?.start ?? 1;
    for (const range of group) {
      // No serial number is in two lots, and none is lost.
      expect({ space, start: range.start }).toEqual({ space, start: next });
      next = range.end + 1;
    }
    const total = serialCount(group);
    if (space === 'allowance|2025|') {
      expect(group[0]?.start).toBe(1);
      expect(total).toBe(issuedAllowances(ledger));
    } else {
      expect(total).toBe(1_000);
    }
  }
  // Nothing surrendered or retired ever moves or changes again.
  const current = new Map(lots.filter((l) => l.status !== 'held').map((l) => [l.id, JSON.stringify(l)]));
  for (const [id, snapshot] of terminal) {
    expect(current.get(id)).toBe(snapshot);
  }
  for (const lot of lots) {
    if (lot.status !== 'held') {
      expect(lot.accountId).toBe('NATIONAL-DELETION');
      terminal.set(lot.id, JSON.stringify(lot));
    }
  }
}

describe('conservation of units (property-based)', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await standardScenario();
    await issueOffsetsToEnt1(base);
    await acceptInst1Report(base, 3_000, 'flare gas double-counted in the report');
    await addEnt1Installation(base, 'INST3', 'HOLD3', '300');
    await submit(base, Users.regulator, tx(cc.allowance, 'SetAllocationPlan'), {
      period: 2025,
      lines: [
        {
          installationId: 'INST3',
          method: 'benchmark',
          benchmarkId: 'gas',
          preAllocationBase: 20_000,
          preAllocationShareBasisPoints: 7_000,
          ceiling: 30_000,
        },
      ],
    });
    // After the reporting deadline: INST3's emissions estimated, so that it can be trued up.
    base.setTime('2026-05-01T00:00:00Z');
    await submit(base, Users.regulator, tx(cc.compliance, 'EstimateEmissions'), {
      period: 2025,
      installationId: 'INST3',
      estimatedEmissions: 5_000,
      reason: 'no report',
    });
  });

  /** Runs sequences of operations on forks of the scenario, checking the invariants after each one. */
  async function runSequences(ops: fc.Arbitrary<Op>, maxLength: number) {
    const seen = { applied: 0, terminal: 0, multiRange: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(ops, { minLength: 1, maxLength }), async (sequence) => {
        const ledger = base.fork();
        const terminal = new Map<string, string>();
        checkInvariants(ledger, terminal);
        for (const op of sequence) {
          try {
            await submit(ledger, op.who, op.fn, op.request);
            seen.applied += 1;
          } catch (error) {
            // A refused operation is a clear chaincode error and attempted no write (the test ledger replaces
            // the error of one that did with WRITE_BEFORE_REFUSAL, which fails this match).
            expect(String(error)).toMatch(
              /^ChaincodeError: (INVALID_ARGUMENT|NOT_FOUND|FORBIDDEN|CONFLICT|FAILED_PRECONDITION): /,
            );
            expect(ledger.lastRefusal()?.attemptedWrites).toEqual([]);
          }
          checkInvariants(ledger, terminal);
          seen.multiRange += allLots(ledger).filter((lot) => lot.serialRanges !== undefined).length;
        }
        seen.terminal += terminal.size;
      }),
      // A fixed seed: the coverage checks below (lots with several serial runs, terminal units) must not
      // depend on the luck of one run.
      { numRuns: 60, seed: 20261201 },
    );
    return seen;
  }

  it('conserves totals per vintage, never duplicates a serial and never moves surrendered or retired units', async () => {
    const seen = await runSequences(opArbitrary, 25);
    // The operations do apply, and units do become terminal: the properties are not checked on refusals only.
    expect(seen.applied).toBeGreaterThan(50);
    expect(seen.terminal).toBeGreaterThan(0);
  });

  it('keeps every serial when fragmented holdings are consolidated, spent and surrendered', async () => {
    const seen = await runSequences(fragmentingOp, 40);
    // Consolidations do merge separate serial runs, and such lots are spent and surrendered like any other.
    expect(seen.multiRange).toBeGreaterThan(0);
    expect(seen.terminal).toBeGreaterThan(0);
  });
});
