import { readPidFile, up } from '@carbon-ets/network';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectConsistentAfter, peerHeights } from './support/consistency';
import { startDepositLoad } from './support/deposit-load';
import { loadScenario, recordingProgress, report } from './support/scenario';

const KILLED = 'peer0.enterprise2';

/** SIGKILL an enterprise's peer while deposits flow through the regulator's; it comes back and catches up. */
describe('multi-host: a peer killed under load', () => {
  const scenario = loadScenario('PEERKILL');

  test('the others go on; restarted, the peer catches up with every committed deposit, reconcile clean', async () => {
    const { regulator, accountId } = scenario;
    const record = readPidFile(KILLED);
    if (!record) throw new Error(`${KILLED} has no pid file`);
    const load = startDepositLoad(regulator, accountId);
    await sleep(4_000);
    process.kill(record.pid, 'SIGKILL');
    await sleep(12_000);
    const whileDown = await peerHeights();
    expect(whileDown.get('Enterprise2')).toBeUndefined();

    const { progress, lines } = recordingProgress('peer-kill');
    await up(progress);
    expect(lines.join('\n')).toContain('started 1, kept');
    await sleep(3_000);
    const result = await load.stop();
    report('peer-kill', {
      committed: result.committed.length,
      retried: result.retried,
      failed: result.failed.map((f) => f.error),
      depositsPerSecond: Number(result.throughput.toFixed(1)),
    });

    expect(result.failed).toEqual([]);
    expect(result.committed.length).toBeGreaterThan(20);
    await expectConsistentAfter(regulator, accountId, result, 'Enterprise2');
  }, 300_000);
});
