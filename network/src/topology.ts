import {
  configErrorMap,
  describeConfigIssue,
  ENTERPRISE_ROLES,
  fieldPath,
  ROLES,
  unlessMissing,
} from '@carbon-ets/contract';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { NetworkError } from './errors';

const PORT = 'must be an integer in 1024..65535';
const port = z.int(unlessMissing(PORT)).min(1024, PORT).max(65535, PORT);
const text = z.string().min(1, 'must be a non-empty string');
const DURATION = 'must be a duration such as 500ms or 2s';
const duration = z.string(unlessMissing(DURATION)).regex(/^\d+(ms|s)$/, DURATION);
const atLeastOne = (what: string) => `must list at least one ${what}`;
const count = (min: number) =>
  z.int(unlessMissing(`must be an integer ≥ ${min}`)).min(min, `must be an integer ≥ ${min}`);

/** A Go module whose commands are built with `go build` at a pinned version. */
const goModuleBuild = {
  module: text,
  version: text,
  commands: z.array(text).min(1, atLeastOne('command')).readonly(),
  image: text,
};
const GoModuleBuildSchema = z.strictObject(goModuleBuild).readonly();
export type GoModuleBuild = z.infer<typeof GoModuleBuildSchema>;

const OrdererNodeSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and -'),
    port,
    adminPort: port,
    operationsPort: port,
  })
  .readonly();
export type OrdererNode = z.infer<typeof OrdererNodeSchema>;

const PeerNodeSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and -'),
    port,
    chaincodePort: port,
    operationsPort: port,
    /** Where this org's chaincode-as-a-service process listens. */
    chaincodeServerPort: port,
  })
  .readonly();

/** A user registered with Fabric CA; `role` and `entity` become the `carbon.role`/`carbon.entity` attributes. */
const UserSpecSchema = z
  .strictObject({
    name: text,
    role: z.enum(
      ROLES,
      unlessMissing((input) => `${JSON.stringify(input)} is not one of ${ROLES.join(', ')}`),
    ),
    entity: text.optional(),
  })
  .readonly();

const PeerOrganizationSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be alphanumeric, starting with a letter'),
    mspId: text,
    peer: PeerNodeSchema,
    /** The org's member server (REST API, console, notifications) next to its peer. */
    server: z.strictObject({ port }).readonly(),
    users: z.array(UserSpecSchema).min(1, atLeastOne('user')).readonly(),
  })
  .readonly();
export type PeerOrganization = z.infer<typeof PeerOrganizationSchema>;

/**
 * The shape of network/topology.yaml: strict at every level, so a misspelt key is an error rather than a
 * silently ignored setting. Checks that span fields (unique ports, names and MSP ids, an entity for every
 * enterprise user) follow in {@link crossFieldIssues}.
 */
const TopologySchema = z
  .strictObject({
    fabric: z.strictObject({ ...goModuleBuild, ordererImage: text }).readonly(),
    fabricCa: GoModuleBuildSchema,
    host: text,
    /** Multi-host mode (see hosts.ts): the /24 the hosts' addresses come from. */
    multiHost: z
      .strictObject({
        subnet: z
          .string()
          .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.0\/24$/, 'must be a /24 such as 10.213.0.0/24'),
      })
      .readonly()
      .optional(),
    domain: text,
    channel: z
      .string()
      .regex(/^[a-z][a-z0-9.-]*$/, 'is not a valid Fabric channel id (lower-case letters, digits, . and -)'),
    ca: z.strictObject({ port, operationsPort: port }).readonly(),
    ordering: z
      .strictObject({
        name: text,
        mspId: text,
        batchTimeout: duration,
        maxMessageCount: count(1),
        /** Raft clock: a follower that hears no leader for electionTick × tickInterval (up to twice that) stands. */
        raft: z
          .strictObject({
            tickInterval: duration,
            electionTick: count(1),
            snapshotIntervalSize: z.string().regex(/^\d+ (KB|MB)$/, 'must be a size such as 4 KB or 16 MB'),
          })
          .readonly(),
        orderers: z.array(OrdererNodeSchema).min(1, atLeastOne('orderer')).readonly(),
      })
      .readonly(),
    organizations: z.array(PeerOrganizationSchema).min(1, atLeastOne('organisation')).readonly(),
    chaincode: z.strictObject({ name: text, label: text, version: text, sequence: count(1) }).readonly(),
  })
  .readonly();
export type Topology = z.infer<typeof TopologySchema>;

/** Milliseconds of a Fabric duration such as `500ms` or `2s`. */
export function durationMs(text: string): number {
  const match = /^(\d+)(ms|s)$/.exec(text.trim());
  if (!match?.[1]) throw new Error(`"${text}" is not a duration such as 500ms or 2s`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

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
  return validateTopology(raw, path.relative(process.cwd(), file) || file);
}

/** A problem found across fields: where it is and what is wrong. */
interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Checks the schema, then what spans fields; the first problem is one line naming its field's path:
 * `network/topology.yaml: organizations[2].peer.port: must be an integer in 1024..65535`.
 */
export function validateTopology(raw: unknown, source = 'topology'): Topology {
  const fail = (what: string): never => {
    throw new NetworkError(`${source}: ${what}`, 'fix the topology file and run the command again');
  };
  const parsed = TopologySchema.safeParse(raw, { error: configErrorMap });
  if (!parsed.success) return fail(describeConfigIssue(parsed.error));
  const [issue] = crossFieldIssues(parsed.data);
  if (issue) fail(`${fieldPath(issue.path)}: ${issue.message}`);
  return parsed.data;
}

/** Every listener has its own port; names and MSP ids are unique; enterprise users name their entity. */
function crossFieldIssues(t: Topology): Issue[] {
  const issues: Issue[] = [];
  const ports = new Map<number, string>();
  const claim = (value: number, owner: string, at: readonly (string | number)[]): void => {
    const holder = ports.get(value);
    if (holder === undefined) ports.set(value, owner);
    else issues.push({ path: at, message: `port ${value} is already used by ${holder}` });
  };
  /** Records `value`; two values with the same `key` are one too many. */
  const unique = (
    seen: Set<string>,
    value: string,
    what: string,
    at: readonly (string | number)[],
    key = value,
  ): void => {
    if (seen.has(key)) issues.push({ path: at, message: `duplicate ${what} ${value}` });
    seen.add(key);
  };

  claim(t.ca.port, 'ca', ['ca', 'port']);
  claim(t.ca.operationsPort, 'ca operations', ['ca', 'operationsPort']);
  const ordererNames = new Set<string>();
  t.ordering.orderers.forEach((o, i) => {
    const at = ['ordering', 'orderers', i];
    unique(ordererNames, o.name, 'orderer name', [...at, 'name']);
    claim(o.port, o.name, [...at, 'port']);
    claim(o.adminPort, `${o.name} admin`, [...at, 'adminPort']);
    claim(o.operationsPort, `${o.name} operations`, [...at, 'operationsPort']);
  });
  const orgNames = new Set<string>();
  const mspIds = new Set<string>([t.ordering.mspId]);
  t.organizations.forEach((org, i) => {
    const at = ['organizations', i];
    // Org names become file and folder names in lower case, so two may not differ by case alone.
    unique(orgNames, org.name, 'organisation name', [...at, 'name'], org.name.toLowerCase());
    unique(mspIds, org.mspId, 'MSP id', [...at, 'mspId']);
    claim(org.peer.port, `${org.name} peer`, [...at, 'peer', 'port']);
    claim(org.peer.chaincodePort, `${org.name} peer chaincode`, [...at, 'peer', 'chaincodePort']);
    claim(org.peer.operationsPort, `${org.name} peer operations`, [...at, 'peer', 'operationsPort']);
    claim(org.peer.chaincodeServerPort, `${org.name} chaincode server`, [
      ...at,
      'peer',
      'chaincodeServerPort',
    ]);
    claim(org.server.port, `${org.name} server`, [...at, 'server', 'port']);
    const userNames = new Set<string>();
    org.users.forEach((user, j) => {
      unique(userNames, user.name, 'user name', [...at, 'users', j, 'name']);
      if (ENTERPRISE_ROLES.includes(user.role) && user.entity === undefined) {
        issues.push({ path: [...at, 'users', j, 'entity'], message: `an ${user.role} needs an entity` });
      }
    });
  });
  return issues;
}

/** Node identity used in log, pid and data folder names, e.g. `orderer1`, `peer0.regulator`. */
export function peerNodeName(org: PeerOrganization): string {
  return `${org.peer.name}.${org.name.toLowerCase()}`;
}

/** Host name used only inside certificates and docker-compose; processes listen on their node's address. */
export function peerHostName(topology: Topology, org: PeerOrganization): string {
  return `${peerNodeName(org)}.${topology.domain}`;
}

export function ordererHostName(topology: Topology, orderer: OrdererNode): string {
  return `${orderer.name}.${topology.domain}`;
}

/** The process name of an org's chaincode server (chaincode as a service), e.g. `chaincode.regulator`. */
export function chaincodeServerNodeName(org: PeerOrganization): string {
  return `chaincode.${org.name.toLowerCase()}`;
}

/** The process name of an org's member server (REST API and console), e.g. `server.regulator`. */
export function memberServerNodeName(org: PeerOrganization): string {
  return `server.${org.name.toLowerCase()}`;
}
