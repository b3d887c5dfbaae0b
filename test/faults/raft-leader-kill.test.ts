import { readPidFile, up } from '@carbon-ets/network';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectConsistentAfter } from './support/consistency';
import { waitFor } from '../support/wait-for';
import { startDepositLoad } from './support/deposit-load';
import { loadScenario, raftLeader, recordingProgress, report } from './support/scenario';

/** SIGKILL the Raft leader (on its own host) while deposits flow; `network:up` brings it back. */
describe('multi-host: the Raft leader killed under load', () => {
  const scenario = loadScenario('LEADERKILL');

  test('a new leader takes over, every committed deposit is on every peer once, reconcile is clean', async () => {
    const { regulator, accountId } = scenario;
    const leader = await raftLeader();
    if (!leader) throw new Error('no Raft leader before the test');
    const record = readPidFile(leader.name);
    if (!record) throw new Error(`${leader.name} has no pid file`);

    const load = startDepositLoad(regulator, accountId);
    await sleep(5_000);
    process.kill(record.pid, 'SIGKILL');
    const killedAt = Date.now();
    await waitFor('a new Raft leader', async () => {
      const now = await raftLeader();
      return now !== undefined && now.name !== leader.name;
    });
    const electedAfter = (Date.now() - killedAt) / 1000;
    await sleep(8_000);

    // `network:up` after a crash restarts only what is down: here the killed orderer.
    const { progress, lines } = recordingProgress('leader-kill');
    await up(progress);
    expect(lines.join('\n')).toContain('started 1, kept');
    await sleep(3_000);
    const result = await load.stop();
    report('leader-kill', {
      killed: leader.name,
      electedAfterSeconds: electedAfter,
      committed: result.committed.length,
      retried: result.retried,
      failed: result.failed.map((f) => f.error),
      depositsPerSecond: Number(result.throughput.toFixed(1)),
    });

    expect(result.failed).toEqual([]);
    expect(result.committed.length).toBeGreaterThan(20);
    await expectConsistentAfter(regulator, accountId, result, 'Regulator');
  }, 300_000);
});
