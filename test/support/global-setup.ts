import { down, Progress, up } from '@carbon-ets/network';
import { startServers } from '@carbon-ets/server';

/**
 * Integration tests run against the real network and its five member servers: reuse running ones, or bring
 * them up (building Fabric first on a fresh machine) and remember to stop them afterwards.
 */
export default async function globalSetup(): Promise<void> {
  const progress = new Progress((line) => process.stderr.write(`[network] ${line}\n`));
  let result;
  try {
    result = await up(progress);
    // The member servers in front of the peers (REST, read model, market operator), stopped by `down`.
    await startServers(progress);
  } catch (err) {
    // Leave nothing half-started behind: stop whatever this attempt launched.
    await down({}, progress);
    throw err;
  }
  (globalThis as { carbonNetworkStartedByTests?: boolean }).carbonNetworkStartedByTests =
    !result.alreadyRunning;
}
