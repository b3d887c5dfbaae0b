import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commercialCollection, ENTERPRISE_ROLES, SUPERVISOR_ROLES } from '@carbon-ets/contract';
import { runPaths } from './paths';
import type { PeerOrganization, Topology } from './topology';

/** One entry of Fabric's collection configuration (`--collections-config`). */
export interface CollectionDefinition {
  readonly name: string;
  readonly policy: string;
  readonly requiredPeerCount: number;
  readonly maxPeerCount: number;
  readonly blockToLive: number;
  readonly memberOnlyRead: boolean;
  readonly memberOnlyWrite: boolean;
  readonly endorsementPolicy: { readonly signaturePolicy: string };
}

const hasRole = (org: PeerOrganization, roles: readonly string[]): boolean =>
  org.users.some((user) => roles.includes(user.role));

/**
 * One commercial collection per enterprise organisation (an org with operator or trader users), shared with
 * the supervisors' organisations (regulator, verifiers, auditor) and no other enterprise. A private write needs
 * the owner's peer (the collection's endorsement policy); reads and writes only by members' users. Private data
 * reaches at least one other member's peer before the endorsement returns, so a crash of the endorsing peer
 * loses nothing; it is kept forever (blockToLive 0: a report must stay auditable).
 */
export function commercialCollections(topology: Topology): CollectionDefinition[] {
  const supervisors = topology.organizations.filter((org) => hasRole(org, SUPERVISOR_ROLES));
  return topology.organizations
    .filter((org) => hasRole(org, ENTERPRISE_ROLES))
    .map((owner) => {
      const members = [owner, ...supervisors.filter((org) => org !== owner)];
      return {
        name: commercialCollection(owner.mspId),
        policy: `OR(${members.map((org) => `'${org.mspId}.member'`).join(', ')})`,
        requiredPeerCount: Math.min(1, members.length - 1),
        maxPeerCount: members.length - 1,
        blockToLive: 0,
        memberOnlyRead: true,
        memberOnlyWrite: true,
        endorsementPolicy: { signaturePolicy: `OR('${owner.mspId}.peer')` },
      };
    });
}

/** Writes the collection configuration the chaincode definition names; returns its path. */
export function writeCollectionsConfig(topology: Topology): string {
  mkdirSync(runPaths.chaincode, { recursive: true });
  const file = path.join(runPaths.chaincode, 'collections.json');
  writeFileSync(file, `${JSON.stringify(commercialCollections(topology), null, 2)}\n`);
  return file;
}
