import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { NetworkError } from './errors';

/** A Go module whose commands are built with `go build` at a pinned version. */
export interface GoModuleBuild {
  readonly module: string;
  readonly version: string;
  readonly commands: readonly string[];
  readonly image: string;
}

export interface OrdererNode {
  readonly name: string;
  readonly port: number;
  readonly adminPort: number;
  readonly operationsPort: number;
}

export interface PeerNode {
  readonly name: string;
  readonly port: number;
  readonly chaincodePort: number;
  readonly operationsPort: number;
  /** Where this org's chaincode-as-a-service process listens. */
  readonly chaincodeServerPort: number;
}

/** A user registered with Fabric CA; `role` and `entity` become the `carbon.role`/`carbon.entity` attributes. */
export interface UserSpec {
  readonly name: string;
  readonly role: string;
  readonly entity?: string;
}

export interface PeerOrganization {
  readonly name: string;
  readonly mspId: string;
  readonly peer: PeerNode;
  readonly users: readonly UserSpec[];
}

export interface Topology {
  readonly fabric: GoModuleBuild & { readonly ordererImage: string };
  readonly fabricCa: GoModuleBuild;
  readonly host: string;
  readonly domain: string;
  readonly channel: string;
  readonly ca: { readonly port: number; readonly operationsPort: number };
  readonly ordering: {
    readonly name: string;
    readonly mspId: string;
    readonly batchTimeout: string;
    readonly maxMessageCount: number;
    /** Raft clock: a follower that hears no leader for electionTick × tickInterval (up to twice that) stands. */
    readonly raft: { readonly tickInterval: string; readonly electionTick: number };
    readonly orderers: readonly OrdererNode[];
  };
  readonly organizations: readonly PeerOrganization[];
  readonly chaincode: {
    readonly name: string;
    readonly label: string;
    readonly version: string;
    readonly sequence: number;
  };
}

/** Milliseconds of a Fabric duration such as `500ms` or `2s`. */
export function durationMs(text: string): number {
  const match = /^(\d+)(ms|s)$/.exec(text.trim());
  if (!match?.[1]) throw new Error(`"${text}" is not a duration such as 500ms or 2s`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

export const ROLES = ['regulator', 'verifier', 'operator', 'trader', 'auditor'] as const;

/** The repository's topology file. */
export const DEFAULT_TOPOLOGY_FILE = path.resolve(__dirname, '..', 'topology.yaml');

/** Reads and validates a topology file; a malformed file is a {@link NetworkError} naming the bad field. */
export function loadTopology(file: string = DEFAULT_TOPOLOGY_FILE): Topology {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new NetworkError(`cannot read topology file ${file}: ${(err as Error).message}`);
  }
  return validateTopology(raw, file);
}

/** Checks shape, names and port uniqueness; returns the input typed. */
export function validateTopology(raw: unknown, source = 'topology'): Topology {
  const fail = (what: string): never => {
    throw new NetworkError(`${source}: ${what}`, 'fix the topology file and run the command again');
  };
  if (!isRecord(raw)) return fail('expected a mapping at the top level');
  const t = raw as unknown as Topology;
  for (const key of ['fabric', 'fabricCa', 'ca', 'ordering', 'chaincode'] as const) {
    if (!isRecord(t[key])) fail(`missing section "${key}"`);
  }
  for (const key of ['host', 'domain', 'channel'] as const) {
    if (typeof t[key] !== 'string' || t[key] === '') fail(`"${key}" must be a non-empty string`);
  }
  if (!/^[a-z][a-z0-9.-]*$/.test(t.channel))
    fail(`channel name "${t.channel}" is not a valid Fabric channel id`);
  if (!Array.isArray(t.ordering.orderers) || t.ordering.orderers.length < 1)
    fail('ordering.orderers is empty');
  if (!Array.isArray(t.organizations) || t.organizations.length < 1) fail('organizations is empty');

  const ports = new Map<number, string>();
  const claim = (port: unknown, owner: string): void => {
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1024 || port > 65535) {
      fail(`${owner}: port ${String(port)} must be an integer in 1024..65535`);
    }
    const holder = ports.get(port as number);
    if (holder !== undefined) fail(`${owner}: port ${String(port)} is already used by ${holder}`);
    ports.set(port as number, owner);
  };
  if (typeof t.ordering.raft !== 'object') fail('ordering.raft { tickInterval, electionTick } is missing');
  for (const [name, value] of [
    ['batchTimeout', t.ordering.batchTimeout],
    ['raft.tickInterval', t.ordering.raft.tickInterval],
  ] as const) {
    try {
      durationMs(value);
    } catch {
      fail(`ordering.${name}: "${value}" must be a duration such as 500ms or 2s`);
    }
  }
  claim(t.ca.port, 'ca');
  claim(t.ca.operationsPort, 'ca operations');
  const names = new Set<string>();
  for (const o of t.ordering.orderers) {
    if (names.has(o.name)) fail(`duplicate orderer name ${o.name}`);
    names.add(o.name);
    claim(o.port, o.name);
    claim(o.adminPort, `${o.name} admin`);
    claim(o.operationsPort, `${o.name} operations`);
  }
  const mspIds = new Set<string>([t.ordering.mspId]);
  for (const org of t.organizations) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(org.name))
      fail(`organisation name "${org.name}" must be alphanumeric`);
    if (mspIds.has(org.mspId)) fail(`duplicate MSP id ${org.mspId}`);
    mspIds.add(org.mspId);
    claim(org.peer.port, `${org.name} peer`);
    claim(org.peer.chaincodePort, `${org.name} peer chaincode`);
    claim(org.peer.operationsPort, `${org.name} peer operations`);
    claim(org.peer.chaincodeServerPort, `${org.name} chaincode server`);
    if (!Array.isArray(org.users) || org.users.length === 0) fail(`${org.name} has no users`);
    for (const user of org.users) {
      if (!(ROLES as readonly string[]).includes(user.role)) {
        fail(`${org.name}/${user.name}: role "${user.role}" is not one of ${ROLES.join(', ')}`);
      }
      if ((user.role === 'operator' || user.role === 'trader') && !user.entity) {
        fail(`${org.name}/${user.name}: an ${user.role} needs an entity`);
      }
    }
  }
  if (!Number.isInteger(t.chaincode.sequence) || t.chaincode.sequence < 1)
    fail('chaincode.sequence must be ≥ 1');
  return t;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Node identity used in log, pid and data folder names, e.g. `orderer1`, `peer0.regulator`. */
export function peerNodeName(org: PeerOrganization): string {
  return `${org.peer.name}.${org.name.toLowerCase()}`;
}

/** Host name used only inside certificates and docker-compose; processes always listen on `topology.host`. */
export function peerHostName(topology: Topology, org: PeerOrganization): string {
  return `${peerNodeName(org)}.${topology.domain}`;
}

export function ordererHostName(topology: Topology, orderer: OrdererNode): string {
  return `${orderer.name}.${topology.domain}`;
}
