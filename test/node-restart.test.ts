import {
  blockHeight,
  isAlive,
  isRaftLeader,
  listPidFiles,
  loadTopology,
  Progress,
  readPidFile,
  resolveNode,
  restartNode,
  up,
} from '@carbon-ets/network';
import type { FundsBalance } from '@carbon-ets/gateway-client';
import { ensureBaseline } from './support/baseline';
import { participant, type Participant } from './support/participants';
import { holdNodeFaults } from './support/node-faults-lock';
import { waitFor } from './support/wait-for';

const topology = loadTopology();
const progress = new Progress((line) => process.stderr.write(`[node-restart] ${line}\n`));

/** The pid of every live recorded process (network nodes and member servers), by name. */
function livePids(): Map<string, number> {
  return new Map(
    listPidFiles()
      .filter(isAlive)
      .map((record) => [record.name, record.pid]),
  );
}

async function peerHeights(): Promise<number[]> {
  return Promise.all(topology.organizations.map((org) => blockHeight(topology, org)));
}

async function raftLeader(): Promise<string | undefined> {
  for (const orderer of topology.ordering.orderers) {
    if (await isRaftLeader(topology.host, orderer.operationsPort, topology.channel)) return orderer.name;
  }
  return undefined;
}

/** One node at a time: `network:up` after a crash starts only what is down; `network:restart` one node. */
describe('restarting one node of the running network', () => {
  let regulator: Participant;
  const account = `RESTART-${Date.now()}`;
  let deposited = 0;
  let release: (() => void) | undefined;

  beforeAll(async () => {
    release = await holdNodeFaults('node-restart');
    regulator = participant('Regulator', 'regulator1');
    await ensureBaseline(regulator);
    await regulator.submit('Registry:OpenAccount', { kind: 'trading', id: account, entityId: 'ENT1' });
  });

  afterAll(() => {
    regulator.connection.close();
    release?.();
  });

  async function deposit(amount: number, reference: string): Promise<void> {
    await regulator.submit('Funds:Deposit', { accountId: account, amount: String(amount), reference });
    deposited += amount;
  }

  test('network:up after a peer is SIGKILLed restarts that peer alone; the heights converge', async () => {
    const victim = resolveNode(topology, 'peer0.enterprise1');
    const before = livePids();
    const record = readPidFile(victim.name);
    if (!record || !isAlive(record)) throw new Error(`${victim.name} is not running`);

    process.kill(record.pid, 'SIGKILL');
    await waitFor(`${victim.name} to die`, () => Promise.resolve(!isAlive(record)));
    // The ledger moves on while the peer is down (four of five organisations endorse), so it must catch up.
    await deposit(1001, 'while peer0.enterprise1 is down');

    const result = await up(progress);
    expect(result.alreadyRunning).toBe(false);

    const after = livePids();
    const restarted = after.get(victim.name);
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(record.pid);
    for (const [name, pid] of before) {
      if (name !== victim.name) expect({ name, pid: after.get(name) }).toEqual({ name, pid });
    }

    // `up` returned once every peer serves at one height; it stays so, and a new block reaches all five.
    const heights = await peerHeights();
    expect(new Set(heights).size).toBe(1);
    await deposit(1002, 'after the peer came back');
    const target = Math.max(...heights) + 1;
    await waitFor('every peer at the new height', async () =>
      (await peerHeights()).every((h) => h >= target),
    );
    expect(new Set(await peerHeights()).size).toBe(1);

    // A second `up` finds nothing to do.
    expect((await up(progress)).alreadyRunning).toBe(true);
    expect(livePids()).toEqual(after);
  });

  test('network:restart of the Raft leader: only it gets a new pid, a leader exists, a transaction commits', async () => {
    const leader = await raftLeader();
    if (!leader) throw new Error('no Raft leader before the test');
    const before = livePids();

    const result = await restartNode(leader, progress);
    expect(result.node).toBe(leader);
    expect(result.stoppedPid).toBe(before.get(leader));
    expect(result.startedPid).not.toBe(result.stoppedPid);

    const after = livePids();
    expect(after.get(leader)).toBe(result.startedPid);
    for (const [name, pid] of before) {
      if (name !== leader) expect({ name, pid: after.get(name) }).toEqual({ name, pid });
    }
    expect(await raftLeader()).toBeDefined();

    await deposit(1003, `after restarting ${leader}`);
    const balance = await regulator.evaluate<FundsBalance>('Funds:GetBalance', account);
    expect(balance.available).toBe(String(deposited));
  });

  test('an unknown node name is refused with the list of valid names, and nothing is stopped', async () => {
    const before = livePids();
    await expect(restartNode('peer7.nowhere', progress)).rejects.toThrow('unknown node "peer7.nowhere"');
    expect(livePids()).toEqual(before);
  });
});
