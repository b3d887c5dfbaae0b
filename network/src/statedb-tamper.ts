import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { NetworkError } from './errors';
import { run } from './exec';
import { checkGo } from './fabric-binaries';
import { CACHE_DIR, REPO_ROOT, runPaths } from './paths';
import { isAlive, readPidFile } from './process-supervisor';
import { loadTopology, type PeerOrganization, peerNodeName, type Topology } from './topology';

/** The Go program that rewrites a lot in a stopped peer's LevelDB (network/tools/statedb-tamper). */
export const TAMPER_TOOL_DIR = path.join(REPO_ROOT, 'network', 'tools', 'statedb-tamper');

/** A peer's goleveldb state database: `<peer.fileSystemPath>/ledgersData/stateLeveldb` (Fabric's layout). */
export function stateDatabaseDir(org: PeerOrganization): string {
  return path.join(runPaths.data, peerNodeName(org), 'ledgersData', 'stateLeveldb');
}

/** The cached binary for the tool's current sources: a change to them builds a new one. */
function toolBinary(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(TAMPER_TOOL_DIR).sort()) {
    if (file === 'go.mod' || file === 'go.sum' || (file.endsWith('.go') && !file.endsWith('_test.go'))) {
      hash.update(file).update(readFileSync(path.join(TAMPER_TOOL_DIR, file)));
    }
  }
  return path.join(CACHE_DIR, 'bin', `statedb-tamper@${hash.digest('hex').slice(0, 16)}`, 'statedb-tamper');
}

/** Builds the tool with `go build` unless the binary for these sources is cached; returns its path. */
export async function ensureTamperTool(): Promise<string> {
  const binary = toolBinary();
  if (existsSync(binary)) return binary;
  await checkGo();
  mkdirSync(path.dirname(binary), { recursive: true });
  // Built next to its final name and renamed, so a cut-short build never looks cached.
  const partial = `${binary}.partial`;
  await run('go', ['build', '-o', partial, '.'], { cwd: TAMPER_TOOL_DIR, timeoutMs: 300_000 });
  renameSync(partial, binary);
  return binary;
}

export interface LotTampering {
  /** The peer organisation whose peer's state database is changed, e.g. `Enterprise2`. */
  readonly org: string;
  readonly accountId: string;
  readonly lotId: string;
  /** The quantity to write: a whole number with as many digits as the stored one. */
  readonly quantity: number;
}

/** What was changed: the lot, and its quantity before and after. */
export interface LotTampered {
  readonly org: string;
  readonly accountId: string;
  readonly lotId: string;
  readonly from: number;
  readonly to: number;
}

function organisation(topology: Topology, name: string): PeerOrganization {
  const org = topology.organizations.find((o) => o.name.toLowerCase() === name.toLowerCase());
  if (!org) {
    throw new NetworkError(
      `unknown organisation "${name}"`,
      `name one of: ${topology.organizations.map((o) => o.name).join(', ')}`,
    );
  }
  return org;
}

/**
 * Changes a lot's quantity in one peer's state database behind the ledger's back (for tamper-detection
 * tests): the blocks keep what was committed, so `carbon audit reconcile` against that peer must report the
 * lot. The peer must be stopped (its LevelDB is locked while it runs); start it again afterwards with
 * `restartNode`. The quantity must have as many digits as the stored one, which keeps the length of Fabric's
 * encoded value.
 */
export async function tamperLotQuantity(
  tampering: LotTampering,
  topology: Topology = loadTopology(),
): Promise<LotTampered> {
  const org = organisation(topology, tampering.org);
  if (!Number.isSafeInteger(tampering.quantity) || tampering.quantity < 0) {
    throw new NetworkError(`quantity ${tampering.quantity} is not a whole number of tonnes`);
  }
  const node = peerNodeName(org);
  const record = readPidFile(node);
  if (record && isAlive(record)) {
    throw new NetworkError(
      `${node} is running (pid ${record.pid}); its state database can only be changed while it is stopped`,
      `stop it first (SIGTERM to pid ${record.pid}), then start it again with \`npm run network:restart -- ${node}\``,
    );
  }
  const database = stateDatabaseDir(org);
  if (!existsSync(database)) {
    throw new NetworkError(`${node} has no state database at ${database}`, 'is the network bootstrapped?');
  }
  const binary = await ensureTamperTool();
  const { stdout } = await run(binary, [
    '-db',
    database,
    '-channel',
    topology.channel,
    '-namespace',
    topology.chaincode.name,
    '-account',
    tampering.accountId,
    '-lot',
    tampering.lotId,
    '-quantity',
    String(tampering.quantity),
  ]);
  const change = JSON.parse(stdout) as { from: string; to: string };
  return {
    org: org.name,
    accountId: tampering.accountId,
    lotId: tampering.lotId,
    from: Number(change.from),
    to: Number(change.to),
  };
}
