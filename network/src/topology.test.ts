import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertChaincodeKnowsConsortium } from './chaincode-lifecycle';
import { channelConfig, majorityOfPeers } from './channel-config';
import { composeFile } from './compose';
import { NetworkError } from './errors';
import { REPO_ROOT } from './paths';
import { topologyPorts } from './ports';
import { DEFAULT_TOPOLOGY_FILE, loadTopology, validateTopology, type Topology } from './topology';

const topology = loadTopology();

/** A deep copy of the repository topology with one change applied. */
function variant(
  change: (t: { -readonly [K in keyof Topology]: unknown } & Record<string, unknown>) => void,
): unknown {
  const copy = JSON.parse(JSON.stringify(topology)) as Parameters<typeof change>[0];
  change(copy);
  return copy;
}

describe('network/topology.yaml', () => {
  test('declares 3 Raft orderers and the five peer organisations on loopback', () => {
    expect(topology.host).toBe('127.0.0.1');
    expect(topology.channel).toBe('carbon');
    expect(topology.ordering.orderers.map((o) => o.name)).toEqual(['orderer1', 'orderer2', 'orderer3']);
    expect(topology.organizations.map((o) => o.mspId)).toEqual([
      'RegulatorMSP',
      'VerifierMSP',
      'Enterprise1MSP',
      'Enterprise2MSP',
      'AuditorMSP',
    ]);
  });

  test('gives every listener its own port', () => {
    const ports = topologyPorts(topology).map((p) => p.port);
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports).toHaveLength(2 + 3 * 3 + 5 * 4);
  });

  test('registers every role the chaincode knows, with an entity for enterprise users', () => {
    const users = topology.organizations.flatMap((o) => o.users);
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(['regulator', 'verifier', 'operator', 'trader', 'auditor']),
    );
    for (const user of users.filter((u) => u.role === 'operator' || u.role === 'trader')) {
      expect(user.entity).toMatch(/^ENT\d+$/);
    }
  });
});

describe('validateTopology rejects a bad topology with one clear line', () => {
  test.each([
    [
      'a port used twice',
      variant((t) => {
        (t.organizations as { peer: { port: number } }[])[1]!.peer.port = 7051;
      }),
      /^topology: organizations\[1\]\.peer\.port: port 7051 is already used by Regulator peer$/,
    ],
    [
      'an unknown role',
      variant((t) => {
        (t.organizations as { users: { role: string }[] }[])[0]!.users[0]!.role = 'king';
      }),
      /^topology: organizations\[0\]\.users\[0\]\.role: "king" is not one of regulator, /,
    ],
    [
      'an operator without an entity',
      variant((t) => {
        delete (t.organizations as { users: { entity?: string }[] }[])[2]!.users[0]!.entity;
      }),
      /^topology: organizations\[2\]\.users\[0\]\.entity: an operator needs an entity$/,
    ],
    [
      'an invalid channel name',
      variant((t) => {
        t.channel = 'Carbon Channel';
      }),
      /not a valid Fabric channel id/,
    ],
    [
      'no orderers',
      variant((t) => {
        (t.ordering as { orderers: unknown[] }).orderers = [];
      }),
      /^topology: ordering\.orderers: must list at least one orderer$/,
    ],
    ['not a mapping', ['a list'], /^topology: must be a mapping$/],
    [
      'a bad nested field, named by its path',
      variant((t) => {
        (t.organizations as { peer: { port: number } }[])[2]!.peer.port = 80;
      }),
      /^topology: organizations\[2\]\.peer\.port: must be an integer in 1024\.\.65535$/,
    ],
    [
      'a port that is not a number',
      variant((t) => {
        (t.ca as { port: unknown }).port = '7054';
      }),
      /^topology: ca\.port: must be an integer in 1024\.\.65535$/,
    ],
    [
      'an unknown key (a misspelt setting is never ignored)',
      variant((t) => {
        (t.organizations as { peer: Record<string, unknown> }[])[0]!.peer.prot = 7051;
      }),
      /^topology: organizations\[0\]\.peer\.prot: unknown key$/,
    ],
    [
      'an unknown top-level section',
      variant((t) => {
        t.orderers = [];
      }),
      /^topology: orderers: unknown key$/,
    ],
    [
      'a missing field',
      variant((t) => {
        delete (t.ordering as { raft: { electionTick?: number } }).raft.electionTick;
      }),
      /^topology: ordering\.raft\.electionTick: is required$/,
    ],
    [
      'a duration without a unit',
      variant((t) => {
        (t.ordering as { batchTimeout: string }).batchTimeout = '500';
      }),
      /^topology: ordering\.batchTimeout: must be a duration such as 500ms or 2s$/,
    ],
    [
      'an MSP id used twice',
      variant((t) => {
        (t.organizations as { mspId: string }[])[4]!.mspId = 'VerifierMSP';
      }),
      /^topology: organizations\[4\]\.mspId: duplicate MSP id VerifierMSP$/,
    ],
    [
      'an organisation name used twice',
      variant((t) => {
        (t.organizations as { name: string }[])[3]!.name = 'ENTERPRISE1';
      }),
      /^topology: organizations\[3\]\.name: duplicate organisation name ENTERPRISE1$/,
    ],
  ])('%s', (_what, input, message) => {
    expect(() => validateTopology(input)).toThrow(NetworkError);
    expect(() => validateTopology(input)).toThrow(message);
  });
});

describe('derived configuration', () => {
  test('the channel has every orderer as a Raft consenter and every peer org with its anchor peer', () => {
    const profile = (
      channelConfig(topology).Profiles as Record<string, Record<string, Record<string, unknown>>>
    ).CarbonChannel!;
    const consenters = (profile.Orderer!.EtcdRaft as { Consenters: { Port: number }[] }).Consenters;
    expect(consenters.map((c) => c.Port)).toEqual([7050, 8050, 9050]);
    const orgs = profile.Application!.Organizations as { ID: string; AnchorPeers: { Port: number }[] }[];
    expect(orgs.map((o) => [o.ID, o.AnchorPeers[0]?.Port])).toEqual(
      topology.organizations.map((o) => [o.mspId, o.peer.port]),
    );
    expect(profile.Application!.Policies).toMatchObject({
      Endorsement: {
        Type: 'Signature',
        Rule: "OutOf(3, 'RegulatorMSP.peer', 'VerifierMSP.peer', 'Enterprise1MSP.peer', 'Enterprise2MSP.peer', 'AuditorMSP.peer')",
      },
      LifecycleEndorsement: { Type: 'ImplicitMeta', Rule: 'MAJORITY Endorsement' },
    });
  });

  test.each([
    [1, 'OutOf(1, '],
    [2, 'OutOf(2, '],
    [4, 'OutOf(3, '],
    [6, 'OutOf(4, '],
  ])('a majority of %i organisations’ peers is %s…', (count, prefix) => {
    const organizations = Array.from({ length: count }, (_, i) => ({
      ...topology.organizations[0]!,
      mspId: `Org${i}MSP`,
    }));
    const rule = majorityOfPeers({ ...topology, organizations });
    expect(rule.startsWith(prefix)).toBe(true);
    expect(rule.match(/\.peer'/g)).toHaveLength(count);
  });

  test("the chaincode's consortium is the topology's organisations; another is refused before deployment", () => {
    expect(() => {
      assertChaincodeKnowsConsortium(topology);
    }).not.toThrow();
    const organizations = topology.organizations.map((org, i) =>
      i === 0 ? { ...org, mspId: 'NewcomerMSP' } : org,
    );
    expect(() => {
      assertChaincodeKnowsConsortium({ ...topology, organizations });
    }).toThrow(/not the chaincode's consortium/);
  });

  test('docker-compose.yaml is the one generated from the topology (run `npm run compose` after a change)', () => {
    const committed = readFileSync(path.join(REPO_ROOT, 'docker-compose.yaml'), 'utf8');
    expect(committed).toBe(composeFile(topology));
  });

  test('docker-compose.yaml has one service per node, on the topology ports', () => {
    const compose = composeFile(topology);
    for (const org of topology.organizations) {
      expect(compose).toContain(`CORE_PEER_LISTENADDRESS: 127.0.0.1:${org.peer.port}`);
    }
    for (const orderer of topology.ordering.orderers) {
      expect(compose).toContain(`ORDERER_GENERAL_LISTENPORT: "${orderer.port}"`);
    }
  });
});

describe('loadTopology', () => {
  test('names the file it read in the error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'topology-'));
    const file = path.join(dir, 'topology.yaml');
    const yaml = readFileSync(DEFAULT_TOPOLOGY_FILE, 'utf8').replace('port: 7054', 'port: 99999');
    writeFileSync(file, yaml);
    try {
      expect(() => loadTopology(file)).toThrow(
        /topology\.yaml: ca\.port: must be an integer in 1024\.\.65535$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
