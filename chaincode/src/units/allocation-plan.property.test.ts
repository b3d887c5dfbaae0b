import fc from 'fast-check';
import type { AllocationView } from '@carbon-ets/contract';
import { addEnt1Installation } from '../testing/cycle';
import { Users } from '../testing/identities';
import { cc, evaluate, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

interface LineSpec {
  readonly method: 'fixed' | 'benchmark';
  readonly quantity: number;
  readonly factor: string;
  readonly base: number;
  readonly share: number;
  readonly ceiling: number;
}

/**
 * A plan line for INST3: mostly one the plan takes (ceiling at least the pre-allocation and the fixed quantity),
 * sometimes (about one in eight) any ceiling at all, which the plan may refuse.
 */
const lineArbitrary: fc.Arbitrary<LineSpec> = fc
  .record({
    method: fc.constantFrom<'fixed' | 'benchmark'>('fixed', 'benchmark'),
    quantity: fc.integer({ min: 1, max: 50_000 }),
    factor: fc.constantFrom('1', '0.95', '0.5', '1.1'),
    base: fc.integer({ min: 0, max: 40_000 }),
    share: fc.integer({ min: 0, max: 10_000 }),
    slack: fc.integer({ min: 0, max: 30_000 }),
    anyCeiling: fc.integer({ min: 1, max: 60_000 }),
    unchecked: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  })
  .map(({ slack, anyCeiling, unchecked, ...line }) => {
    const floor = Math.max(
      1,
      Math.floor((line.base * line.share) / 10_000),
      line.method === 'fixed' ? line.quantity : 0,
    );
    return { ...line, ceiling: unchecked ? anyCeiling : floor + slack };
  });

type Step =
  | { kind: 'pre-allocate' }
  | { kind: 'true-up'; output: number }
  | { kind: 'return'; percent: number }
  | { kind: 'spend'; quantity: number };
/** Small outputs are frequent, so that true-ups below the pre-allocation (and returns) are too. */
const output = fc.oneof(fc.integer({ min: 1, max: 30_000 }), fc.integer({ min: 1, max: 300_000 }));
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'pre-allocate' as const }), weight: 2 },
  { arbitrary: output.map((verified) => ({ kind: 'true-up' as const, output: verified })), weight: 2 },
  {
    arbitrary: fc.integer({ min: 1, max: 120 }).map((percent) => ({ kind: 'return' as const, percent })),
    weight: 3,
  },
  {
    arbitrary: fc.integer({ min: 1, max: 40_000 }).map((quantity) => ({ kind: 'spend' as const, quantity })),
    weight: 1,
  },
);

const INST3 = { period: 2025, installationId: 'INST3' };
/** The standard scenario issues 500,000 and allocates 180,000 to INST1 and INST2. */
const NATIONAL_BEFORE = 320_000;

function planRequest(spec: LineSpec): Record<string, unknown> {
  return {
    installationId: 'INST3',
    method: spec.method,
    ...(spec.method === 'fixed'
      ? { quantity: spec.quantity }
      : { benchmarkId: 'gas', correctionFactors: [spec.factor] }),
    preAllocationBase: spec.base,
    preAllocationShareBasisPoints: spec.share,
    ceiling: spec.ceiling,
  };
}

/** floor(output × 0.392 × factor), on integers: the factor in thousandths. */
function benchmarkFinal(output: number, factor: string): number {
  const thousandths = BigInt(Math.round(Number(factor) * 1000));
  return Number((BigInt(output) * 392n * thousandths) / 1_000_000n);
}

async function nationalHeld(ledger: TestLedger): Promise<number> {
  const view = (await evaluate(
    ledger,
    Users.auditor,
    tx(cc.query, 'GetHoldings'),
    'NATIONAL-ALLOCATION',
  )) as {
    holdings: { unitType: string; vintage: number; quantity: number }[];
  };
  return view.holdings.find((h) => h.unitType === 'allowance' && h.vintage === 2025)?.quantity ?? 0;
}

describe('free allocation never exceeds the plan (property-based)', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await standardScenario();
    await addEnt1Installation(base, 'INST3', 'HOLD3', '300');
    base.setTime('2026-05-01T00:00:00Z');
    await submit(base, Users.regulator, tx(cc.compliance, 'EstimateEmissions'), {
      ...INST3,
      estimatedEmissions: 5_000,
      reason: 'no report',
    });
  });

  it('keeps every part within the ceiling, the true-up exact, returns within what is due, units conserved', async () => {
    let trueUps = 0;
    let returns = 0;
    await fc.assert(
      fc.asyncProperty(
        lineArbitrary,
        fc.array(stepArbitrary, { minLength: 3, maxLength: 8 }),
        fc.boolean(),
        async (spec, randomSteps, preAllocateFirst) => {
          // Most runs pay the pre-allocation first, so that the true-up often has something to compare with.
          const steps: Step[] = preAllocateFirst ? [{ kind: 'pre-allocate' }, ...randomSteps] : randomSteps;
          const ledger = base.fork();
          const preAllocation = Math.floor((spec.base * spec.share) / 10_000);
          const valid =
            preAllocation <= spec.ceiling && (spec.method === 'benchmark' || spec.quantity <= spec.ceiling);
          const planned = submit(ledger, Users.regulator, tx(cc.allowance, 'SetAllocationPlan'), {
            period: 2025,
            lines: [planRequest(spec)],
          });
          if (!valid) {
            await expect(planned).rejects.toThrow(/^INVALID_ARGUMENT: .*exceeds the line's ceiling/);
            return;
          }
          await planned;
          let output: number | undefined;
          for (const step of steps) {
            try {
              if (step.kind === 'pre-allocate') {
                await submit(ledger, Users.regulator, tx(cc.allowance, 'PreAllocate'), INST3);
              } else if (step.kind === 'true-up') {
                await submit(ledger, Users.regulator, tx(cc.allowance, 'TrueUp'), {
                  ...INST3,
                  ...(spec.method === 'benchmark' ? { verifiedOutput: String(step.output) } : {}),
                });
                output = step.output;
                trueUps += 1;
              } else if (step.kind === 'return') {
                // A share of what is due (above 100 %: more than is due, refused).
                const { allocation } = (await evaluate(
                  ledger,
                  Users.regulator,
                  tx(cc.allowance, 'GetAllocation'),
                  '2025',
                  'INST3',
                )) as AllocationView;
                const due = allocation?.returnDue ?? 0;
                await submit(ledger, Users.operator1, tx(cc.allowance, 'ReturnAllocation'), {
                  ...INST3,
                  quantity: Math.max(1, Math.ceil((due * step.percent) / 100)),
                });
                returns += 1;
              } else {
                await submit(ledger, Users.trader1, tx(cc.allowance, 'Transfer'), {
                  fromAccount: 'HOLD3',
                  toAccount: 'TRADE1',
                  quantity: step.quantity,
                });
              }
            } catch (error) {
              expect(String(error)).toMatch(
                /^ChaincodeError: (INVALID_ARGUMENT|NOT_FOUND|CONFLICT|FAILED_PRECONDITION): /,
              );
              expect(ledger.lastRefusal()?.attemptedWrites).toEqual([]);
            }
            const { allocation } = (await evaluate(
              ledger,
              Users.regulator,
              tx(cc.allowance, 'GetAllocation'),
              '2025',
              'INST3',
            )) as AllocationView;
            const allocated = allocation?.quantity ?? 0;
            // Units: what left NATIONAL-ALLOCATION is what INST3 holds of its allocation, returns included.
            expect(await nationalHeld(ledger)).toBe(NATIONAL_BEFORE - allocated);
            if (allocation === null) continue;
            // Allocations under a plan always carry their parts and return figures.
            const { parts = [], returned = -1, returnDue = -1 } = allocation;
            const paid = parts.reduce((sum, part) => sum + part.quantity, 0);
            expect(paid).toBeLessThanOrEqual(spec.ceiling);
            expect(allocation.quantity).toBe(paid - returned);
            expect(allocation.quantity - returnDue).toBeLessThanOrEqual(spec.ceiling);
            expect(returnDue).toBeGreaterThanOrEqual(0);
            if (allocation.finalQuantity === undefined) {
              expect(allocation.quantity).toBe(preAllocation);
            } else {
              const planned =
                spec.method === 'fixed' ? spec.quantity : benchmarkFinal(output ?? 0, spec.factor);
              expect(allocation.finalQuantity).toBe(Math.min(planned, spec.ceiling));
              expect(allocation.quantity - returnDue).toBe(allocation.finalQuantity);
            }
          }
        },
      ),
      { numRuns: 80 },
    );
    expect(trueUps).toBeGreaterThan(10);
    expect(returns).toBeGreaterThan(0);
  });
});
