import fc from 'fast-check';
import type { VerifierAccreditation, VerifierAssignment } from '@carbon-ets/contract';
import { expectRefused } from '../testing/expect-refused';
import { SecondVerifier, Users } from '../testing/identities';
import type { TestIdentity } from '../testing/memory-identity';
import { cc, evaluate, Fixtures, registerParticipants, submit, tx } from '../testing/scenario';
import { TestLedger } from '../testing/test-ledger';
import type { EmissionReport } from './emission-report';

const accredit = tx(cc.mrv, 'AccreditVerifier');
const withdraw = tx(cc.mrv, 'WithdrawAccreditation');
const assign = tx(cc.mrv, 'AssignVerifier');
const verify = tx(cc.mrv, 'VerifyReport');
const reject = tx(cc.mrv, 'RejectReport');

const inst1 = { period: 2025, installationId: 'INST1' };
const verification = { ...inst1, version: 1, verifiedEmissions: 3_264, opinion: 'positive' };
/** INST1 is a power installation, INST2 a steel one (registerParticipants). */
const powerUntil2027 = { sectors: ['power'], validUntil: '2027-01-01T00:00:00Z' };

/** A verifier user whose certificate names no entity. */
const verifierWithoutEntity: TestIdentity = {
  name: 'verifier0',
  mspId: 'VerifierMSP',
  attributes: { 'carbon.role': 'verifier' },
};

/**
 * Participants (VER1 and a second verifier entity VER2), period 2025 with its factors, INST1's and INST2's
 * reports submitted on 2026-03-01; no accreditation, no assignment.
 */
async function submittedReports(): Promise<TestLedger> {
  const ledger = new TestLedger();
  await registerParticipants(ledger);
  const regulator = Users.regulator;
  await submit(ledger, regulator, tx(cc.registry, 'RegisterEntity'), {
    id: 'VER2',
    kind: 'verifier',
    name: 'Second verification body',
    ownerMsp: 'VerifierMSP',
  });
  await submit(ledger, regulator, tx(cc.period, 'CreatePeriod'), Fixtures.period2025);
  await submit(ledger, regulator, tx(cc.period, 'PublishFactorSet'), Fixtures.factorSet);
  ledger.setTime('2026-03-01T00:00:00Z');
  await submit(ledger, Users.operator1, tx(cc.mrv, 'SubmitReport'), Fixtures.report());
  await submit(ledger, Users.operator2, tx(cc.mrv, 'SubmitReport'), Fixtures.report('INST2'));
  return ledger;
}

describe('verifier accreditation and assignment', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await submittedReports();
  }, 30_000);

  describe('accreditation', () => {
    it('records sectors (sorted) and validity; a re-accreditation replaces it, withdrawal included', async () => {
      const ledger = base.fork();
      ledger.setTime('2026-03-02T00:00:00Z');
      const first = (await submit(ledger, Users.regulator, accredit, {
        entityId: 'VER1',
        sectors: ['steel', 'power'],
        validUntil: '2027-01-01',
      })) as VerifierAccreditation;
      expect(first).toEqual({
        entityId: 'VER1',
        sectors: ['power', 'steel'],
        validUntil: '2027-01-01T00:00:00.000Z',
        accreditedAt: '2026-03-02T00:00:00.000Z',
      });
      expect(ledger.lastEvent()).toMatchObject({
        name: 'VerifierAccredited',
        payload: { accreditation: first },
      });
      const withdrawn = (await submit(ledger, Users.regulator, withdraw, {
        entityId: 'VER1',
        reason: 'inspection found conflicts of interest',
      })) as VerifierAccreditation;
      expect(withdrawn.withdrawn).toEqual({
        at: '2026-03-02T00:00:01.000Z',
        reason: 'inspection found conflicts of interest',
      });
      await expectRefused(
        ledger,
        submit(ledger, Users.regulator, withdraw, { entityId: 'VER1', reason: 'again' }),
        'CONFLICT',
        /^CONFLICT: the accreditation of VER1 was already withdrawn at 2026-03-02T00:00:01.000Z$/,
      );
      await submit(ledger, Users.regulator, accredit, { entityId: 'VER1', ...powerUntil2027 });
      expect(await evaluate(ledger, Users.operator1, tx(cc.mrv, 'GetAccreditation'), 'VER1')).toEqual({
        entityId: 'VER1',
        sectors: ['power'],
        validUntil: '2027-01-01T00:00:00.000Z',
        accreditedAt: expect.stringMatching(/^2026-03-02T/) as unknown,
      });
    });

    it.each([
      [
        'a covered enterprise',
        { entityId: 'ENT1', ...powerUntil2027 },
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: entity ENT1 is a covered, not a verifier; only verifiers are accredited$/,
      ],
      ['an unknown entity', { entityId: 'VER9', ...powerUntil2027 }, 'NOT_FOUND', /entity VER9/],
      [
        'a validity already over',
        { entityId: 'VER1', sectors: ['power'], validUntil: '2026-03-01' },
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: validUntil 2026-03-01T00:00:00.000Z is not after now \(2026-03-01T00:00:\d\d\.000Z\); to end an accreditation use WithdrawAccreditation$/,
      ],
      [
        'a sector named twice',
        { entityId: 'VER1', sectors: ['power', 'power'], validUntil: '2027-01-01' },
        'INVALID_ARGUMENT',
        /^INVALID_ARGUMENT: accreditation\.sectors contains the same id twice$/,
      ],
    ] as const)('refuses %s, the ledger unchanged', async (_, request, code, message) => {
      const ledger = base.fork();
      await expectRefused(ledger, submit(ledger, Users.regulator, accredit, request), code, message);
    });

    it('refuses to withdraw an accreditation that does not exist', async () => {
      const ledger = base.fork();
      await expectRefused(
        ledger,
        submit(ledger, Users.regulator, withdraw, { entityId: 'VER1', reason: 'x' }),
        'NOT_FOUND',
        /the accreditation of VER1/,
      );
    });
  });

  describe('assignment', () => {
    let accredited: TestLedger;
    beforeAll(async () => {
      accredited = base.fork();
      await submit(accredited, Users.regulator, accredit, { entityId: 'VER1', ...powerUntil2027 });
    });

    it('assigns an accredited verifier, reassigns while unverified, and lists a period’s assignments', async () => {
      const ledger = accredited.fork();
      await submit(ledger, Users.regulator, accredit, {
        entityId: 'VER2',
        sectors: ['power', 'steel'],
        validUntil: '2027-01-01',
      });
      const first = (await submit(ledger, Users.regulator, assign, {
        ...inst1,
        verifierEntityId: 'VER2',
      })) as VerifierAssignment;
      expect(first).toEqual({
        period: 2025,
        installationId: 'INST1',
        sector: 'power',
        verifierEntityId: 'VER2',
        assignedAt: expect.stringMatching(/^2026-03-01T00:00:\d\d\.000Z$/) as unknown,
      });
      expect(ledger.lastEvent()).toMatchObject({ name: 'VerifierAssigned', payload: { assignment: first } });
      // VER2 rejects the report; the regulator then reassigns it to VER1.
      await submit(ledger, SecondVerifier, reject, { ...inst1, version: 1, reason: 'no fuel invoices' });
      await submit(
        ledger,
        Users.operator1,
        tx(cc.mrv, 'CorrectReport'),
        Fixtures.report('INST1', { reason: 'invoices added' }),
      );
      const second = (await submit(ledger, Users.regulator, assign, {
        ...inst1,
        verifierEntityId: 'VER1',
      })) as VerifierAssignment;
      expect(second.previousVerifierEntityId).toBe('VER2');
      await submit(ledger, Users.regulator, assign, {
        period: 2025,
        installationId: 'INST2',
        verifierEntityId: 'VER2',
      });
      expect(await evaluate(ledger, Users.auditor, tx(cc.mrv, 'ListVerifierAssignments'), '2025')).toEqual([
        second,
        expect.objectContaining({ installationId: 'INST2', verifierEntityId: 'VER2', sector: 'steel' }),
      ]);
      expect(
        await evaluate(ledger, Users.operator1, tx(cc.mrv, 'GetVerifierAssignment'), '2025', 'INST1'),
      ).toEqual(second);
      // Once verified, the verifier is fixed.
      await submit(ledger, Users.verifier, verify, { ...verification, version: 2 });
      await expectRefused(
        ledger,
        submit(ledger, Users.regulator, assign, { ...inst1, verifierEntityId: 'VER2' }),
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: the 2025 report of INST1 is already verified; its verifier can no longer be changed$/,
      );
    });

    it.each([
      [
        'an entity that is not a verifier',
        { ...inst1, verifierEntityId: 'ENT2' },
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: entity ENT2 is a covered, not a verifier; assign a registered verifier entity$/,
      ],
      [
        'a verifier never accredited',
        { ...inst1, verifierEntityId: 'VER2' },
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: verifier VER2 has no accreditation; the regulator accredits it \(Mrv:AccreditVerifier\)$/,
      ],
      [
        'a verifier not accredited for the installation’s sector',
        { period: 2025, installationId: 'INST2', verifierEntityId: 'VER1' },
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: verifier VER1 is not accredited for sector steel \(only power\); the regulator extends its accreditation or assigns another verifier$/,
      ],
      [
        'an unknown installation',
        { period: 2025, installationId: 'INST9', verifierEntityId: 'VER1' },
        'NOT_FOUND',
        /installation INST9/,
      ],
      [
        'a period that does not exist',
        { period: 2031, installationId: 'INST1', verifierEntityId: 'VER1' },
        'NOT_FOUND',
        /2031/,
      ],
    ] as const)('refuses %s, the ledger unchanged', async (_, request, code, message) => {
      const ledger = accredited.fork();
      await expectRefused(ledger, submit(ledger, Users.regulator, assign, request), code, message);
    });

    it('refuses a verifier whose accreditation has expired or was withdrawn', async () => {
      const expired = accredited.fork();
      expired.setTime('2027-01-01T00:00:00Z');
      await expectRefused(
        expired,
        submit(expired, Users.regulator, assign, { ...inst1, verifierEntityId: 'VER1' }),
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: verifier VER1's accreditation expired at 2027-01-01T00:00:00.000Z; the regulator accredits it again$/,
      );
      const withdrawn = accredited.fork();
      await submit(withdrawn, Users.regulator, withdraw, { entityId: 'VER1', reason: 'suspended' });
      await expectRefused(
        withdrawn,
        submit(withdrawn, Users.regulator, assign, { ...inst1, verifierEntityId: 'VER1' }),
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: verifier VER1's accreditation was withdrawn at 2026-03-01T00:00:\d\d\.000Z \(suspended\); the regulator accredits it again$/,
      );
    });

    it('refuses a verifier entity of the installation’s own org', async () => {
      const ledger = accredited.fork();
      await submit(ledger, Users.regulator, tx(cc.registry, 'RegisterEntity'), {
        id: 'VER-E1',
        kind: 'verifier',
        name: 'In-house verifier',
        ownerMsp: 'Enterprise1MSP',
      });
      await submit(ledger, Users.regulator, accredit, { entityId: 'VER-E1', ...powerUntil2027 });
      await expectRefused(
        ledger,
        submit(ledger, Users.regulator, assign, { ...inst1, verifierEntityId: 'VER-E1' }),
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: verifier VER-E1 belongs to Enterprise1MSP, the org of INST1's enterprise; assign an independent verifier$/,
      );
    });
  });

  describe('verification and rejection', () => {
    /** VER1 (power until 2027) assigned to INST1; VER2 accredited for power too, not assigned. */
    let assigned: TestLedger;
    beforeAll(async () => {
      assigned = base.fork();
      await submit(assigned, Users.regulator, accredit, { entityId: 'VER1', ...powerUntil2027 });
      await submit(assigned, Users.regulator, accredit, { entityId: 'VER2', ...powerUntil2027 });
      await submit(assigned, Users.regulator, assign, { ...inst1, verifierEntityId: 'VER1' });
    });

    it('refuses to review an unassigned report and tells the regulator to assign a verifier', async () => {
      const ledger = base.fork();
      await submit(ledger, Users.regulator, accredit, { entityId: 'VER1', ...powerUntil2027 });
      const unassigned =
        /^FAILED_PRECONDITION: no verifier is assigned to the 2025 report of INST1; the regulator assigns one \(Mrv:AssignVerifier\)$/;
      await expectRefused(
        ledger,
        submit(ledger, Users.verifier, verify, verification),
        'FAILED_PRECONDITION',
        unassigned,
      );
      await expectRefused(
        ledger,
        submit(ledger, Users.verifier, reject, { ...inst1, version: 1, reason: 'x' }),
        'FAILED_PRECONDITION',
        unassigned,
      );
    });

    it('refuses a verifier of another entity, or one whose certificate names none', async () => {
      const ledger = assigned.fork();
      await expectRefused(
        ledger,
        submit(ledger, SecondVerifier, verify, verification),
        'FORBIDDEN',
        /^FORBIDDEN: the 2025 report of INST1 is assigned to verifier VER1; caller acts for VER2$/,
      );
      await expectRefused(
        ledger,
        submit(ledger, SecondVerifier, reject, { ...inst1, version: 1, reason: 'x' }),
        'FORBIDDEN',
        /assigned to verifier VER1; caller acts for VER2$/,
      );
      await expectRefused(
        ledger,
        submit(ledger, verifierWithoutEntity, verify, verification),
        'FORBIDDEN',
        /assigned to verifier VER1; caller acts for no entity$/,
      );
    });

    it('refuses a VerifierMSP user claiming a verifier entity another org owns', async () => {
      const ledger = assigned.fork();
      await submit(ledger, Users.regulator, tx(cc.registry, 'RegisterEntity'), {
        id: 'VER-E2',
        kind: 'verifier',
        name: 'Verifier registered under Enterprise2MSP',
        ownerMsp: 'Enterprise2MSP',
      });
      await submit(ledger, Users.regulator, accredit, { entityId: 'VER-E2', ...powerUntil2027 });
      await submit(ledger, Users.regulator, assign, { ...inst1, verifierEntityId: 'VER-E2' });
      const claimant: TestIdentity = {
        name: 'verifier3',
        mspId: 'VerifierMSP',
        attributes: { 'carbon.role': 'verifier', 'carbon.entity': 'VER-E2' },
      };
      await expectRefused(
        ledger,
        submit(ledger, claimant, verify, verification),
        'FORBIDDEN',
        /^FORBIDDEN: entity VER-E2 is a verifier of Enterprise2MSP; caller is a verifier of VerifierMSP$/,
      );
    });

    it('refuses the assigned verifier once its accreditation has expired, until it is accredited again', async () => {
      const ledger = assigned.fork();
      ledger.setTime('2027-01-01T00:00:00Z');
      await expectRefused(
        ledger,
        submit(ledger, Users.verifier, verify, verification),
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: verifier VER1's accreditation expired at 2027-01-01T00:00:00.000Z; the regulator accredits it again$/,
      );
      await expectRefused(
        ledger,
        submit(ledger, Users.verifier, reject, { ...inst1, version: 1, reason: 'x' }),
        'FAILED_PRECONDITION',
        /accreditation expired/,
      );
      await submit(ledger, Users.regulator, accredit, {
        entityId: 'VER1',
        sectors: ['power'],
        validUntil: '2028-01-01',
      });
      const verified = (await submit(ledger, Users.verifier, verify, verification)) as EmissionReport;
      expect(verified.status).toBe('verified');
    });

    it('refuses the assigned verifier while its accreditation is withdrawn', async () => {
      const ledger = assigned.fork();
      await submit(ledger, Users.regulator, withdraw, {
        entityId: 'VER1',
        reason: 'suspended pending review',
      });
      await expectRefused(
        ledger,
        submit(ledger, Users.verifier, verify, verification),
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: verifier VER1's accreditation was withdrawn at 2026-03-01T00:00:\d\d\.000Z \(suspended pending review\); the regulator accredits it again$/,
      );
    });

    it('refuses the assigned verifier once re-accredited without the installation’s sector', async () => {
      const ledger = assigned.fork();
      await submit(ledger, Users.regulator, accredit, {
        entityId: 'VER1',
        sectors: ['cement', 'steel'],
        validUntil: '2027-01-01',
      });
      await expectRefused(
        ledger,
        submit(ledger, Users.verifier, verify, verification),
        'FAILED_PRECONDITION',
        /^FAILED_PRECONDITION: verifier VER1 is not accredited for sector power \(only cement, steel\); the regulator extends its accreditation or assigns another verifier$/,
      );
    });

    it('lets the assigned, accredited verifier verify', async () => {
      const ledger = assigned.fork();
      const verified = (await submit(ledger, Users.verifier, verify, verification)) as EmissionReport;
      expect(verified).toMatchObject({
        status: 'verified',
        verification: { verifiedEmissionsTonnes: 3_264 },
      });
    });
  });
});

/** One step the regulator takes or time passing, before a verifier tries INST1's report. */
type Step =
  | {
      readonly kind: 'accredit';
      readonly entityId: 'VER1' | 'VER2';
      readonly power: boolean;
      readonly days: number;
    }
  | { readonly kind: 'withdraw'; readonly entityId: 'VER1' | 'VER2' }
  | { readonly kind: 'assign'; readonly entityId: 'VER1' | 'VER2' }
  | { readonly kind: 'wait'; readonly days: number };

const entity = fc.constantFrom('VER1' as const, 'VER2' as const);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('accredit' as const),
    entityId: entity,
    power: fc.boolean(),
    days: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({ kind: fc.constant('withdraw' as const), entityId: entity }),
  fc.record({ kind: fc.constant('assign' as const), entityId: entity }),
  fc.record({ kind: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 40 }) }),
);

const DAY_MS = 24 * 3600 * 1000;

describe('who may verify (property)', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await submittedReports();
  }, 30_000);

  it('a verification succeeds exactly when the caller’s entity is assigned and validly accredited for power', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('VER1' as const, 'VER2' as const),
        async (steps, caller) => {
          const ledger = base.fork();
          let now = Date.parse('2026-03-01T00:00:00Z');
          // The model: each entity's accreditation and the assignment.
          const model = new Map<string, { power: boolean; until: number; withdrawn: boolean }>();
          let assignedTo: string | undefined;
          const valid = (id: string): boolean => {
            const a = model.get(id);
            return a !== undefined && !a.withdrawn && now < a.until && a.power;
          };
          /** Runs a regulator's transaction; true when it committed. */
          const tried = (attempt: Promise<unknown>): Promise<boolean> =>
            attempt.then(
              () => true,
              () => false,
            );
          for (const s of steps) {
            if (s.kind === 'accredit') {
              const until = now + s.days * DAY_MS;
              const request = {
                entityId: s.entityId,
                sectors: s.power ? ['power'] : ['steel'],
                validUntil: new Date(until).toISOString(),
              };
              expect(await tried(submit(ledger, Users.regulator, accredit, request))).toBe(true);
              model.set(s.entityId, { power: s.power, until, withdrawn: false });
            } else if (s.kind === 'withdraw') {
              const current = model.get(s.entityId);
              const request = { entityId: s.entityId, reason: 'r' };
              // Withdrawing nothing, or twice, is refused.
              const done = await tried(submit(ledger, Users.regulator, withdraw, request));
              expect(done).toBe(current !== undefined && !current.withdrawn);
              if (current !== undefined) current.withdrawn = true;
            } else if (s.kind === 'assign') {
              const request = { ...inst1, verifierEntityId: s.entityId };
              const done = await tried(submit(ledger, Users.regulator, assign, request));
              expect(done).toBe(valid(s.entityId));
              if (done) assignedTo = s.entityId;
            } else {
              now += s.days * DAY_MS;
              ledger.setTime(new Date(now).toISOString());
            }
          }
          const expected = assignedTo === caller && valid(caller);
          const who = caller === 'VER1' ? Users.verifier : SecondVerifier;
          if (expected) {
            const verified = (await submit(ledger, who, verify, verification)) as EmissionReport;
            expect(verified.status).toBe('verified');
          } else {
            await expectRefused(ledger, submit(ledger, who, verify, verification), [
              'FAILED_PRECONDITION',
              'FORBIDDEN',
            ]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
