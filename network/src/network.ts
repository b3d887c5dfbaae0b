import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  approveChaincode,
  assertChaincodeKnowsConsortium,
  CHAINCODE_DIR,
  chaincodeServerProcess,
  commitChaincode,
  committedChaincode,
  installChaincode,
  packageChaincode,
} from './chaincode-lifecycle';
import { blockHeight, joinOrderer, joinPeer } from './channel';
import { createGenesisBlock } from './channel-config';
import { writeConnectionSettings } from './connection-settings';
import { issueIdentities } from './crypto-material';
import { NetworkError } from './errors';
import { retry } from './exec';
import { caServerProcess, writeCaServerConfig } from './fabric-ca';
import { ensureFabricBinaries } from './fabric-binaries';
import { isHealthy, isListening, isRaftLeader } from './health';
import { fabricNetworkNodes } from './network-nodes';
import { ordererProcess, peerProcess, writeNodeConfig } from './node-config';
import { REPO_ROOT, runPaths } from './paths';
import { assertPortsFree } from './ports';
import {
  isAlive,
  listPidFiles,
  type NodeProcess,
  readPidFile,
  startNode,
  stopNode,
} from './process-supervisor';
import { Progress } from './progress';
import { waitUntilServing } from './readiness';
import {
  describeRecovery,
  type NodeCondition,
  nodesToStart,
  type RecoveryPlan,
  recoveryPlan,
} from './recovery-plan';
import { chaincodeServerNodeName, loadTopology, peerNodeName, type Topology } from './topology';
import { nodeAddress } from './hosts';

/** Recorded by a completed bootstrap; a restart reuses it. */
export interface NetworkState {
  readonly createdAt: string;
  readonly channel: string;
  readonly packageIds: Readonly<Record<string, string>>;
}

export function readState(): NetworkState | undefined {
  try {
    return JSON.parse(readFileSync(runPaths.state, 'utf8')) as NetworkState;
  } catch {
    return undefined;
  }
}

/**
 * A node we supervise: Fabric nodes report health on their operations port; a chaincode server is ready
 * once it accepts connections on its listen port.
 */
export interface SupervisedNode {
  readonly process: NodeProcess;
  readonly healthPort?: number;
  readonly listenPort?: number;
}

function fabricNodes(topology: Topology): { orderers: SupervisedNode[]; peers: SupervisedNode[] } {
  return {
    orderers: topology.ordering.orderers.map((o) => ({
      process: ordererProcess(topology, o),
      healthPort: o.operationsPort,
    })),
    peers: topology.organizations.map((org) => ({
      process: peerProcess(topology, org),
      healthPort: org.peer.operationsPort,
    })),
  };
}

/** Names of every process a complete network runs (the member servers are not the network's). */
function expectedProcessNames(topology: Topology): string[] {
  return fabricNetworkNodes(topology).map((node) => node.name);
}

/** Waits until each node answers its health check; a node that exits meanwhile fails at once. */
export async function waitReady(
  topology: Topology,
  nodes: readonly SupervisedNode[],
  timeoutMs = 60_000,
): Promise<void> {
  await Promise.all(
    nodes.map(async (node) => {
      const port = node.healthPort ?? node.listenPort;
      if (port === undefined) return;
      const ready = node.healthPort !== undefined ? isHealthy : isListening;
      try {
        await retry(
          async () => {
            const record = readPidFile(node.process.name);
            if (!record || !isAlive(record)) {
              throw new NetworkError(
                `${node.process.name} exited during start-up`,
                `see ${runPaths.log(node.process.name)}`,
              );
            }
            if (!(await ready(nodeAddress(topology, node.process.name), port)))
              throw new Error('not ready yet');
          },
          timeoutMs,
          250,
          (err) => err instanceof NetworkError,
        );
      } catch (err) {
        if (err instanceof NetworkError) throw err;
        throw new NetworkError(
          `${node.process.name} was not ready within ${timeoutMs / 1000} s`,
          `see ${runPaths.log(node.process.name)}`,
        );
      }
    }),
  );
}

/**
 * Waits until one orderer leads the channel's Raft cluster: until then the ordering service refuses
 * transactions, though every orderer already reports healthy.
 */
export async function raftLeaderElected(topology: Topology, timeoutMs: number): Promise<boolean> {
  try {
    await retry(
      async () => {
        const leaders = await Promise.all(
          topology.ordering.orderers.map((o) =>
            isRaftLeader(nodeAddress(topology, o.name), o.operationsPort, topology.channel),
          ),
        );
        if (!leaders.includes(true)) throw new Error('no Raft leader yet');
      },
      timeoutMs,
      250,
    );
    return true;
  } catch {
    return false;
  }
}

function startAll(nodes: readonly SupervisedNode[]): void {
  for (const node of nodes) startNode(node.process);
}

/** Compiles the chaincode package (TypeScript → chaincode/dist) that the chaincode servers run. */
export function buildChaincode(): void {
  // Escape hatch for chaincode development against a running tree: the caller built chaincode/dist itself.
  if (
    process.env.CARBON_SKIP_CHAINCODE_BUILD === '1' &&
    existsSync(path.join(CHAINCODE_DIR, 'dist', 'index.js'))
  )
    return;
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc', { paths: [REPO_ROOT] }), '-b', CHAINCODE_DIR],
    {
      stdio: 'inherit',
    },
  );
}

export interface UpResult {
  readonly alreadyRunning: boolean;
  readonly seconds: number;
}

/**
 * Brings the consortium up. On a running network it says so and returns. After a crash of a network that
 * had completed its bootstrap, it starts only what is down (healthy processes keep running, stale pid files
 * are cleared) with the existing ledgers; without a completed bootstrap it stops any survivors and starts
 * from scratch.
 */
export async function up(progress = new Progress(), topology = loadTopology()): Promise<UpResult> {
  const started = Date.now();
  const state = readState();
  const expected = expectedProcessNames(topology);
  if (state) {
    const plan = recoveryPlan(expected, await nodeConditions(topology));
    if (plan.start.length === 0 && plan.restart.length === 0 && (await raftLeaderElected(topology, 10_000))) {
      await waitUntilServing(topology, progress);
      progress.info(`The network is already running (${expected.length} processes); nothing to do.`);
      return { alreadyRunning: true, seconds: 0 };
    }
    await recover(topology, state, plan, progress);
  } else {
    const records = listPidFiles();
    if (records.length > 0) {
      const alive = records.filter(isAlive);
      progress.step(
        `Clearing a previous run: ${alive.length} live process(es), ${records.length - alive.length} stale pid file(s)`,
      );
      for (const record of records) await stopNode(record);
      progress.done();
    }
    await ensureFabricBinaries(topology, progress);
    progress.step('Compiling the chaincode');
    buildChaincode();
    progress.done();
    await assertPortsFree(topology);
    const { orderers, peers } = fabricNodes(topology);
    await bootstrap(topology, progress, caNode(topology), orderers, peers);
  }
  progress.step(
    `Waiting until every peer discovers ${topology.chaincode.name} on every organisation's peer, at one ledger height`,
  );
  await waitUntilServing(topology, progress);
  progress.done();
  const seconds = (Date.now() - started) / 1000;
  progress.info(
    `Network up: ${expected.length} processes, logs in ${path.relative(process.cwd(), runPaths.logs) || runPaths.logs} (took ${seconds.toFixed(1)} s)`,
  );
  return { alreadyRunning: false, seconds };
}

function caNode(topology: Topology): SupervisedNode {
  return { process: caServerProcess(topology), healthPort: topology.ca.operationsPort };
}

/** Every node `network:up` runs, as supervised processes, in start order. */
export function supervisedNodes(topology: Topology, state: NetworkState): SupervisedNode[] {
  const { orderers, peers } = fabricNodes(topology);
  return [caNode(topology), ...orderers, ...peers, ...chaincodeServers(topology, state.packageIds)];
}

/** True if the node answers: operations `/healthz` for Fabric nodes, its listen port for a chaincode server. */
export async function isServing(topology: Topology, node: SupervisedNode): Promise<boolean> {
  const host = nodeAddress(topology, node.process.name);
  if (node.healthPort !== undefined) return isHealthy(host, node.healthPort);
  if (node.listenPort !== undefined) return isListening(host, node.listenPort);
  return true;
}

/** Each expected node's pid file, liveness and health. */
async function nodeConditions(topology: Topology): Promise<Map<string, NodeCondition>> {
  // Package ids do not matter for the ports probed here.
  const nodes = supervisedNodes(topology, {
    createdAt: '',
    channel: topology.channel,
    packageIds: Object.fromEntries(topology.organizations.map((org) => [org.name, '-'])),
  });
  const conditions = await Promise.all(
    nodes.map(async (node): Promise<NodeCondition> => {
      const record = readPidFile(node.process.name);
      const alive = record !== undefined && isAlive(record);
      return {
        name: node.process.name,
        pidFile: record !== undefined,
        alive,
        healthy: alive && (await isServing(topology, node)),
      };
    }),
  );
  return new Map(conditions.map((c) => [c.name, c]));
}

/**
 * Starts what the plan says is down, keeping the healthy processes: stale pid files are cleared first (also
 * those of member servers that died), live but unhealthy nodes are stopped by their pid. The chaincode is
 * compiled again only when every chaincode server starts, so that no org runs other code than the rest.
 */
async function recover(
  topology: Topology,
  state: NetworkState,
  plan: RecoveryPlan,
  progress: Progress,
): Promise<void> {
  const expected = expectedProcessNames(topology);
  const toStart = nodesToStart(expected, plan);
  progress.step(`Recovering the existing network (ledgers and identities kept): ${describeRecovery(plan)}`);
  for (const record of listPidFiles()) {
    if (!isAlive(record)) await stopNode(record);
  }
  for (const name of plan.restart) {
    const record = readPidFile(name);
    if (record) await stopNode(record);
  }
  await ensureFabricBinaries(topology, progress);
  const chaincodeNames = topology.organizations.map(chaincodeServerNodeName);
  if (chaincodeNames.every((name) => toStart.includes(name))) buildChaincode();
  await assertPortsFree(topology, new Set(toStart));
  writeNodeConfig(topology);
  const nodes = supervisedNodes(topology, state).filter((node) => toStart.includes(node.process.name));
  startAll(nodes);
  await waitReady(topology, nodes);
  await ensureRaftLeader(topology, fabricNodes(topology).orderers, progress);
  progress.done(`started ${toStart.length}, kept ${plan.keep.length}`);
}

/**
 * After a restart the orderers replay their Raft log before electing a leader. With the Fabric build pinned
 * here a replay has been seen to stall with no leader; a second restart of the orderers recovers it.
 */
export async function ensureRaftLeader(
  topology: Topology,
  orderers: SupervisedNode[],
  progress: Progress,
): Promise<void> {
  if (await raftLeaderElected(topology, 30_000)) return;
  progress.info('no Raft leader after 30 s; restarting the orderers once');
  for (const node of orderers) {
    const record = readPidFile(node.process.name);
    if (record) await stopNode(record);
  }
  startAll(orderers);
  await waitReady(topology, orderers);
  if (!(await raftLeaderElected(topology, 60_000))) {
    throw new NetworkError(
      `the ordering service has no Raft leader for channel ${topology.channel}`,
      `see ${runPaths.logs}/orderer*.log; \`npm run network:down -- --purge\` starts a new network`,
    );
  }
}

export function chaincodeServers(
  topology: Topology,
  packageIds: Readonly<Record<string, string>>,
): SupervisedNode[] {
  return topology.organizations.map((org) => {
    const id = packageIds[org.name];
    if (!id)
      throw new NetworkError(
        `no chaincode package id recorded for ${org.name}`,
        'run `npm run network:down -- --purge` and start again',
      );
    return { process: chaincodeServerProcess(topology, org, id), listenPort: org.peer.chaincodeServerPort };
  });
}

async function bootstrap(
  topology: Topology,
  progress: Progress,
  ca: SupervisedNode,
  orderers: SupervisedNode[],
  peers: SupervisedNode[],
): Promise<void> {
  rmSync(runPaths.root, { recursive: true, force: true });
  mkdirSync(runPaths.root, { recursive: true });
  writeNodeConfig(topology);

  progress.step(`Starting Fabric CA (${topology.organizations.length + 1} CAs in one server)`);
  writeCaServerConfig(topology);
  startAll([ca]);
  await waitReady(topology, [ca]);
  progress.done();

  progress.step(
    'Issuing identities from Fabric CA (admins, nodes with TLS, users with carbon.role/carbon.entity)',
  );
  await issueIdentities(topology);
  progress.done();

  progress.step(`Creating the genesis block of channel "${topology.channel}"`);
  const block = await createGenesisBlock(topology);
  progress.done();

  progress.step(`Starting ${orderers.length} Raft orderers and ${peers.length} peers`);
  startAll([...orderers, ...peers]);
  await waitReady(topology, [...orderers, ...peers]);
  progress.done();

  progress.step('Joining orderers (osnadmin) and peers to the channel');
  await Promise.all(topology.ordering.orderers.map((o) => joinOrderer(topology, o, block)));
  await Promise.all(topology.organizations.map((org) => joinPeer(topology, org, block)));
  if (!(await raftLeaderElected(topology, 60_000))) {
    throw new NetworkError(
      'the new Raft cluster elected no leader within 60 s',
      `see ${runPaths.logs}/orderer*.log`,
    );
  }
  progress.done();

  progress.step(
    `Deploying chaincode "${topology.chaincode.name}" (package, install, approve by every org, commit)`,
  );
  assertChaincodeKnowsConsortium(topology);
  const packageIds: Record<string, string> = {};
  await Promise.all(
    topology.organizations.map(async (org) => {
      const { file, packageId } = await packageChaincode(topology, org);
      await installChaincode(topology, org, file);
      packageIds[org.name] = packageId;
    }),
  );
  const servers = chaincodeServers(topology, packageIds);
  startAll(servers);
  await waitReady(topology, servers);
  await Promise.all(
    topology.organizations.map((org) => approveChaincode(topology, org, packageIds[org.name] ?? '')),
  );
  await commitChaincode(topology);
  progress.done();

  writeConnectionSettings(topology);
  const state: NetworkState = { createdAt: new Date().toISOString(), channel: topology.channel, packageIds };
  writeFileSync(runPaths.state, `${JSON.stringify(state, null, 2)}\n`);
}

/** Stops every process recorded in the run folder, by pid. `purge` also deletes the run folder. */
export async function down(options: { purge?: boolean } = {}, progress = new Progress()): Promise<number> {
  const records = listPidFiles();
  let stopped = 0;
  await Promise.all(
    records.map(async (record) => {
      if (await stopNode(record)) stopped++;
    }),
  );
  progress.info(
    `Stopped ${stopped} process(es)${records.length > stopped ? `, removed ${records.length - stopped} stale pid file(s)` : ''}.`,
  );
  if (options.purge && existsSync(runPaths.root)) {
    rmSync(runPaths.root, { recursive: true, force: true });
    progress.info(`Purged ${runPaths.root}.`);
  }
  return stopped;
}

export interface NodeStatus {
  readonly name: string;
  readonly pid?: number;
  readonly running: boolean;
  readonly healthy?: boolean;
  readonly blockHeight?: number;
}

export interface NetworkStatus {
  readonly nodes: readonly NodeStatus[];
  readonly chaincode?: string;
}

/** Health of every node, every peer's block height and the committed chaincode definition. */
export async function status(topology = loadTopology()): Promise<NetworkStatus> {
  const health = new Map<string, number | undefined>([
    ['ca', topology.ca.operationsPort],
    ...topology.ordering.orderers.map((o) => [o.name, o.operationsPort] as const),
    ...topology.organizations.map((org) => [peerNodeName(org), org.peer.operationsPort] as const),
  ]);
  const nodes = await Promise.all(
    expectedProcessNames(topology).map(async (name): Promise<NodeStatus> => {
      const record = readPidFile(name);
      const running = record !== undefined && isAlive(record);
      const port = health.get(name);
      const org = topology.organizations.find((o) => peerNodeName(o) === name);
      return {
        name,
        ...(record ? { pid: record.pid } : {}),
        running,
        ...(port !== undefined
          ? { healthy: running && (await isHealthy(nodeAddress(topology, name), port)) }
          : {}),
        ...(org && running ? { blockHeight: await blockHeight(topology, org).catch(() => undefined) } : {}),
      };
    }),
  );
  const [first] = topology.organizations;
  const peerUp = nodes.some((n) => first && n.name === peerNodeName(first) && n.running);
  const chaincode = first && peerUp ? await committedChaincode(topology, first) : undefined;
  return { nodes, ...(chaincode ? { chaincode } : {}) };
}
