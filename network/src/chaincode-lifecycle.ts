import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONSORTIUM_ORGANIZATIONS } from '@carbon-ets/contract';
import { writeCollectionsConfig } from './collections';
import { NetworkError } from './errors';
import { identityPaths, orgPaths } from './crypto-material';
import { retry, run } from './exec';
import { fabricBinary } from './fabric-binaries';
import { ordererTlsCa, peerAdminEnv, peerTlsCa } from './node-config';
import { REPO_ROOT, runPaths } from './paths';
import type { NodeProcess } from './process-supervisor';
import { chaincodeServerNodeName, peerNodeName, type PeerOrganization, type Topology } from './topology';
import { nodeAddress, placement } from './hosts';

export const CHAINCODE_DIR = path.join(REPO_ROOT, 'chaincode');

/**
 * Each org runs its own chaincode server (chaincode as a service), so each org's package names a
 * different address and has its own package id; an org approves the definition with its own package.
 */
export async function packageChaincode(
  topology: Topology,
  org: PeerOrganization,
): Promise<{ file: string; packageId: string }> {
  const work = path.join(runPaths.chaincode, org.name.toLowerCase());
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const connection = {
    address: `${nodeAddress(topology, chaincodeServerNodeName(org))}:${org.peer.chaincodeServerPort}`,
    dial_timeout: '10s',
    tls_required: true,
    client_auth_required: false,
    root_cert: readFileSync(peerTlsCa(org), 'utf8'),
  };
  writeFileSync(path.join(work, 'connection.json'), JSON.stringify(connection, null, 2));
  writeFileSync(
    path.join(work, 'metadata.json'),
    JSON.stringify({ type: 'ccaas', label: topology.chaincode.label }),
  );
  await run('tar', ['-C', work, '-czf', path.join(work, 'code.tar.gz'), 'connection.json']);
  const file = path.join(runPaths.chaincode, `${topology.chaincode.label}-${org.name.toLowerCase()}.tgz`);
  await run('tar', ['-C', work, '-czf', file, 'metadata.json', 'code.tar.gz']);
  // Fabric's package id: label, colon, SHA-256 of the package file.
  const packageId = `${topology.chaincode.label}:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
  return { file, packageId };
}

export async function installChaincode(
  topology: Topology,
  org: PeerOrganization,
  file: string,
): Promise<void> {
  await run(fabricBinary(topology.fabric, 'peer'), ['lifecycle', 'chaincode', 'install', file], {
    env: peerAdminEnv(topology, org),
    timeoutMs: 120_000,
  });
}

function ordererArgs(topology: Topology): string[] {
  const [first] = topology.ordering.orderers;
  if (!first) throw new Error('no orderer');
  return [
    '-o',
    `${nodeAddress(topology, first.name)}:${first.port}`,
    '--tls',
    '--cafile',
    ordererTlsCa(topology),
  ];
}

/**
 * The chaincode's key-level policies name the consortium's organisations (`CONSORTIUM_ORGANIZATIONS` of the wire
 * contract): a topology with other organisations would leave keys no majority of its peers could change.
 */
export function assertChaincodeKnowsConsortium(topology: Topology): void {
  const inTopology = topology.organizations.map((org) => org.mspId).sort();
  const inChaincode = [...CONSORTIUM_ORGANIZATIONS].sort();
  if (inTopology.join(',') !== inChaincode.join(',')) {
    throw new NetworkError(
      `the topology's organisations (${inTopology.join(', ')}) are not the chaincode's consortium (${inChaincode.join(', ')})`,
      'change CONSORTIUM_ORGANIZATIONS in contract/src/roles.ts with the topology, then rebuild',
    );
  }
}

/** The chaincode definition every org approves alike, with the commercial collections. */
function definitionArgs(topology: Topology): string[] {
  const cc = topology.chaincode;
  return [
    '--collections-config',
    writeCollectionsConfig(topology),
    '--channelID',
    topology.channel,
    '--name',
    cc.name,
    '--version',
    cc.version,
    '--sequence',
    String(cc.sequence),
  ];
}

/** Approves the chaincode definition for the org; retried while the Raft cluster elects its first leader. */
export async function approveChaincode(
  topology: Topology,
  org: PeerOrganization,
  packageId: string,
): Promise<void> {
  await retry(
    () =>
      run(
        fabricBinary(topology.fabric, 'peer'),
        [
          'lifecycle',
          'chaincode',
          'approveformyorg',
          ...ordererArgs(topology),
          ...definitionArgs(topology),
          '--package-id',
          packageId,
        ],
        { env: peerAdminEnv(topology, org), timeoutMs: 60_000 },
      ),
    60_000,
    1000,
  );
}

/** Commits the definition, endorsed by every org's peer. */
export async function commitChaincode(topology: Topology): Promise<void> {
  const [first] = topology.organizations;
  if (!first) throw new Error('no organisation');
  const peers = topology.organizations.flatMap((org) => [
    '--peerAddresses',
    `${nodeAddress(topology, peerNodeName(org))}:${org.peer.port}`,
    '--tlsRootCertFiles',
    peerTlsCa(org),
  ]);
  await retry(
    () =>
      run(
        fabricBinary(topology.fabric, 'peer'),
        ['lifecycle', 'chaincode', 'commit', ...ordererArgs(topology), ...definitionArgs(topology), ...peers],
        {
          env: peerAdminEnv(topology, first),
          timeoutMs: 60_000,
        },
      ),
    30_000,
    1000,
  );
}

/** The committed definition as the peer reports it, e.g. `Version: 0.1, Sequence: 1, ...`; undefined if none. */
export async function committedChaincode(
  topology: Topology,
  org: PeerOrganization,
): Promise<string | undefined> {
  try {
    const { stdout } = await run(
      fabricBinary(topology.fabric, 'peer'),
      [
        'lifecycle',
        'chaincode',
        'querycommitted',
        '--channelID',
        topology.channel,
        '--name',
        topology.chaincode.name,
      ],
      { env: peerAdminEnv(topology, org), timeoutMs: 10_000 },
    );
    return /Version: [^\n]*/.exec(stdout)?.[0];
  } catch {
    return undefined;
  }
}

/** The org's chaincode server: fabric-chaincode-node in server mode, TLS with a CA-issued certificate. */
export function chaincodeServerProcess(
  topology: Topology,
  org: PeerOrganization,
  packageId: string,
): NodeProcess {
  const tls = identityPaths(orgPaths(org.name).node('chaincode'));
  return {
    name: chaincodeServerNodeName(org),
    command: process.execPath,
    args: [
      // For measurement only (BENCHMARKS.md, "Inside a chaincode server"): `CARBON_CHAINCODE_PROFILE=1` samples
      // the server's CPU; `kill -USR2 <pid>` ends it and writes the profile to network/run/profiles.
      ...(process.env.CARBON_CHAINCODE_PROFILE === '1'
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${path.join(runPaths.root, 'profiles')}`,
            '--require',
            path.join(REPO_ROOT, 'network', 'tools', 'exit-on-sigusr2.js'),
          ]
        : []),
      require.resolve('fabric-shim/cli', { paths: [CHAINCODE_DIR] }),
      'server',
      '--chaincode-address',
      `${nodeAddress(topology, chaincodeServerNodeName(org))}:${org.peer.chaincodeServerPort}`,
      '--chaincode-id',
      packageId,
      '--chaincode-tls-cert-file',
      tls.tlsCert,
      '--chaincode-tls-key-file',
      tls.tlsKey,
      '--module-path',
      CHAINCODE_DIR,
    ],
    // Warnings and errors only: at info the shim writes a line for every transaction, which the peer's log
    // already records.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, CORE_CHAINCODE_LOGGING_LEVEL: 'warning' },
    cwd: CHAINCODE_DIR,
    ...placement(topology, chaincodeServerNodeName(org)),
  };
}
