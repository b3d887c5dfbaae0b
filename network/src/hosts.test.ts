import { MULTI_HOST_VARIABLE } from '@carbon-ets/contract';
import { consortiumHosts, hostOfNode, nodeAddress, placement } from './hosts';
import { loadTopology, validateTopology } from './topology';

const topology = loadTopology();

describe('multi-host layout', () => {
  const saved = process.env[MULTI_HOST_VARIABLE];
  afterEach(() => {
    if (saved === undefined) Reflect.deleteProperty(process.env, MULTI_HOST_VARIABLE);
    else process.env[MULTI_HOST_VARIABLE] = saved;
  });

  test('one host per orderer and organisation, plus the CA and the clients, each with its own address', () => {
    const hosts = consortiumHosts(topology);
    expect(hosts.map((h) => `${h.name} ${h.address} ${h.namespace} ${h.link}`)).toEqual([
      'clients 10.213.0.1 carbon-clients carbon-l1',
      'ca 10.213.0.2 carbon-ca carbon-l2',
      'orderer1 10.213.0.11 carbon-orderer1 carbon-l11',
      'orderer2 10.213.0.12 carbon-orderer2 carbon-l12',
      'orderer3 10.213.0.13 carbon-orderer3 carbon-l13',
      'regulator 10.213.0.21 carbon-regulator carbon-l21',
      'verifier 10.213.0.22 carbon-verifier carbon-l22',
      'enterprise1 10.213.0.23 carbon-enterprise1 carbon-l23',
      'enterprise2 10.213.0.24 carbon-enterprise2 carbon-l24',
      'auditor 10.213.0.25 carbon-auditor carbon-l25',
    ]);
    // Every link name fits Linux's 15-character interface names.
    expect(hosts.every((h) => h.link.length <= 15)).toBe(true);
    expect(hosts.find((h) => h.name === 'enterprise2')?.nodes).toEqual([
      'peer0.enterprise2',
      'chaincode.enterprise2',
      'server.enterprise2',
    ]);
  });

  test('a node listens on its host in multi-host mode and on topology.host otherwise', () => {
    Reflect.deleteProperty(process.env, MULTI_HOST_VARIABLE);
    expect(nodeAddress(topology, 'peer0.enterprise1')).toBe('127.0.0.1');
    expect(placement(topology, 'peer0.enterprise1')).toEqual({});
    process.env[MULTI_HOST_VARIABLE] = '1';
    expect(nodeAddress(topology, 'peer0.enterprise1')).toBe('10.213.0.23');
    expect(nodeAddress(topology, 'server.enterprise1')).toBe('10.213.0.23');
    expect(nodeAddress(topology, 'orderer2')).toBe('10.213.0.12');
    expect(placement(topology, 'chaincode.auditor')).toEqual({ namespace: 'carbon-auditor' });
    expect(() => hostOfNode(topology, 'peer7.nowhere')).toThrow('no host runs node peer7.nowhere');
  });

  test('multi-host mode needs the subnet; a subnet that is not a /24 is refused with its path', () => {
    const withoutSubnet = { ...topology };
    Reflect.deleteProperty(withoutSubnet, 'multiHost');
    expect(() => consortiumHosts(withoutSubnet)).toThrow('multi-host mode needs multiHost.subnet');
    expect(() => validateTopology({ ...topology, multiHost: { subnet: '10.213.0.0/16' } })).toThrow(
      'topology: multiHost.subnet: must be a /24 such as 10.213.0.0/24',
    );
  });
});
