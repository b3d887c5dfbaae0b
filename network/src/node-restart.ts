import { blockHeight } from './channel';
import { NetworkError } from './errors';
import { sleep } from './exec';
import { type NetworkNode, resolveNode } from './network-nodes';
import {
  ensureRaftLeader,
  type NetworkState,
  raftLeaderElected,
  readState,
  type SupervisedNode,
  supervisedNodes,
  waitReady,
} from './network';
import { runPaths } from './paths';
import { assertPortsFree } from './ports';
import { isAlive, liveProcessOf, readPidFile, startNode, stopNode } from './process-supervisor';
import { Progress } from './progress';
import { waitUntilServing } from './readiness';
import { loadTopology, type PeerOrganization, peerNodeName, type Topology } from './topology';
import { placement } from './hosts';

export interface RestartResult {
  readonly node: string;
  /** The pid that was stopped; undefined when the node was not running. */
  readonly stoppedPid?: number;
  readonly startedPid: number;
  readonly seconds: number;
}

/** How long a stopped node's ports are given to close before a restart calls them taken. */
const PORT_RELEASE_MS = 5000;

/**
 * Restarts one node by name (`ca`, `orderer2`, `peer0.enterprise2`, `chaincode.regulator`, `server.auditor`):
 * stops its process by the pid file (if it runs), starts it again with the same command and configuration,
 * and waits until it is healthy — an orderer until the channel has a Raft leader, a peer until it has caught
 * up with the other peers' height and every peer discovers it again. The other processes are not touched.
 */
export async function restartNode(
  name: string,
  progress = new Progress(),
  topology = loadTopology(),
): Promise<RestartResult> {
  const started = Date.now();
  const node = resolveNode(topology, name);
  const supervised = supervisedNodeOf(topology, node);
  const record = readPidFile(node.name);
  const running = record !== undefined && isAlive(record);

  progress.step(
    running ? `Stopping ${node.name} (pid ${record.pid})` : `${node.name} is not running; starting it`,
  );
  if (record) await stopNode(record);
  progress.done();

  progress.step(`Starting ${node.name}`);
  if (node.kind !== 'member server') {
    await assertPortsFree(topology, new Set([node.name]), running ? PORT_RELEASE_MS : 0);
  }
  const startedPid = startNode(supervised.process);
  await waitReady(topology, [supervised]);
  progress.done(`pid ${startedPid}, healthy`);

  if (node.kind === 'orderer') {
    progress.step(`Waiting for a Raft leader of channel ${topology.channel}`);
    if (!(await raftLeaderElected(topology, 30_000))) {
      await ensureRaftLeader(topology, orderersOf(topology), progress);
    }
    progress.done();
  }
  if (node.kind === 'peer') {
    progress.step(`Waiting until ${node.name} catches up with the other peers`);
    await waitPeerCaughtUp(topology, node.org, progress);
    progress.done();
  }
  if (node.kind === 'peer' || node.kind === 'chaincode server') {
    progress.step('Waiting until every peer discovers every organisation’s peer with the chaincode');
    await waitUntilServing(topology, progress);
    progress.done();
  }
  const seconds = (Date.now() - started) / 1000;
  progress.info(`Restarted ${node.name} (took ${seconds.toFixed(1)} s), log in ${runPaths.log(node.name)}`);
  return {
    node: node.name,
    ...(running ? { stoppedPid: record.pid } : {}),
    startedPid,
    seconds,
  };
}

/** The orderers as supervised nodes, for a Raft recovery. */
function orderersOf(topology: Topology): SupervisedNode[] {
  const names = new Set(topology.ordering.orderers.map((o) => o.name));
  return supervisedNodes(topology, requireState()).filter((n) => names.has(n.process.name));
}

function requireState(): NetworkState {
  const state = readState();
  if (!state) {
    throw new NetworkError(
      'the network has not completed its bootstrap, so there is nothing to restart',
      'run `npm run network:up`',
    );
  }
  return state;
}

/**
 * How to start `node` again: the network's nodes from the topology and the recorded bootstrap (exactly what
 * `network:up` starts); a member server as it runs now (its command line and environment from /proc), since
 * only `servers:up` knows how it was started.
 */
function supervisedNodeOf(topology: Topology, node: NetworkNode): SupervisedNode {
  if (node.kind === 'member server') {
    const record = readPidFile(node.name);
    const process = record ? liveProcessOf(record) : undefined;
    if (!process) {
      throw new NetworkError(
        `${node.name} is not running, so its command line is unknown`,
        '`npm run servers:up` starts the member servers that are down',
      );
    }
    // /proc shows the command after `ip netns exec` ran it; the host's namespace comes from the topology.
    return { process: { ...process, ...placement(topology, node.name) }, healthPort: node.org.server.port };
  }
  const supervised = supervisedNodes(topology, requireState()).find((n) => n.process.name === node.name);
  // resolveNode only returns names of the topology, and supervisedNodes covers all but member servers.
  if (!supervised) throw new Error(`no process definition for ${node.name}`);
  return supervised;
}

/** Where a restarted peer stands against the others: caught up once it reaches the highest other height. */
export function catchUpGap(
  own: number | undefined,
  others: readonly (number | undefined)[],
): { readonly caughtUp: boolean; readonly target: number } {
  const target = Math.max(0, ...others.filter((h): h is number => h !== undefined));
  return { caughtUp: own !== undefined && own >= target, target };
}

async function waitPeerCaughtUp(
  topology: Topology,
  org: PeerOrganization,
  progress: Progress,
  timeoutMs = 120_000,
): Promise<void> {
  const others = topology.organizations.filter((o) => o.name !== org.name);
  const heightOf = (o: PeerOrganization) => blockHeight(topology, o).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  let reported: number | undefined;
  for (;;) {
    const [own, ...theirs] = await Promise.all([heightOf(org), ...others.map(heightOf)]);
    const gap = catchUpGap(own, theirs);
    if (gap.caughtUp) {
      progress.info(`${org.name}'s peer is at height ${own ?? '?'} like the others`);
      return;
    }
    if (Date.now() > deadline) {
      throw new NetworkError(
        `${org.name}'s peer is at height ${own ?? 'unknown'}, short of ${gap.target}, after ${timeoutMs / 1000} s`,
        `see ${runPaths.log(peerNodeName(org))}; it keeps pulling blocks from the orderers`,
      );
    }
    if (own !== reported) {
      progress.info(`${org.name}'s peer at height ${own ?? 'unknown'} of ${gap.target}`);
      reported = own;
    }
    await sleep(1000);
  }
}
