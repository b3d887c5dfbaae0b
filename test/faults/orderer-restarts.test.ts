import { ordererHeight, restartNode, type OrdererNode } from '@carbon-ets/network';
import { expectConsistentAfter } from './support/consistency';
import { waitFor } from '../support/wait-for';
import { startDepositLoad } from './support/deposit-load';
import { loadScenario, raftLeader, recordingProgress, report, topology } from './support/scenario';

const RESTARTS = 10;

const others = (orderer: OrdererNode): OrdererNode[] =>
  topology.ordering.orderers.filter((o) => o.name !== orderer.name);

/**
 * Each orderer is restarted ten times in a row while deposits flow. The Fabric build pinned here has stalled a
 * Raft log replay after a restart (no leader until the orderers restart again); `restartNode` would mend that
 * by restarting all orderers, which this test counts as a failure: every restart must find a leader by itself.
 */
describe('multi-host: every orderer restarted ten times in a row under load', () => {
  const scenario = loadScenario('ORDRESTART');

  test('no restart stalls Raft; every committed deposit is on every peer once, reconcile is clean', async () => {
    const { regulator, accountId } = scenario;
    const load = startDepositLoad(regulator, accountId, 4);
    const { progress, lines } = recordingProgress('orderer-restarts');
    const seconds: Record<string, number[]> = {};
    for (const orderer of topology.ordering.orderers) {
      for (let i = 0; i < RESTARTS; i++) {
        const before = Math.max(
          ...(await Promise.all(others(orderer).map((o) => ordererHeight(topology, o).catch(() => 0)))),
        );
        const restartedAt = Date.now();
        await restartNode(orderer.name, progress, topology);
        // The restarted orderer itself must replay its log and follow the leader: it reaches a block the
        // cluster cut after it came back (deposits keep flowing), within 30 s.
        await waitFor(
          `${orderer.name} (restart ${i + 1}) past height ${before}`,
          async () => (await ordererHeight(topology, orderer).catch(() => 0)) > before,
          30_000,
        );
        (seconds[orderer.name] ??= []).push(Number(((Date.now() - restartedAt) / 1000).toFixed(1)));
        await waitFor('a Raft leader', async () => (await raftLeader()) !== undefined, 30_000);
      }
    }
    const result = await load.stop();
    const stalls = lines.filter((line) => line.includes('no Raft leader after')).length;
    report('orderer-restarts', {
      secondsToCaughtUp: seconds,
      stalls,
      committed: result.committed.length,
      retried: result.retried,
      failed: result.failed.map((f) => f.error),
      depositsPerSecond: Number(result.throughput.toFixed(1)),
    });
    expect(stalls).toBe(0);
    expect(result.failed).toEqual([]);
    await expectConsistentAfter(regulator, accountId, result, 'Regulator');
  }, 300_000);
});
