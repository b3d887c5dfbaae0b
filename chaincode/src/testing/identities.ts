import './quiet-logs';
import type { TestIdentity } from './memory-identity';

const user = (name: string, mspId: string, role?: string, entity?: string): TestIdentity => ({
  name,
  mspId,
  attributes: {
    ...(role === undefined ? {} : { 'carbon.role': role }),
    ...(entity === undefined ? {} : { 'carbon.entity': entity }),
  },
});

/** The users the network issues (network/topology.yaml), plus a few that must always be refused. */
export const Users = {
  regulator: user('regulator1', 'RegulatorMSP', 'regulator'),
  /** A verifier user of the verifier entity VER1 (`carbon.entity`), as the network issues it. */
  verifier: user('verifier1', 'VerifierMSP', 'verifier', 'VER1'),

  auditor: user('auditor1', 'AuditorMSP', 'auditor'),
  operator1: user('operator1', 'Enterprise1MSP', 'operator', 'ENT1'),
  trader1: user('trader1', 'Enterprise1MSP', 'trader', 'ENT1'),
  operator2: user('operator2', 'Enterprise2MSP', 'operator', 'ENT2'),
  trader2: user('trader2', 'Enterprise2MSP', 'trader', 'ENT2'),
  /** An admin without carbon attributes. */
  regulatorAdmin: user('admin', 'RegulatorMSP'),
  /** Claims ENT1 from the wrong org. */
  impostor: user('impostor', 'Enterprise2MSP', 'operator', 'ENT1'),
  /** Claims the regulator role from an enterprise org. */
  fakeRegulator: user('fake', 'Enterprise1MSP', 'regulator'),
} as const satisfies Record<string, TestIdentity>;

export type UserName = keyof typeof Users;

/**
 * A verifier user of another verifier entity, VER2, which tests register themselves. Not one of {@link Users}:
 * the tests that call every transaction as every user expect a verifier's reads to succeed as VER1's do.
 */
export const SecondVerifier: TestIdentity = user('verifier2', 'VerifierMSP', 'verifier', 'VER2');
