import { NetworkError } from './errors';
import { fabricNetworkNodes, networkNodes, resolveNode } from './network-nodes';
import { loadTopology } from './topology';

const topology = loadTopology();

describe('the nodes of the consortium, by their pid file names', () => {
  test('lists the CA, the orderers, each org’s peer, chaincode server and member server, in start order', () => {
    expect(networkNodes(topology).map((n) => n.name)).toEqual([
      'ca',
      'orderer1',
      'orderer2',
      'orderer3',
      'peer0.regulator',
      'peer0.verifier',
      'peer0.enterprise1',
      'peer0.enterprise2',
      'peer0.auditor',
      'chaincode.regulator',
      'chaincode.verifier',
      'chaincode.enterprise1',
      'chaincode.enterprise2',
      'chaincode.auditor',
      'server.regulator',
      'server.verifier',
      'server.enterprise1',
      'server.enterprise2',
      'server.auditor',
    ]);
  });

  test('network:up runs fourteen of them: all but the member servers', () => {
    const nodes = fabricNetworkNodes(topology);
    expect(nodes).toHaveLength(14);
    expect(nodes.some((n) => n.kind === 'member server')).toBe(false);
  });

  test('resolves a name, case-insensitively, to its kind and organisation', () => {
    const peer = resolveNode(topology, 'peer0.Enterprise2');
    expect(peer).toMatchObject({ kind: 'peer', name: 'peer0.enterprise2' });
    expect(peer.kind === 'peer' && peer.org.mspId).toBe('Enterprise2MSP');
    expect(resolveNode(topology, 'orderer2')).toMatchObject({ kind: 'orderer', name: 'orderer2' });
    expect(resolveNode(topology, ' ca ')).toMatchObject({ kind: 'ca' });
    expect(resolveNode(topology, 'chaincode.auditor')).toMatchObject({ kind: 'chaincode server' });
    expect(resolveNode(topology, 'server.regulator')).toMatchObject({ kind: 'member server' });
  });

  test('an unknown name is one line listing every valid name', () => {
    const attempt = () => resolveNode(topology, 'peer1.enterprise2');
    expect(attempt).toThrow(NetworkError);
    expect(attempt).toThrow('unknown node "peer1.enterprise2"');
    try {
      attempt();
    } catch (err) {
      expect((err as NetworkError).hint).toBe(
        `name one of: ${networkNodes(topology)
          .map((n) => n.name)
          .join(', ')}`,
      );
    }
    expect(() => resolveNode(topology, '')).toThrow('no node named');
  });
});
