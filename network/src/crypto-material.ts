import { ENTITY_ATTRIBUTE, ROLE_ATTRIBUTE } from '@carbon-ets/contract';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CaClient, caCertFile, randomSecret } from './fabric-ca';
import { runPaths } from './paths';
import type { Topology } from './topology';
import { chaincodeServerNodeName, ordererHostName, peerHostName, peerNodeName } from './topology';
import { multiHostMode, nodeAddress } from './hosts';

/** Name of every org's administrator identity. */
export const ORG_ADMIN = 'orgadmin';

/** Where an organisation's crypto material lives. */
export const orgPaths = (org: string) => {
  const root = path.join(runPaths.crypto, org.toLowerCase());
  return {
    root,
    /** The org's MSP as it appears in the channel configuration. */
    msp: path.join(root, 'msp'),
    user: (name: string) => path.join(root, 'users', name),
    node: (name: string) => path.join(root, 'nodes', name),
  };
};

/** An identity folder: `msp/` for signing, and for nodes `tls/{server.crt,server.key,ca.crt}`. */
export const identityPaths = (dir: string) => ({
  msp: path.join(dir, 'msp'),
  cert: path.join(dir, 'msp', 'signcerts', 'cert.pem'),
  key: path.join(dir, 'msp', 'keystore', 'key.pem'),
  tlsCert: path.join(dir, 'tls', 'server.crt'),
  tlsKey: path.join(dir, 'tls', 'server.key'),
  tlsCa: path.join(dir, 'tls', 'ca.crt'),
});

/**
 * NodeOUs: the CA writes each identity's type (client, peer, orderer, admin) into its certificate's OU,
 * so the MSP can tell an org admin from a peer without cryptogen-style admincerts.
 */
function nodeOuConfig(): string {
  const ou = (name: string) => `    Certificate: cacerts/ca.pem\n    OrganizationalUnitIdentifier: ${name}\n`;
  return [
    'NodeOUs:',
    '  Enable: true',
    '  ClientOUIdentifier:',
    ou('client').trimEnd(),
    '  PeerOUIdentifier:',
    ou('peer').trimEnd(),
    '  AdminOUIdentifier:',
    ou('admin').trimEnd(),
    '  OrdererOUIdentifier:',
    ou('orderer').trimEnd(),
    '',
  ].join('\n');
}

function writeNodeOus(mspDir: string): void {
  writeFileSync(path.join(mspDir, 'config.yaml'), nodeOuConfig());
}

/** The org MSP for the channel configuration: CA root, TLS root and NodeOUs, no keys. */
function writeOrgMsp(org: string): void {
  const msp = orgPaths(org).msp;
  for (const sub of ['cacerts', 'tlscacerts']) {
    mkdirSync(path.join(msp, sub), { recursive: true });
    copyFileSync(caCertFile(org), path.join(msp, sub, 'ca.pem'));
  }
  writeNodeOus(msp);
}

async function enrollIdentity(
  ca: CaClient,
  dir: string,
  name: string,
  type: 'peer' | 'orderer' | 'admin' | 'client',
  options: { attributes?: Record<string, string>; tlsHosts?: readonly string[] } = {},
): Promise<void> {
  const secret = randomSecret();
  await ca.register(name, secret, type, options.attributes);
  const ids = identityPaths(dir);
  await ca.enroll(name, secret, ids.msp);
  writeNodeOus(ids.msp);
  if (options.tlsHosts) {
    const tlsMsp = path.join(dir, 'tls', 'enrolment');
    await ca.enroll(name, secret, tlsMsp, options.tlsHosts);
    copyFileSync(path.join(tlsMsp, 'signcerts', 'cert.pem'), ids.tlsCert);
    copyFileSync(path.join(tlsMsp, 'keystore', 'key.pem'), ids.tlsKey);
    copyFileSync(path.join(tlsMsp, 'cacerts', 'ca.pem'), ids.tlsCa);
  }
}

/**
 * Issues every identity of the network from Fabric CA: per org an admin, the nodes (with TLS certificates
 * valid for the loopback address, localhost and, in multi-host mode, their host's address) and the users with their `carbon.*` attributes.
 * Organisations are enrolled in parallel.
 */
export async function issueIdentities(topology: Topology): Promise<void> {
  // A node's TLS certificate is valid for loopback, localhost, its DNS name and its multi-host address.
  const hosts = (name: string, node?: string) => [
    topology.host,
    'localhost',
    name,
    ...(node !== undefined && multiHostMode() ? [nodeAddress(topology, node)] : []),
  ];
  const ordererOrg = topology.ordering.name;
  const enrollOrdererOrg = async (): Promise<void> => {
    const ca = new CaClient(topology, ordererOrg);
    await ca.enrollRegistrar();
    writeOrgMsp(ordererOrg);
    const paths = orgPaths(ordererOrg);
    // The orderer admin also gets a TLS client certificate: osnadmin authenticates with mutual TLS.
    await enrollIdentity(ca, paths.user(ORG_ADMIN), ORG_ADMIN, 'admin', { tlsHosts: hosts('localhost') });
    for (const orderer of topology.ordering.orderers) {
      await enrollIdentity(ca, paths.node(orderer.name), orderer.name, 'orderer', {
        tlsHosts: hosts(ordererHostName(topology, orderer), orderer.name),
      });
    }
  };
  const enrollPeerOrg = async (org: Topology['organizations'][number]): Promise<void> => {
    const ca = new CaClient(topology, org.name);
    await ca.enrollRegistrar();
    writeOrgMsp(org.name);
    const paths = orgPaths(org.name);
    await enrollIdentity(ca, paths.user(ORG_ADMIN), ORG_ADMIN, 'admin');
    await enrollIdentity(
      ca,
      paths.node(org.peer.name),
      `${org.peer.name}.${org.name.toLowerCase()}`,
      'peer',
      {
        tlsHosts: hosts(peerHostName(topology, org), peerNodeName(org)),
      },
    );
    // The org's chaincode server: a TLS server certificate only, the peer dials it.
    await enrollIdentity(ca, paths.node('chaincode'), `chaincode.${org.name.toLowerCase()}`, 'client', {
      tlsHosts: hosts(`chaincode.${org.name.toLowerCase()}.${topology.domain}`, chaincodeServerNodeName(org)),
    });
    for (const user of org.users) {
      const attributes: Record<string, string> = { [ROLE_ATTRIBUTE]: user.role };
      if (user.entity) attributes[ENTITY_ATTRIBUTE] = user.entity;
      await enrollIdentity(ca, paths.user(user.name), user.name, 'client', { attributes });
    }
  };
  await Promise.all([enrollOrdererOrg(), ...topology.organizations.map(enrollPeerOrg)]);
}
