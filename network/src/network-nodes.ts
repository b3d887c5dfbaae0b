import { NetworkError } from './errors';
import {
  chaincodeServerNodeName,
  memberServerNodeName,
  type OrdererNode,
  type PeerOrganization,
  peerNodeName,
  type Topology,
} from './topology';

/**
 * One process of the consortium, by the name its pid file and log carry: the CA server, an orderer, an
 * organisation's peer, its chaincode server, or its member server.
 */
export type NetworkNode =
  | { readonly kind: 'ca'; readonly name: string }
  | { readonly kind: 'orderer'; readonly name: string; readonly orderer: OrdererNode }
  | { readonly kind: 'peer'; readonly name: string; readonly org: PeerOrganization }
  | { readonly kind: 'chaincode server'; readonly name: string; readonly org: PeerOrganization }
  | { readonly kind: 'member server'; readonly name: string; readonly org: PeerOrganization };

/**
 * Every process of the topology in start order: CA, orderers, peers, chaincode servers, then the member
 * servers (started by `servers:up`, not by `network:up`).
 */
export function networkNodes(topology: Topology): NetworkNode[] {
  return [
    { kind: 'ca', name: 'ca' },
    ...topology.ordering.orderers.map((orderer) => ({
      kind: 'orderer' as const,
      name: orderer.name,
      orderer,
    })),
    ...topology.organizations.map((org) => ({ kind: 'peer' as const, name: peerNodeName(org), org })),
    ...topology.organizations.map((org) => ({
      kind: 'chaincode server' as const,
      name: chaincodeServerNodeName(org),
      org,
    })),
    ...topology.organizations.map((org) => ({
      kind: 'member server' as const,
      name: memberServerNodeName(org),
      org,
    })),
  ];
}

/** The nodes `network:up` runs: everything but the member servers. */
export function fabricNetworkNodes(topology: Topology): NetworkNode[] {
  return networkNodes(topology).filter((node) => node.kind !== 'member server');
}

/**
 * The node named `name` (as pid files name it, case-insensitive); an unknown name is a {@link NetworkError}
 * listing every valid one.
 */
export function resolveNode(topology: Topology, name: string): NetworkNode {
  const nodes = networkNodes(topology);
  const wanted = name.trim().toLowerCase();
  const node = nodes.find((n) => n.name.toLowerCase() === wanted);
  if (node) return node;
  throw new NetworkError(
    name.trim() === '' ? 'no node named' : `unknown node "${name}"`,
    `name one of: ${nodes.map((n) => n.name).join(', ')}`,
  );
}
