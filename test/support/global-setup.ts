import { down, Progress, up } from '@carbon-ets/network';

/**
 * Integration tests run against the real network: reuse a running one, or bring one up (building Fabric
 * first on a fresh machine) and remember to stop it afterwards.
 */
export default async function globalSetup(): Promise<void> {
  const progress = new Progress((line) => process.stderr.write(`[network] ${line}\n`));
  let result;
  try {
    result = await up(progress);
  } catch (err) {
    // Leave nothing half-started behind: stop whatever this attempt launched.
    await down({}, progress);
    throw err;
  }
  (globalThis as { carbonNetworkStartedByTests?: boolean }).carbonNetworkStartedByTests =
    !result.alreadyRunning;
}
