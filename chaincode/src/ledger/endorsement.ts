import { CONSORTIUM_ORGANIZATIONS, majorityOf } from '@carbon-ets/contract';
import { common, msp } from '@hyperledger/fabric-protos';
import type { Context } from 'fabric-contract-api';

/**
 * Key-level (state-based) endorsement: after this, any later change to `key` — spending a lot, for instance —
 * must be endorsed by a peer of `ownerMspId` and by peers of enough other consortium organisations to make a
 * majority with it (3 of 5: the owner and two others). Fabric validates a key that has such a policy against it
 * instead of the chaincode's majority, so the policy carries the majority itself: no single organisation, the
 * owner or the regulator, can change the key alone.
 */
export async function requireOwnerEndorsement(ctx: Context, key: string, ownerMspId: string): Promise<void> {
  await ctx.stub.setStateValidationParameter(key, ownerAndMajorityPolicy(ownerMspId));
}

/**
 * The policy as Fabric's signature policy: `AND('<owner>.peer', OutOf(k, '<other>.peer', …))` with k the others
 * needed for a majority of the consortium. The owner's identity satisfies only the first clause (Fabric counts
 * each signature once), so the others are distinct organisations. Every principal is a `peer`, as in the
 * chaincode's policy: service discovery treats `<org>.member` and `<org>.peer` as different groups, and the Gateway
 * then asked one organisation's single peer for two endorsements when a trade wrote keys of both parties.
 */
export function ownerAndMajorityPolicy(ownerMspId: string): Uint8Array {
  const others = CONSORTIUM_ORGANIZATIONS.filter((mspId) => mspId !== ownerMspId);
  const othersNeeded = majorityOf(CONSORTIUM_ORGANIZATIONS.length) - 1;
  const principals = [ownerMspId, ...others].map(peerOf);
  const owner = signedBy(0);
  const majorityOfOthers = nOutOf(
    othersNeeded,
    others.map((_, i) => signedBy(i + 1)),
  );
  const envelope = new common.SignaturePolicyEnvelope();
  envelope.setVersion(0);
  envelope.setRule(nOutOf(2, [owner, majorityOfOthers]));
  envelope.setIdentitiesList(principals);
  return envelope.serializeBinary();
}

/** The organisation a key's validation parameter requires as owner (the first principal; empty when none is set). */
export async function ownerEndorsers(ctx: Context, key: string): Promise<string[]> {
  const parameter = await ctx.stub.getStateValidationParameter(key);
  if (parameter.length === 0) return [];
  const [owner] = common.SignaturePolicyEnvelope.deserializeBinary(parameter).getIdentitiesList();
  return owner === undefined
    ? []
    : [msp.MSPRole.deserializeBinary(owner.getPrincipal_asU8()).getMspIdentifier()];
}

/** The principal `'<mspId>.peer'`. */
function peerOf(mspId: string): msp.MSPPrincipal {
  const mspRole = new msp.MSPRole();
  mspRole.setMspIdentifier(mspId);
  mspRole.setRole(msp.MSPRole.MSPRoleType.PEER);
  const result = new msp.MSPPrincipal();
  result.setPrincipalClassification(msp.MSPPrincipal.Classification.ROLE);
  result.setPrincipal(mspRole.serializeBinary());
  return result;
}

function signedBy(index: number): common.SignaturePolicy {
  const rule = new common.SignaturePolicy();
  rule.setSignedBy(index);
  return rule;
}

function nOutOf(n: number, rules: common.SignaturePolicy[]): common.SignaturePolicy {
  const outOf = new common.SignaturePolicy.NOutOf();
  outOf.setN(n);
  outOf.setRulesList(rules);
  const rule = new common.SignaturePolicy();
  rule.setNOutOf(outOf);
  return rule;
}
