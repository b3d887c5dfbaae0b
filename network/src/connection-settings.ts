import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { identityPaths, ORG_ADMIN, orgPaths } from './crypto-material';
import { peerTlsCa } from './node-config';
import { runPaths } from './paths';
import type { PeerOrganization, Topology } from './topology';
import { peerHostName } from './topology';

/**
 * What a gateway client of one organisation needs: its peer's endpoint and TLS root, the channel and
 * chaincode, and the CA-issued identity files of each user. Written by `network:up` to
 * `run/connection/<org>.json`; read by `gateway-client`.
 */
export interface OrgConnectionSettings {
  readonly organization: string;
  readonly mspId: string;
  readonly peerEndpoint: string;
  readonly peerHostAlias: string;
  readonly tlsRootCertFile: string;
  readonly channel: string;
  readonly chaincode: string;
  readonly users: Readonly<
    Record<string, { readonly certificateFile: string; readonly privateKeyFile: string; readonly role?: string; readonly entity?: string }>
  >;
}

export function connectionSettingsFile(org: string): string {
  return path.join(runPaths.connection, `${org.toLowerCase()}.json`);
}

export function connectionSettings(topology: Topology, org: PeerOrganization): OrgConnectionSettings {
  const paths = orgPaths(org.name);
  const user = (name: string) => {
    const ids = identityPaths(paths.user(name));
    return { certificateFile: ids.cert, privateKeyFile: ids.key };
  };
  return {
    organization: org.name,
    mspId: org.mspId,
    peerEndpoint: `${topology.host}:${org.peer.port}`,
    peerHostAlias: peerHostName(topology, org),
    tlsRootCertFile: peerTlsCa(org),
    channel: topology.channel,
    chaincode: topology.chaincode.name,
    users: {
      [ORG_ADMIN]: user(ORG_ADMIN),
      ...Object.fromEntries(
        org.users.map((u) => [u.name, { ...user(u.name), role: u.role, ...(u.entity ? { entity: u.entity } : {}) }]),
      ),
    },
  };
}

export function writeConnectionSettings(topology: Topology): void {
  mkdirSync(runPaths.connection, { recursive: true });
  for (const org of topology.organizations) {
    writeFileSync(connectionSettingsFile(org.name), `${JSON.stringify(connectionSettings(topology, org), null, 2)}\n`);
  }
}
