import fc from 'fast-check';
import type { ComplianceStatusReport } from '@carbon-ets/contract';
import { Users } from '../testing/identities';
import { acceptInst1Report } from '../testing/cycle';
import { allocateFixed, cc, evaluate, Fixtures, registerParticipants, submit, tx } from '../testing/scenario';
import { TestLedger } from '../testing/test-ledger';
import { emissionsObligation } from './compliance-record';

/** The gap cap of INST1 in this scenario: 20 % over its 100,000 allowances. */
const CAP = 120_000;
const HELD = 100_000;

type Op =
  | { readonly kind: 'correct'; readonly tonnes: number }
  | { readonly kind: 'surrender'; readonly quantity: number }
  | { readonly kind: 'close' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('correct' as const), tonnes: fc.integer({ min: 0, max: 200_000 }) }),
  fc.record({ kind: fc.constant('surrender' as const), quantity: fc.integer({ min: 1, max: 40_000 }) }),
  fc.constant({ kind: 'close' as const }),
);

/** 2025 with a 20 % gap cap, INST1 accepted at 3,264 t, INST2 estimated, 2026 created; after the deadline. */
async function base(): Promise<TestLedger> {
  const ledger = new TestLedger();
  await registerParticipants(ledger);
  const regulator = Users.regulator;
  await submit(ledger, regulator, tx(cc.period, 'CreatePeriod'), {
    ...Fixtures.period2025,
    obligationCapBasisPoints: 2_000,
  });
  await submit(ledger, regulator, tx(cc.period, 'CreatePeriod'), {
    ...Fixtures.period2025,
    year: 2026,
    deadlines: { reportBy: '2027-03-31', verifyBy: '2027-06-30', surrenderBy: '2027-09-30' },
  });
  await submit(ledger, regulator, tx(cc.period, 'PublishFactorSet'), Fixtures.factorSet);
  await submit(ledger, regulator, tx(cc.allowance, 'IssueAllowances'), { period: 2025, quantity: 500_000 });
  await allocateFixed(ledger, 2025, 'INST1', HELD);
  await acceptInst1Report(ledger);
  ledger.setTime('2026-10-01T00:00:00Z');
  await submit(ledger, regulator, tx(cc.compliance, 'EstimateEmissions'), {
    period: 2025,
    installationId: 'INST2',
    estimatedEmissions: 1_000,
    reason: 'no report',
  });
  return ledger;
}

describe('compliance balance under corrections (property)', () => {
  let start: TestLedger;
  beforeAll(async () => {
    start = await base();
  }, 30_000);

  it('balance = surrendered − obligation, and a closed period carries exactly the corrected difference', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const ledger = start.fork();
        const status = async (year: number) =>
          (await evaluate(
            ledger,
            Users.auditor,
            tx(cc.compliance, 'GetComplianceStatus'),
            String(year),
            'INST1',
          )) as ComplianceStatusReport;
        let verified = 3_264;
        let surrendered = 0;
        let closedAt: { verified: number; shortfall: number } | undefined;
        for (const step of ops) {
          if (step.kind === 'correct' && step.tonnes !== verified) {
            await submit(ledger, Users.regulator, tx(cc.compliance, 'CorrectEmissions'), {
              period: 2025,
              installationId: 'INST1',
              verifiedEmissions: step.tonnes,
              reason: 'property',
              documents: [{ name: 'd', sha256: 'f'.repeat(64) }],
            });
            verified = step.tonnes;
          } else if (
            step.kind === 'surrender' &&
            closedAt === undefined &&
            surrendered + step.quantity <= HELD
          ) {
            await submit(ledger, Users.operator1, tx(cc.compliance, 'Surrender'), {
              period: 2025,
              installationId: 'INST1',
              unitType: 'allowance',
              quantity: step.quantity,
            });
            surrendered += step.quantity;
          } else if (step.kind === 'close' && closedAt === undefined) {
            await submit(ledger, Users.regulator, tx(cc.compliance, 'ClosePeriod'), { period: 2025 });
            closedAt = {
              verified,
              shortfall: Math.max(0, emissionsObligation(verified, CAP) - surrendered),
            };
          }
          const now = await status(2025);
          expect(now.balance).toBe(now.surrendered - now.obligation);
          expect(now.surrendered).toBe(surrendered);
          expect(now.verifiedEmissions).toBe(verified);
          expect(now.obligation).toBe(emissionsObligation(verified, CAP));
          const next = await status(2026);
          expect(next.balance).toBe(next.surrendered - next.obligation);
          if (closedAt === undefined) {
            expect(next.obligation).toBe(0);
            expect(now.final).toBeNull();
          } else {
            // What 2025 still owes lives in 2026: the shortfall at close plus every later correction's difference.
            expect(now.final?.shortfall).toBe(closedAt.shortfall);
            expect(next.carriedShortfall).toBe(closedAt.shortfall);
            expect(next.carriedAdjustment).toBe(
              emissionsObligation(verified, CAP) - emissionsObligation(closedAt.verified, CAP),
            );
            expect(next.obligation).toBe(next.carriedShortfall + (next.carriedAdjustment ?? 0));
          }
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
