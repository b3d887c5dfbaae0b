import type { TrustedAccountList } from '@carbon-ets/contract';
import { consortiumHosts, setHostLink, waitUntilServing } from '@carbon-ets/network';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { participant, type Participant } from '../support/participants';
import { expectConsistentAfter, peerHeights, samePeerHeight } from './support/consistency';
import { startDepositLoad } from './support/deposit-load';
import { loadScenario, recordingProgress, report, topology } from './support/scenario';

const CUT_OFF = 'enterprise2';
const CUT_SECONDS = 30;
/**
 * A request on a host cut off from the consortium must fail within this, not hang: the peer's Gateway gives up
 * an endorsement after 10 s (CORE_PEER_GATEWAY_ENDORSEMENTTIMEOUT) and tries one other plan (20 s at most), plus
 * the CLI's start on a busy machine; once gossip counts the other peers dead (about 25 s) it refuses at once.
 */
const FAIL_FAST_MS = 25_000;
/** Attempts start while the link is down and end before it comes back (an attempt lasts < FAIL_FAST_MS). */
const LAST_ATTEMPT_START_S = CUT_SECONDS - FAIL_FAST_MS / 1000;
const CARBON = path.resolve(__dirname, '..', '..', 'gateway-client', 'dist', 'cli', 'carbon.js');

interface HostRun {
  readonly code: number;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs `carbon` on a host, as that organisation's user at their desk would: its own namespace, its own peer. */
function carbonOnHost(namespace: string, args: readonly string[]): Promise<HostRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, CARBON, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      // The test's environment names the multi-host network's connection settings.
      env: { ...process.env, DEBUG: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? -1, stderr, ms: Date.now() - started });
    });
  });
}

/**
 * Enterprise2's host loses its link for 30 s while the regulator's deposits flow: its trader's requests fail
 * fast with a clear error; healed, its peer catches up and the same request succeeds.
 */
describe('multi-host: an enterprise cut off from the consortium for 30 s', () => {
  const host = consortiumHosts(topology).find((h) => h.name === CUT_OFF);
  if (!host) throw new Error(`no host ${CUT_OFF}`);
  // Hooks run in the order declared: the link comes back before the scenario's afterAll stops the load.
  afterAll(() => setHostLink(host, 'up'));
  const scenario = loadScenario('CUTOFF');
  let trader2: Participant;
  let ownAccount = '';

  beforeAll(async () => {
    ownAccount = `CUTOFF-ENT2-${Date.now()}`;
    await scenario.regulator.submit('Registry:OpenAccount', {
      kind: 'trading',
      id: ownAccount,
      entityId: 'ENT2',
    });
    trader2 = participant('Enterprise2', 'trader2');
  });
  afterAll(() => {
    trader2.connection.close();
  });

  /** Enterprise2's trader, on its own host, adds a trusted account: a write every organisation endorses. */
  const traderAddsTrustedAccount = () =>
    carbonOnHost(host.namespace, [
      'invoke',
      '--org',
      'Enterprise2',
      '--user',
      'trader2',
      'Approval:AddTrustedAccount',
      JSON.stringify({ accountId: ownAccount, trustedAccountId: scenario.accountId, delaySeconds: 60 }),
    ]);

  test('its users fail fast while cut off; healed, its peer catches up and reconcile is clean', async () => {
    const { regulator, accountId } = scenario;
    const load = startDepositLoad(regulator, accountId);
    await sleep(4_000);
    await setHostLink(host, 'down');
    const cutAt = Date.now();

    // The trader on Enterprise2's host adds a trusted account: endorsement needs other organisations' peers.
    const attempts: HostRun[] = [];
    do {
      attempts.push(await traderAddsTrustedAccount());
    } while (Date.now() - cutAt < LAST_ATTEMPT_START_S * 1000);
    const whileCut = await peerHeights();
    await sleep(Math.max(0, CUT_SECONDS * 1000 - (Date.now() - cutAt)));
    await setHostLink(host, 'up');
    const healedAt = Date.now();

    report('org-cut-off', {
      attempts: attempts.map((a) => ({ code: a.code, ms: a.ms, error: a.stderr.trim().split('\n').at(-1) })),
    });
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    for (const attempt of attempts) {
      expect(attempt.code).not.toBe(0);
      expect(attempt.ms).toBeLessThan(FAIL_FAST_MS);
      // One clear line, no stack trace.
      expect(attempt.stderr).not.toMatch(/\n\s+at /);
      expect(attempt.stderr.trim().split('\n')).toHaveLength(1);
      expect(attempt.stderr).toContain(
        "other organisations' peers did not answer your organisation's peer in time",
      );
    }
    // Nothing the trader asked for was applied.
    const beforeHeal = await regulator.evaluate<TrustedAccountList>(
      'Approval:GetTrustedAccounts',
      ownAccount,
    );
    expect(beforeHeal.accounts).toEqual([]);
    // While cut off, the rest of the consortium went on without Enterprise2's peer.
    const others = [...whileCut].filter(([org]) => org !== 'Enterprise2').map(([, h]) => h ?? 0);
    const cutHeight = whileCut.get('Enterprise2');

    await sleep(3_000);
    const result = await load.stop();
    const height = await samePeerHeight(Math.max(...others));
    report('org-cut-off', {
      cutOffPeerHeightWhileCut: cutHeight,
      othersWhileCut: others,
      caughtUpToHeight: height,
      caughtUpSeconds: (Date.now() - healedAt) / 1000,
      committed: result.committed.length,
      retried: result.retried,
      failed: result.failed.map((f) => f.error),
    });
    expect(result.failed).toEqual([]);

    // Healed: once every peer's discovery sees every organisation again (the readiness network:up waits for;
    // Enterprise2's gossip dropped the others while cut off), the same request from the same host commits.
    await waitUntilServing(topology, recordingProgress('org-cut-off').progress);
    report('org-cut-off', { servingAgainSeconds: (Date.now() - healedAt) / 1000 });
    const healed = await traderAddsTrustedAccount();
    expect(healed.code).toBe(0);
    expect(healed.stderr).toMatch(/^committed [0-9a-f]{64} in block \d+\n$/);
    const afterHeal = await trader2.evaluate<TrustedAccountList>('Approval:GetTrustedAccounts', ownAccount);
    expect(afterHeal.accounts.map((a) => a.accountId)).toEqual([accountId]);
    await expectConsistentAfter(regulator, accountId, result, 'Enterprise2');
  }, 300_000);
});
