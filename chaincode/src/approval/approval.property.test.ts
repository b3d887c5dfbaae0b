import fc from 'fast-check';
import type { ApprovalRequest, Lot } from '@carbon-ets/contract';
import { Users } from '../testing/identities';
import type { TestIdentity } from '../testing/memory-identity';
import { cc, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

/** HOLD1's representatives: operator1 proposes, trader1 approves; above 1,000 t two people must agree. */
const REPRESENTATIVES = {
  accountId: 'HOLD1',
  representatives: [
    { mspId: 'Enterprise1MSP', userName: 'operator1', role: 'proposer' },
    { mspId: 'Enterprise1MSP', userName: 'trader1', role: 'approver' },
  ],
  approvalThreshold: 1_000,
  approvalWindowSeconds: 600,
  requestReference: 'REQ-P',
};

type Step =
  | { kind: 'transfer'; who: TestIdentity; to: string; quantity: number }
  | { kind: 'approve' | 'reject' | 'expire'; who: TestIdentity; pick: number }
  | { kind: 'wait'; seconds: number };

/** trader1 (the approver) twice as often as anyone else. */
const person = fc.constantFrom(Users.trader1, Users.trader1, Users.operator1, Users.trader2, Users.auditor);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('transfer' as const),
    who: fc.constantFrom(Users.operator1, Users.operator1, Users.trader1),
    to: fc.constantFrom('TRADE1', 'TRADE2', 'HOLD2'),
    quantity: fc.integer({ min: 1, max: 40_000 }),
  }),
  fc.record({
    kind: fc.constantFrom('approve' as const, 'reject' as const, 'expire' as const),
    who: person,
    pick: fc.nat(20),
  }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 900 }) }),
);

function stateValues<T>(ledger: TestLedger, type: string): T[] {
  return [...ledger.world.state.entries()]
    .filter(([key]) => key.startsWith(`\x00${type}\x00`))
    .map(([, value]) => JSON.parse(Buffer.from(value).toString('utf8')) as T);
}

function held(lots: readonly Lot[], accountId: string): number {
  return lots.filter((lot) => lot.accountId === accountId).reduce((sum, lot) => sum + lot.quantity, 0);
}

describe('two-person approval (property-based)', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await standardScenario();
    await submit(base, Users.regulator, tx(cc.approval, 'SetRepresentatives'), REPRESENTATIVES);
  });

  it('conserves units; locked units are exactly the pending requests; executed requests moved exactly theirs', async () => {
    let executed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const ledger = base.fork();
        const total = stateValues<Lot>(ledger, 'lot').reduce((sum, lot) => sum + lot.quantity, 0);
        let expectedHold1 = held(stateValues<Lot>(ledger, 'lot'), 'HOLD1');
        for (const s of steps) {
          // Decisions are aimed at pending requests (a decided one is refused, as the unit tests show).
          const approvals = stateValues<ApprovalRequest>(ledger, 'approval').filter(
            (a) => a.status === 'pending',
          );
          if (s.kind === 'wait') {
            ledger.setTime(new Date(Date.parse(ledger.now()) + s.seconds * 1000).toISOString());
            continue;
          }
          try {
            if (s.kind === 'transfer') {
              const result = (await submit(ledger, s.who, tx(cc.allowance, 'Transfer'), {
                fromAccount: 'HOLD1',
                toAccount: s.to,
                quantity: s.quantity,
              })) as { pendingApproval?: ApprovalRequest };
              // Only transfers within the threshold move at once.
              if (result.pendingApproval === undefined) {
                expect(s.quantity).toBeLessThanOrEqual(1_000);
                expectedHold1 -= s.quantity;
              } else {
                expect(s.quantity).toBeGreaterThan(1_000);
              }
            } else {
              const target = approvals[s.pick % Math.max(1, approvals.length)];
              if (target === undefined) continue;
              const name = s.kind === 'approve' ? 'Approve' : s.kind === 'reject' ? 'Reject' : 'Expire';
              await submit(ledger, s.who, tx(cc.approval, name), {
                accountId: target.accountId,
                approvalId: target.id,
              });
              if (s.kind === 'approve') {
                // Only a second person, an approver, before the deadline.
                expect(s.who).toBe(Users.trader1);
                expect(target.proposedBy.userName).not.toBe('trader1');
                expect(target.status).toBe('pending');
                expectedHold1 -= target.quantity;
                executed += 1;
              }
            }
          } catch (error) {
            // A refusal is fine (the unit tests pin each one down); it must be a chaincode refusal.
            expect((error as Error).message).toMatch(
              /^(INVALID_ARGUMENT|FORBIDDEN|FAILED_PRECONDITION|NOT_FOUND|CONFLICT): /,
            );
          }
          const lots = stateValues<Lot>(ledger, 'lot');
          expect(lots.reduce((sum, lot) => sum + lot.quantity, 0)).toBe(total);
          expect(held(lots, 'HOLD1')).toBe(expectedHold1);
          const pending = stateValues<ApprovalRequest>(ledger, 'approval').filter(
            (a) => a.status === 'pending',
          );
          const lockedBy = new Map<string, number>();
          for (const lot of lots) {
            if (lot.lockedBy !== undefined)
              lockedBy.set(lot.lockedBy, (lockedBy.get(lot.lockedBy) ?? 0) + lot.quantity);
          }
          expect(Object.fromEntries(lockedBy)).toEqual(
            Object.fromEntries(pending.map((approval) => [approval.id, approval.quantity])),
          );
        }
      }),
      { numRuns: 60 },
    );
    // The runs did reach the interesting case.
    expect(executed).toBeGreaterThan(0);
  });
});
