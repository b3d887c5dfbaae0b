import { multiHostMode, MULTI_HOST_VARIABLE } from '@carbon-ets/network';
import startNetworkAndServers from '../../support/global-setup';

/**
 * The fault tests fault hosts (namespaces), so they run only in multi-host mode, on the clients' host:
 * `npm run test:faults` creates the hosts, runs them there and removes everything afterwards.
 */
export default async function globalSetup(): Promise<void> {
  if (!multiHostMode()) {
    throw new Error(
      `the fault tests run in multi-host mode only (${MULTI_HOST_VARIABLE}=1 on the clients' host): use npm run test:faults`,
    );
  }
  await startNetworkAndServers();
}
