import { identityPaths, ORG_ADMIN, orgPaths } from './crypto-material';
import { retry, run } from './exec';
import { fabricBinary } from './fabric-binaries';
import { ordererTlsCa, peerAdminEnv } from './node-config';
import type { OrdererNode, PeerOrganization, Topology } from './topology';
import { nodeAddress } from './hosts';

/** `osnadmin channel <verb>` against one orderer's admin endpoint, as the orderer org's admin (mutual TLS). */
function osnadmin(topology: Topology, orderer: OrdererNode, verb: string, ...args: string[]) {
  const admin = identityPaths(orgPaths(topology.ordering.name).user(ORG_ADMIN));
  return run(
    fabricBinary(topology.fabric, 'osnadmin'),
    [
      'channel',
      verb,
      '--channelID',
      topology.channel,
      ...args,
      '-o',
      `${nodeAddress(topology, orderer.name)}:${orderer.adminPort}`,
      '--ca-file',
      ordererTlsCa(topology),
      '--client-cert',
      admin.tlsCert,
      '--client-key',
      admin.tlsKey,
    ],
    { timeoutMs: 10_000 },
  );
}

/** Joins an orderer to the channel through its admin endpoint (channel participation API, mutual TLS). */
export async function joinOrderer(topology: Topology, orderer: OrdererNode, block: string): Promise<void> {
  await retry(() => osnadmin(topology, orderer, 'join', '--config-block', block), 20_000);
}

/** Joins an org's peer to the channel as the org admin. */
export async function joinPeer(topology: Topology, org: PeerOrganization, block: string): Promise<void> {
  await retry(
    () =>
      run(fabricBinary(topology.fabric, 'peer'), ['channel', 'join', '-b', block], {
        env: peerAdminEnv(topology, org),
      }),
    20_000,
  );
}

/** An orderer's height on the channel (number of blocks), from its channel participation API (`osnadmin channel list`). */
export async function ordererHeight(topology: Topology, orderer: OrdererNode): Promise<number> {
  const { stdout } = await osnadmin(topology, orderer, 'list');
  const match = /"height":\s*(\d+)/.exec(stdout);
  if (!match?.[1]) throw new Error(`unexpected osnadmin channel list output: ${stdout}`);
  return Number(match[1]);
}

/** The peer's ledger height on the channel (number of blocks), from `peer channel getinfo`. */
export async function blockHeight(topology: Topology, org: PeerOrganization): Promise<number> {
  const { stdout, stderr } = await run(
    fabricBinary(topology.fabric, 'peer'),
    ['channel', 'getinfo', '-c', topology.channel],
    {
      env: peerAdminEnv(topology, org),
      timeoutMs: 10_000,
    },
  );
  const match = /"height":(\d+)/.exec(stdout + stderr);
  if (!match?.[1]) throw new Error(`unexpected getinfo output: ${stdout}`);
  return Number(match[1]);
}
