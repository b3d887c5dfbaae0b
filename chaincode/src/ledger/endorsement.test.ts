import { CONSORTIUM_ORGANIZATIONS } from '@carbon-ets/contract';
import { common, msp } from '@hyperledger/fabric-protos';
import { ownerAndMajorityPolicy } from './endorsement';

/** An endorsement: the organisation of the peer that signed it (peers are members too). */
type Endorser = string;

/**
 * Fabric's evaluation of a signature policy (common/cauthdsl): an `NOutOf` counts the rules it satisfies, each rule
 * taking endorsements no earlier satisfied rule took; `SignedBy` takes one endorsement its principal admits.
 */
function satisfies(policy: Uint8Array, endorsers: readonly Endorser[]): boolean {
  const envelope = common.SignaturePolicyEnvelope.deserializeBinary(policy);
  const principals = envelope
    .getIdentitiesList()
    .map((identity) => msp.MSPRole.deserializeBinary(identity.getPrincipal_asU8()));
  const evaluate = (rule: common.SignaturePolicy, used: boolean[]): boolean => {
    if (rule.hasSignedBy()) {
      const wanted = principals[rule.getSignedBy()];
      const i = endorsers.findIndex((org, j) => !used[j] && org === wanted?.getMspIdentifier());
      if (i < 0) return false;
      used[i] = true;
      return true;
    }
    const outOf = rule.getNOutOf();
    if (outOf === undefined) return false;
    let satisfied = 0;
    for (const sub of outOf.getRulesList()) {
      const trial = [...used];
      if (evaluate(sub, trial)) {
        satisfied++;
        trial.forEach((value, j) => (used[j] = value));
      }
    }
    return satisfied >= outOf.getN();
  };
  const rule = envelope.getRule();
  return (
    rule !== undefined &&
    evaluate(
      rule,
      endorsers.map(() => false),
    )
  );
}

describe('key-level endorsement: the owner and a majority with it', () => {
  const policy = ownerAndMajorityPolicy('Enterprise1MSP');

  it('names the owner first and every other consortium organisation, all by their peers', () => {
    const envelope = common.SignaturePolicyEnvelope.deserializeBinary(policy);
    const roles = envelope
      .getIdentitiesList()
      .map((identity) => msp.MSPRole.deserializeBinary(identity.getPrincipal_asU8()))
      .map(
        (role) =>
          `${role.getMspIdentifier()}.${role.getRole() === msp.MSPRole.MSPRoleType.PEER ? 'peer' : 'member'}`,
      );
    expect(roles).toEqual([
      'Enterprise1MSP.peer',
      ...CONSORTIUM_ORGANIZATIONS.filter((org) => org !== 'Enterprise1MSP').map((org) => `${org}.peer`),
    ]);
  });

  it.each([
    [['Enterprise1MSP'], false],
    [['Enterprise1MSP', 'RegulatorMSP'], false],
    [['Enterprise1MSP', 'Enterprise1MSP', 'Enterprise1MSP'], false],
    [['RegulatorMSP', 'VerifierMSP', 'AuditorMSP'], false],
    [['RegulatorMSP', 'VerifierMSP', 'AuditorMSP', 'Enterprise2MSP'], false],
    [['Enterprise1MSP', 'RegulatorMSP', 'AuditorMSP'], true],
    [['Enterprise2MSP', 'Enterprise1MSP', 'VerifierMSP'], true],
    [['RegulatorMSP', 'VerifierMSP', 'Enterprise1MSP', 'AuditorMSP', 'Enterprise2MSP'], true],
  ])('endorsed by %j: %s', (endorsers, expected) => {
    expect(satisfies(policy, endorsers)).toBe(expected);
  });

  it('needs three organisations for a key the regulator owns, the regulator among them', () => {
    const national = ownerAndMajorityPolicy('RegulatorMSP');
    expect(satisfies(national, ['RegulatorMSP', 'AuditorMSP'])).toBe(false);
    expect(satisfies(national, ['VerifierMSP', 'AuditorMSP', 'Enterprise1MSP'])).toBe(false);
    expect(satisfies(national, ['RegulatorMSP', 'AuditorMSP', 'Enterprise2MSP'])).toBe(true);
  });
});
