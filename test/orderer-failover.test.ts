import { peer } from '@hyperledger/fabric-protos';
import {
  connectAs,
  submit,
  waitForBlock,
  type CarbonConnection,
  type FundsBalance,
  type SubmitOutcome,
} from '@carbon-ets/gateway-client';
import {
  isAlive,
  isHealthy,
  isRaftLeader,
  loadTopology,
  ordererProcess,
  readPidFile,
  startNode,
  type OrdererNode,
} from '@carbon-ets/network';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureBaseline } from './support/baseline';
import { participant, type Participant } from './support/participants';
import { holdNodeFaults } from './support/node-faults-lock';
import { waitFor } from './support/wait-for';

const topology = loadTopology();
const IN_FLIGHT = 16;

async function raftLeader(): Promise<OrdererNode | undefined> {
  for (const orderer of topology.ordering.orderers) {
    if (await isRaftLeader(topology.host, orderer.operationsPort, topology.channel)) return orderer;
  }
  return undefined;
}

/** The validation code a peer recorded for a transaction id (from its query system chaincode). */
async function validationCodeOn(connection: CarbonConnection, transactionId: string): Promise<number> {
  const bytes = await connection.network
    .getContract('qscc')
    .evaluateTransaction('GetTransactionByID', connection.settings.channel, transactionId);
  return peer.ProcessedTransaction.deserializeBinary(bytes).getValidationcode();
}

/** The Raft leader orderer is SIGKILLed while transactions are in flight; clients re-send what it lost. */
describe('a Raft leader killed with transactions in flight', () => {
  let regulator: Participant;
  let killed: OrdererNode | undefined;

  let release: (() => void) | undefined;

  beforeAll(async () => {
    release = await holdNodeFaults('orderer-failover');
    regulator = participant('Regulator', 'regulator1');
    await ensureBaseline(regulator);
  });

  afterAll(async () => {
    regulator.connection.close();
    try {
      if (killed) {
        // Bring the orderer back for the suites that follow, and wait until the cluster has a leader again.
        const orderer = killed;
        startNode(ordererProcess(topology, orderer));
        await waitFor(`${orderer.name} healthy`, () => isHealthy(topology.host, orderer.operationsPort));
        await waitFor('a Raft leader', async () => (await raftLeader()) !== undefined);
      }
    } finally {
      release?.();
    }
  });

  test('every transaction reported committed is on every peer, once, and no call outlasts the kill by 10 s', async () => {
    const account = `FAILOVER-${Date.now()}`;
    await regulator.submit('Registry:OpenAccount', { kind: 'trading', id: account, entityId: 'ENT1' });
    const leader = await raftLeader();
    if (!leader) throw new Error('no Raft leader before the test');
    const record = readPidFile(leader.name);
    if (!record || !isAlive(record)) throw new Error(`${leader.name} is not running`);

    // Distinct amounts, so the balance shows which deposits were applied, and how often.
    const amounts = Array.from({ length: IN_FLIGHT }, (_, i) => 1000 + i);
    const finishedAt: number[] = [];
    const calls = amounts.map(async (amount, i) => {
      try {
        return await submit(regulator.connection.contract, 'Funds:Deposit', {
          arguments: [
            JSON.stringify({ accountId: account, amount: String(amount), reference: `failover ${i}` }),
          ],
          requestId: `${account}-${i}`,
          commitWait: regulator.connection.commitWait,
        });
      } finally {
        finishedAt.push(Date.now());
      }
    });
    await sleep(300);
    process.kill(record.pid, 'SIGKILL');
    killed = leader;
    const killedAt = Date.now();
    const outcomes = await Promise.allSettled(calls);

    const committed = outcomes
      .map((o, i) => ({ outcome: o, amount: amounts[i] ?? 0 }))
      .filter(
        (o): o is { outcome: PromiseFulfilledResult<SubmitOutcome>; amount: number } =>
          o.outcome.status === 'fulfilled',
      );
    const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => String(o.reason));
    const resent = committed.filter((c) => c.outcome.value.broadcasts > 1).length;
    const slowest = Math.max(...finishedAt) - killedAt;
    process.stderr.write(
      `[failover] killed ${leader.name}; ${committed.length}/${IN_FLIGHT} committed, ${resent} re-sent, ` +
        `slowest call ended ${(slowest / 1000).toFixed(1)} s after the kill${failures.length ? `; failures: ${failures.join(' | ')}` : ''}\n`,
    );
    expect(slowest).toBeLessThan(10_000);
    expect(committed.length).toBe(IN_FLIGHT);

    // On every peer: each committed transaction is VALID, and the balance holds each deposit exactly once.
    const expected = committed.reduce((sum, c) => sum + c.amount, 0);
    for (const org of topology.organizations) {
      const user = org.users[0]?.name;
      const connection = connectAs({ organization: org.name, ...(user ? { user } : {}) });
      try {
        const lastBlock = committed.reduce(
          (max, c) => (c.outcome.value.blockNumber > max ? c.outcome.value.blockNumber : max),
          0n,
        );
        await waitForBlock(connection, lastBlock);
        for (const c of committed) {
          expect(await validationCodeOn(connection, c.outcome.value.transactionId)).toBe(
            peer.TxValidationCode.VALID,
          );
        }
      } finally {
        connection.close();
      }
    }
    const balance = await regulator.evaluate<FundsBalance>('Funds:GetBalance', account);
    expect(balance.available).toBe(String(expected));
    expect(balance.entries).toHaveLength(committed.length);
  });
});
