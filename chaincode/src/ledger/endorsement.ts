import type { Context } from 'fabric-contract-api';
import { KeyEndorsementPolicy } from 'fabric-shim';

/**
 * Key-level (state-based) endorsement: after this, any later change to `key` — spending a lot, for instance —
 * must be endorsed by a peer of `ownerMspId`, on top of the chaincode's MAJORITY policy. This is what stops any
 * single organisation, the regulator included, from moving another member's units.
 */
export async function requireOwnerEndorsement(ctx: Context, key: string, ownerMspId: string): Promise<void> {
  const policy = new KeyEndorsementPolicy();
  policy.addOrgs('MEMBER', ownerMspId);
  await ctx.stub.setStateValidationParameter(key, policy.getPolicy());
}

/** The orgs a key's validation parameter names (empty when none is set). */
export async function ownerEndorsers(ctx: Context, key: string): Promise<string[]> {
  const parameter = await ctx.stub.getStateValidationParameter(key);
  if (parameter.length === 0) {
    return [];
  }
  return new KeyEndorsementPolicy(parameter).listOrgs();
}
