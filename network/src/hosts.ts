import { MULTI_HOST_VARIABLE } from '@carbon-ets/contract';
import { NetworkError } from './errors';
import type { Topology } from './topology';
import { chaincodeServerNodeName, memberServerNodeName, peerNodeName } from './topology';

/**
 * Multi-host mode ({@link MULTI_HOST_VARIABLE}=1): each organisation's peer, chaincode server and member
 * server, each orderer and the CA run on a host of its own — a Linux network namespace with its own address
 * on one bridge — and every client in a clients' namespace.
 */
export { MULTI_HOST_VARIABLE };

export function multiHostMode(): boolean {
  return process.env[MULTI_HOST_VARIABLE] === '1';
}

/** One machine of the consortium in multi-host mode. */
export interface ConsortiumHost {
  /** `clients`, `ca`, an orderer's name, or an organisation's name in lower case. */
  readonly name: string;
  /** The network namespace the host's processes run in. */
  readonly namespace: string;
  /** Its one address on the consortium's bridge. */
  readonly address: string;
  /** Its link's end on the bridge (in the bridge's namespace): set it down to cut the host off. */
  readonly link: string;
  /** The node names (pid files) that run on it. */
  readonly nodes: readonly string[];
}

/** The namespace that holds the bridge joining every host's link. */
export const BRIDGE_NAMESPACE = 'carbon-bridge';
export const BRIDGE = 'br-carbon';

/**
 * The hosts of multi-host mode, derived from the topology in a fixed layout of its `multiHost.subnet`
 * (a /24): clients .1, the CA .2, orderers from .11, organisations from .21, in the order listed.
 */
export function consortiumHosts(topology: Topology): ConsortiumHost[] {
  const subnet = topology.multiHost?.subnet;
  if (subnet === undefined) {
    throw new NetworkError(
      'multi-host mode needs multiHost.subnet in the topology file',
      'add `multiHost: { subnet: 10.213.0.0/24 }` to network/topology.yaml',
    );
  }
  const prefix = subnet.split('.').slice(0, 3).join('.');
  const host = (name: string, index: number, nodes: readonly string[]): ConsortiumHost => ({
    name,
    namespace: `carbon-${name}`,
    address: `${prefix}.${index}`,
    link: `carbon-l${index}`,
    nodes,
  });
  return [
    host('clients', 1, []),
    host('ca', 2, ['ca']),
    ...topology.ordering.orderers.map((orderer, i) => host(orderer.name, 11 + i, [orderer.name])),
    ...topology.organizations.map((org, i) =>
      host(org.name.toLowerCase(), 21 + i, [
        peerNodeName(org),
        chaincodeServerNodeName(org),
        memberServerNodeName(org),
      ]),
    ),
  ];
}

/** The host a node runs on in multi-host mode (undefined in single-host mode). */
export function hostOfNode(topology: Topology, node: string): ConsortiumHost | undefined {
  if (!multiHostMode()) return undefined;
  const host = consortiumHosts(topology).find((h) => h.nodes.includes(node));
  if (!host) throw new NetworkError(`no host runs node ${node}`);
  return host;
}

/** The address a node listens on and is reached at: its host's, or `topology.host` on one machine. */
export function nodeAddress(topology: Topology, node: string): string {
  return hostOfNode(topology, node)?.address ?? topology.host;
}

/** The namespace a node's process starts in (multi-host mode only), for {@link NodeProcess.namespace}. */
export function placement(topology: Topology, node: string): { namespace?: string } {
  const host = hostOfNode(topology, node);
  return host ? { namespace: host.namespace } : {};
}

/** The host the clients (CLI, tests, benchmarks) run on in multi-host mode. */
export function clientsHost(topology: Topology): ConsortiumHost {
  const [clients] = consortiumHosts(topology);
  if (!clients) throw new NetworkError('the topology has no hosts');
  return clients;
}
