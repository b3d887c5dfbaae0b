import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  approveChaincode,
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
import { loadTopology, peerNodeName, type Topology } from './topology';

/** Recorded by a completed bootstrap; a restart reuses it. */
interface NetworkState {
  readonly createdAt: string;
  readonly channel: string;
  readonly packageIds: Readonly<Record<string, string>>;
}

function readState(): NetworkState | undefined {
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
interface SupervisedNode {
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

/** Names of every process a complete network runs. */
function expectedProcessNames(topology: Topology): string[] {
  return [
    'ca',
    ...topology.ordering.orderers.map((o) => o.name),
    ...topology.organizations.map(peerNodeName),
    ...topology.organizations.map((org) => `chaincode.${org.name.toLowerCase()}`),
  ];
}

async function waitReady(
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
            if (!(await ready(topology.host, port))) throw new Error('not ready yet');
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
async function raftLeaderElected(topology: Topology, timeoutMs: number): Promise<boolean> {
  try {
    await retry(
      async () => {
        const leaders = await Promise.all(
          topology.ordering.orderers.map((o) =>
            isRaftLeader(topology.host, o.operationsPort, topology.channel),
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
function buildChaincode(): void {
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
 * Brings the consortium up. On a running network it says so and returns. After a crash it stops any
 * survivors, clears stale pid files and starts again: with the existing ledgers if a bootstrap had
 * completed, from scratch otherwise.
 */
export async function up(progress = new Progress(), topology = loadTopology()): Promise<UpResult> {
  const started = Date.now();
  const state = readState();
  const records = listPidFiles();
  const alive = records.filter(isAlive);
  // Member servers keep their pid files here too (so `down` stops them); only the network's nodes count here.
  const expected = expectedProcessNames(topology);
  if (
    state &&
    alive.filter((record) => expected.includes(record.name)).length === expected.length &&
    (await allHealthy(topology)) &&
    (await raftLeaderElected(topology, 10_000))
  ) {
    await waitUntilServing(topology, progress);
    progress.info(`The network is already running (${expected.length} processes); nothing to do.`);
    return { alreadyRunning: true, seconds: 0 };
  }
  if (records.length > 0) {
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
  const ca: SupervisedNode = { process: caServerProcess(topology), healthPort: topology.ca.operationsPort };

  if (state) {
    progress.step('Restarting the existing network (ledgers and identities kept)');
    writeNodeConfig(topology);
    const servers = chaincodeServers(topology, state.packageIds);
    startAll([ca, ...orderers, ...peers, ...servers]);
    await waitReady(topology, [ca, ...orderers, ...peers, ...servers]);
    await ensureRaftLeader(topology, orderers, progress);
    progress.done();
  } else {
    await bootstrap(topology, progress, ca, orderers, peers);
  }
  progress.step(
    `Waiting until every peer discovers ${topology.chaincode.name} on every organisation's peer, at one ledger height`,
  );
  await waitUntilServing(topology, progress);
  progress.done();
  const seconds = (Date.now() - started) / 1000;
  progress.info(
    `Network up: ${expectedProcessNames(topology).length} processes, logs in ${path.relative(process.cwd(), runPaths.logs) || runPaths.logs} (took ${seconds.toFixed(1)} s)`,
  );
  return { alreadyRunning: false, seconds };
}

/**
 * After a restart the orderers replay their Raft log before electing a leader. With the Fabric build pinned
 * here a replay has been seen to stall with no leader; a second restart of the orderers recovers it.
 */
async function ensureRaftLeader(
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

function chaincodeServers(
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

async function allHealthy(topology: Topology): Promise<boolean> {
  const { orderers, peers } = fabricNodes(topology);
  const ports = [topology.ca.operationsPort, ...[...orderers, ...peers].map((n) => n.healthPort ?? 0)];
  const results = await Promise.all(ports.map((port) => isHealthy(topology.host, port)));
  return results.every(Boolean);
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
        ...(port !== undefined ? { healthy: running && (await isHealthy(topology.host, port)) } : {}),
        ...(org && running ? { blockHeight: await blockHeight(topology, org).catch(() => undefined) } : {}),
      };
    }),
  );
  const [first] = topology.organizations;
  const peerUp = nodes.some((n) => first && n.name === peerNodeName(first) && n.running);
  const chaincode = first && peerUp ? await committedChaincode(topology, first) : undefined;
  return { nodes, ...(chaincode ? { chaincode } : {}) };
}
