import { identityPaths, orgPaths } from './crypto-material';
import { NetworkError } from './errors';
import { run, sleep } from './exec';
import { fabricBinary } from './fabric-binaries';
import type { Progress } from './progress';
import type { PeerOrganization, Topology } from './topology';
import { peerNodeName } from './topology';
import { nodeAddress } from './hosts';

/** One peer as another peer's discovery service sees it on the channel. */
interface DiscoveredPeer {
  readonly mspId: string;
  readonly endpoint: string;
  readonly ledgerHeight: number;
  readonly chaincodes: readonly string[];
}

/** What keeps the network from serving every transaction yet, one line per gap; empty when ready. */
type ReadinessGaps = readonly string[];

/**
 * Asks one peer's discovery service which peers of the channel it knows, with their ledger height and the
 * chaincodes they run. This is the view the Fabric Gateway on that peer builds endorsement plans from.
 */
async function discoverPeers(topology: Topology, org: PeerOrganization): Promise<DiscoveredPeer[]> {
  const user = org.users[0]?.name;
  if (user === undefined) throw new NetworkError(`${org.name} has no user to ask discovery as`);
  const identity = identityPaths(orgPaths(org.name).user(user));
  const { stdout } = await run(
    fabricBinary(topology.fabric, 'discover'),
    [
      '--peerTLSCA',
      identityPaths(orgPaths(org.name).node(org.peer.name)).tlsCa,
      '--userKey',
      identity.key,
      '--userCert',
      identity.cert,
      '--MSP',
      org.mspId,
      'peers',
      '--channel',
      topology.channel,
      '--server',
      `${nodeAddress(topology, peerNodeName(org))}:${org.peer.port}`,
    ],
    { timeoutMs: 10_000 },
  );
  const raw = JSON.parse(stdout) as
    { MSPID: string; Endpoint: string; LedgerHeight: number; Chaincodes: string[] | null }[] | null;
  return (raw ?? []).map((p) => ({
    mspId: p.MSPID,
    endpoint: p.Endpoint,
    ledgerHeight: p.LedgerHeight,
    chaincodes: p.Chaincodes ?? [],
  }));
}

/**
 * How far apart peers' heights may be and still count as one: under load a block commits every batch timeout
 * and discovery reports heights gossiped up to a second ago, so peers in step differ by a few blocks; a peer
 * catching up after a restart is hundreds behind.
 */
export const HEIGHT_SPREAD = 10;

/**
 * The gaps between what each peer's discovery service reports and a network that can serve every
 * transaction: every peer must see every peer organisation running the chaincode (so an endorsement plan can
 * include any of them, as key-level endorsement policies require), and all at one ledger height (give or take
 * {@link HEIGHT_SPREAD} blocks).
 */
function readinessGaps(
  topology: Topology,
  views: ReadonlyMap<string, readonly DiscoveredPeer[] | Error>,
): ReadinessGaps {
  const gaps: string[] = [];
  const heights = new Set<number>();
  for (const org of topology.organizations) {
    const view = views.get(org.name);
    if (view === undefined || view instanceof Error) {
      gaps.push(`${org.name}'s peer does not answer discovery${view ? `: ${view.message}` : ''}`);
      continue;
    }
    const missing = topology.organizations
      .filter(
        (other) =>
          !view.some((p) => p.mspId === other.mspId && p.chaincodes.includes(topology.chaincode.name)),
      )
      .map((other) => other.name);
    if (missing.length > 0) {
      gaps.push(`${org.name}'s peer does not yet see ${topology.chaincode.name} on ${missing.join(', ')}`);
    }
    for (const peer of view) heights.add(peer.ledgerHeight);
  }
  const sorted = [...heights].sort((a, b) => a - b);
  const spread = (sorted.at(-1) ?? 0) - (sorted[0] ?? 0);
  if (spread > HEIGHT_SPREAD) {
    gaps.push(`peers are at different heights (${sorted.join(', ')})`);
  }
  return gaps;
}

/**
 * Waits until every peer's discovery service can plan an endorsement by every peer organisation with the
 * chaincode, at one ledger height. Until then a transaction whose key-level policy names an organisation the
 * gateway has not discovered fails with "no combination of peers can be derived".
 */
export async function waitUntilServing(
  topology: Topology,
  progress: Progress,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let reported = '';
  for (;;) {
    const views = new Map<string, readonly DiscoveredPeer[] | Error>();
    await Promise.all(
      topology.organizations.map(async (org) => {
        try {
          views.set(org.name, await discoverPeers(topology, org));
        } catch (err) {
          views.set(org.name, err instanceof Error ? err : new Error(String(err)));
        }
      }),
    );
    const gaps = readinessGaps(topology, views);
    if (gaps.length === 0) return;
    const summary = gaps.join('; ');
    if (Date.now() > deadline) {
      throw new NetworkError(
        `the network is not ready to serve transactions after ${timeoutMs / 1000} s: ${summary}`,
        'see the peer logs under network/run/logs',
      );
    }
    if (summary !== reported) {
      progress.info(`waiting: ${summary}`);
      reported = summary;
    }
    await sleep(1000);
  }
}
