import { stringify } from 'yaml';
import { chaincodeServerProcess } from './chaincode-lifecycle';
import { caServerProcess } from './fabric-ca';
import { ordererProcess, peerProcess } from './node-config';
import { REPO_ROOT, RUN_DIR } from './paths';
import type { NodeProcess } from './process-supervisor';
import type { Topology } from './topology';
import { peerNodeName } from './topology';

/**
 * The repository is mounted at the same absolute path inside the containers (`${PWD}`), so the absolute
 * paths that `network:up` writes into core.yaml and the connection settings hold there too.
 */
const REPO_IN_CONTAINER = '${PWD}';
const RUN_IN_CONTAINER = '${PWD}/network/run';

/** Host-only variables that must not leak into a container definition. */
const HOST_ONLY = new Set(['PATH', 'HOME']);

function containerEnv(node: NodeProcess): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.env).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === undefined || HOST_ONLY.has(key)) continue;
    env[key] = key === 'FABRIC_LOGGING_SPEC' ? 'info' : inContainer(value);
  }
  return env;
}

function inContainer(value: string): string {
  return value.split(RUN_DIR).join(RUN_IN_CONTAINER).split(REPO_ROOT).join(REPO_IN_CONTAINER);
}

/**
 * docker-compose.yaml for people who run containers: the same nodes, ports and settings as the native
 * network (host networking keeps every address on 127.0.0.1), generated from the topology so the two
 * cannot drift. Crypto material and the channel block come from the run folder that `network:up` creates.
 */
export function composeFile(topology: Topology): string {
  const volumes = (): string[] => [`${REPO_IN_CONTAINER}:${REPO_IN_CONTAINER}`];
  const service = (image: string, node: NodeProcess, command: string[]) => ({
    image,
    container_name: node.name,
    network_mode: 'host',
    working_dir: REPO_IN_CONTAINER,
    environment: containerEnv(node),
    command: command.map(inContainer),
    volumes: volumes(),
  });
  const services: Record<string, unknown> = {};
  const ca = caServerProcess(topology);
  services[ca.name] = service(topology.fabricCa.image, ca, ['fabric-ca-server', ...ca.args]);
  for (const orderer of topology.ordering.orderers) {
    services[orderer.name] = service(topology.fabric.ordererImage, ordererProcess(topology, orderer), [
      'orderer',
    ]);
  }
  for (const org of topology.organizations) {
    const peer = peerProcess(topology, org);
    services[peerNodeName(org)] = {
      ...service(topology.fabric.image, peer, ['peer', ...peer.args]),
      depends_on: topology.ordering.orderers.map((o) => o.name),
    };
  }
  for (const org of topology.organizations) {
    // The package id is only known after install; the chaincode server reads it from the run folder.
    const server = chaincodeServerProcess(topology, org, '$${PACKAGE_ID}');
    const script = [
      `PACKAGE_ID=$$(node -p 'require("${RUN_IN_CONTAINER}/network.json").packageIds.${org.name}')`,
      `exec node ${server.args.map(inContainer).join(' ')}`,
    ].join(' && ');
    services[server.name] = {
      ...service('node:20', server, []),
      command: ['sh', '-c', script],
      depends_on: [peerNodeName(org)],
    };
  }
  for (const org of topology.organizations) {
    // The member server (`npm run serve -- --org <org>`), built by `npm run build` into server/dist.
    services[`server.${org.name.toLowerCase()}`] = {
      image: 'node:20',
      container_name: `server.${org.name.toLowerCase()}`,
      network_mode: 'host',
      working_dir: REPO_IN_CONTAINER,
      environment: { CARBON_CONNECTION_DIR: `${RUN_IN_CONTAINER}/connection` },
      command: ['node', 'server/dist/cli/serve.js', '--org', org.name],
      volumes: volumes(),
      depends_on: [peerNodeName(org)],
      // Documents the port; with host networking the server listens on it directly.
      labels: { 'carbon-ets.server-port': String(org.server.port) },
    };
  }
  const header = [
    '# Generated from network/topology.yaml by `npm run compose`; do not edit by hand.',
    '# The native network (`npm run network:up`) is the primary way to run; this file describes the same',
    '# nodes for container users. Run `npm run network:up` once first: it creates the identities, the',
    '# channel block and network/run/network.json that these containers mount.',
    '',
  ].join('\n');
  return header + stringify({ name: 'carbon-ets', services }, { lineWidth: 0 });
}
