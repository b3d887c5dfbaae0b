import { Users } from './identities';
import { cc, Fixtures, submit, tx } from './scenario';
import type { TestLedger } from './test-ledger';

/**
 * Accredits verifier VER1 for the power and steel sectors until the end of 2030 and assigns it to the
 * installation's report for the period: what the regulator does before a report can be verified.
 */
export async function assignVer1(ledger: TestLedger, installationId = 'INST1', period = 2025): Promise<void> {
  await submit(ledger, Users.regulator, tx(cc.mrv, 'AccreditVerifier'), {
    entityId: 'VER1',
    sectors: ['power', 'steel'],
    validUntil: '2030-12-31T23:59:59Z',
  });
  await submit(ledger, Users.regulator, tx(cc.mrv, 'AssignVerifier'), {
    period,
    installationId,
    verifierEntityId: 'VER1',
  });
}

/**
 * Reports, verifies and accepts INST1's 2025 emissions (3,264 t computed) in time. A verified figure more than
 * 5 % away from 3,264 t needs the verifier's `reason`.
 */
export async function acceptInst1Report(
  ledger: TestLedger,
  verifiedEmissions = 3_264,
  reason?: string,
): Promise<void> {
  ledger.setTime('2026-03-01T00:00:00Z');
  await submit(ledger, Users.operator1, tx(cc.mrv, 'SubmitReport'), Fixtures.report());
  await assignVer1(ledger);
  await submit(ledger, Users.verifier, tx(cc.mrv, 'VerifyReport'), {
    period: 2025,
    installationId: 'INST1',
    version: 1,
    verifiedEmissions,
    opinion: 'positive',
    ...(reason === undefined ? {} : { reason }),
  });
  await submit(ledger, Users.regulator, tx(cc.mrv, 'AcceptReport'), {
    period: 2025,
    installationId: 'INST1',
    version: 1,
  });
}

/** Registers project PRJ1 (owned by ENT1) and issues 1,000 vintage-2025 credits into TRADE1. */
export async function issueOffsetsToEnt1(ledger: TestLedger, quantity = 1_000): Promise<void> {
  await submit(ledger, Users.regulator, tx(cc.offset, 'RegisterProject'), {
    id: 'PRJ1',
    name: 'Wind farm Gansu',
    methodology: 'CMS-002-V01',
    ownerEntityId: 'ENT1',
  });
  await submit(ledger, Users.regulator, tx(cc.offset, 'IssueOffsets'), {
    projectId: 'PRJ1',
    vintage: 2025,
    monitoringPeriod: { from: '2025-01-01', to: '2025-12-31' },
    serialStart: 1,
    quantity,
    toAccount: 'TRADE1',
  });
}

/**
 * Adds a power installation of ENT1 with its holding account: an installation that has had no free
 * allocation yet (INST1 has its 2025 allocation in the standard scenario).
 */
export async function addEnt1Installation(
  ledger: TestLedger,
  installationId: string,
  accountId: string,
  capacity: string,
): Promise<void> {
  await submit(ledger, Users.regulator, tx(cc.registry, 'AddInstallations'), {
    entityId: 'ENT1',
    installations: [{ id: installationId, sector: 'power', capacity }],
  });
  await submit(ledger, Users.regulator, tx(cc.registry, 'OpenAccount'), {
    kind: 'holding',
    id: accountId,
    entityId: 'ENT1',
    installationId,
  });
}

/**
 * INST3 (ENT1, holding account HOLD3) with a 2025 plan line (fixed 10 t, pre-allocation 100 % of 20 t, ceiling
 * 20 t), pre-allocated 20, its emissions estimated after the reporting deadline (time: 2026-05-01) and trued up
 * to 10: it owes 10 allowances back to NATIONAL-ALLOCATION.
 */
export async function inst3OwesReturn(ledger: TestLedger): Promise<void> {
  await addEnt1Installation(ledger, 'INST3', 'HOLD3', '100');
  await submit(ledger, Users.regulator, tx(cc.allowance, 'SetAllocationPlan'), {
    period: 2025,
    lines: [
      {
        installationId: 'INST3',
        method: 'fixed',
        quantity: 10,
        preAllocationBase: 20,
        preAllocationShareBasisPoints: 10_000,
        ceiling: 20,
      },
    ],
  });
  await submit(ledger, Users.regulator, tx(cc.allowance, 'PreAllocate'), {
    period: 2025,
    installationId: 'INST3',
  });
  ledger.setTime('2026-05-01T00:00:00Z');
  await submit(ledger, Users.regulator, tx(cc.compliance, 'EstimateEmissions'), {
    period: 2025,
    installationId: 'INST3',
    estimatedEmissions: 30,
    reason: 'no report',
  });
  await submit(ledger, Users.regulator, tx(cc.allowance, 'TrueUp'), {
    period: 2025,
    installationId: 'INST3',
  });
}

/**
 * Issues 300 green certificates (MWh) to TRADE1 for device DEV1 of INST1's January 2025 production and cancels
 * `cancel` of them (trader1, for a beneficiary); returns the id of the cancelled lot in NATIONAL-DELETION.
 */
export async function cancelledCertificatesOfEnt1(ledger: TestLedger, cancel = 150): Promise<string> {
  await submit(
    ledger,
    Users.regulator,
    tx(cc.certificate, 'IssueCertificates'),
    Fixtures.certificateIssuance(),
  );
  const cancelled = (await submit(ledger, Users.trader1, tx(cc.certificate, 'CancelCertificates'), {
    accountId: 'TRADE1',
    quantity: cancel,
    beneficiary: 'Enterprise One, plant INST1',
  })) as { lots: { id: string }[] };
  return cancelled.lots[0]?.id ?? '';
}
