import { createServer } from 'node:net';
import { NetworkError } from './errors';
import type { Topology } from './topology';
import { peerNodeName } from './topology';

/** Every port the network listens on, with the node that owns it. */
export function topologyPorts(topology: Topology): { port: number; owner: string }[] {
  return [
    { port: topology.ca.port, owner: 'ca' },
    { port: topology.ca.operationsPort, owner: 'ca operations' },
    ...topology.ordering.orderers.flatMap((o) => [
      { port: o.port, owner: o.name },
      { port: o.adminPort, owner: `${o.name} admin` },
      { port: o.operationsPort, owner: `${o.name} operations` },
    ]),
    ...topology.organizations.flatMap((org) => {
      const name = peerNodeName(org);
      return [
        { port: org.peer.port, owner: name },
        { port: org.peer.chaincodePort, owner: `${name} chaincode listener` },
        { port: org.peer.operationsPort, owner: `${name} operations` },
        { port: org.peer.chaincodeServerPort, owner: `chaincode.${org.name.toLowerCase()}` },
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

/** Fails with one clear line naming the first port some other process holds. */
export async function assertPortsFree(topology: Topology): Promise<void> {
  for (const { port, owner } of topologyPorts(topology)) {
    if (!(await isFree(topology.host, port))) {
      throw new NetworkError(
        `port ${port} (${owner}) on ${topology.host} is in use by another process`,
        'stop that process, or change the port in network/topology.yaml',
      );
    }
  }
}
