import { createServer } from 'node:net';
import { NetworkError } from './errors';
import { sleep } from './exec';
import type { Topology } from './topology';
import { chaincodeServerNodeName, peerNodeName } from './topology';
import { multiHostMode } from './hosts';

/** One port the network listens on: who owns it (for messages) and the process (node) that listens. */
export interface TopologyPort {
  readonly port: number;
  readonly owner: string;
  readonly node: string;
}

/** Every port the network listens on, with the node that owns it. */
export function topologyPorts(topology: Topology): TopologyPort[] {
  return [
    { port: topology.ca.port, owner: 'ca', node: 'ca' },
    { port: topology.ca.operationsPort, owner: 'ca operations', node: 'ca' },
    ...topology.ordering.orderers.flatMap((o) => [
      { port: o.port, owner: o.name, node: o.name },
      { port: o.adminPort, owner: `${o.name} admin`, node: o.name },
      { port: o.operationsPort, owner: `${o.name} operations`, node: o.name },
    ]),
    ...topology.organizations.flatMap((org) => {
      const name = peerNodeName(org);
      const chaincode = chaincodeServerNodeName(org);
      return [
        { port: org.peer.port, owner: name, node: name },
        { port: org.peer.chaincodePort, owner: `${name} chaincode listener`, node: name },
        { port: org.peer.operationsPort, owner: `${name} operations`, node: name },
        { port: org.peer.chaincodeServerPort, owner: chaincode, node: chaincode },
      ];
    }),
  ];
}

function isFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen({ host, port, exclusive: true }, () =>
      server.close(() => {
        resolve(true);
      }),
    );
  });
}

/**
 * Fails with one clear line naming the first port some other process holds: of every node, or only of the
 * `nodes` about to start (the others keep running and hold theirs).
 */
export async function assertPortsFree(
  topology: Topology,
  nodes?: ReadonlySet<string>,
  waitMs = 0,
): Promise<void> {
  // Each host of multi-host mode is a namespace the project created for this network: nothing else listens there.
  if (multiHostMode()) return;
  const deadline = Date.now() + waitMs;
  for (const { port, owner, node } of topologyPorts(topology)) {
    if (nodes && !nodes.has(node)) continue;
    // A process just stopped may hold its listening socket a moment longer (its children exit after it).
    while (!(await isFree(topology.host, port)) && Date.now() < deadline) await sleep(100);
    if (!(await isFree(topology.host, port))) {
      throw new NetworkError(
        `port ${port} (${owner}) on ${topology.host} is in use by another process`,
        'stop that process, or change the port in network/topology.yaml',
      );
    }
  }
}
