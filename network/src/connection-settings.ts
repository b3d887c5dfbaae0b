import type { OrgConnectionSettings } from '@carbon-ets/contract';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { identityPaths, ORG_ADMIN, orgPaths } from './crypto-material';
import { CaClient, caName, caServerTlsRoot } from './fabric-ca';
import { fabricBinary } from './fabric-binaries';
import { peerTlsCa } from './node-config';
import { runPaths } from './paths';
import type { PeerOrganization, Topology } from './topology';
import { durationMs, memberServerNodeName, peerHostName, peerNodeName } from './topology';
import { nodeAddress } from './hosts';

export function connectionSettingsFile(org: string): string {
  return path.join(runPaths.connection, `${org.toLowerCase()}.json`);
}

/** The settings a client of one org reads: the contract's `OrgConnectionSettings` file format. */
function connectionSettings(topology: Topology, org: PeerOrganization): OrgConnectionSettings {
  const paths = orgPaths(org.name);
  const user = (name: string) => {
    const ids = identityPaths(paths.user(name));
    return { certificateFile: ids.cert, privateKeyFile: ids.key };
  };
  return {
    organization: org.name,
    mspId: org.mspId,
    peerEndpoint: `${nodeAddress(topology, peerNodeName(org))}:${org.peer.port}`,
    peerHostAlias: peerHostName(topology, org),
    tlsRootCertFile: peerTlsCa(org),
    channel: topology.channel,
    chaincode: topology.chaincode.name,
    batchTimeoutMs: durationMs(topology.ordering.batchTimeout),
    users: {
      [ORG_ADMIN]: user(ORG_ADMIN),
      ...Object.fromEntries(
        org.users.map((u) => [
          u.name,
          { ...user(u.name), role: u.role, ...(u.entity ? { entity: u.entity } : {}) },
        ]),
      ),
    },
    server: { host: nodeAddress(topology, memberServerNodeName(org)), port: org.server.port },
    ca: {
      url: `https://${nodeAddress(topology, 'ca')}:${topology.ca.port}`,
      caName: caName(org.name),
      tlsRootCertFile: caServerTlsRoot(topology),
      clientBinary: fabricBinary(topology.fabricCa, 'fabric-ca-client'),
      registrarMspDir: new CaClient(topology, org.name).registrarMsp,
      identitiesDir: path.dirname(paths.user(ORG_ADMIN)),
    },
  };
}

export function writeConnectionSettings(topology: Topology): void {
  mkdirSync(runPaths.connection, { recursive: true });
  for (const org of topology.organizations) {
    writeFileSync(
      connectionSettingsFile(org.name),
      `${JSON.stringify(connectionSettings(topology, org), null, 2)}\n`,
    );
  }
}
