import { down, Progress } from '@carbon-ets/network';

/** Stops the network only if the tests started it; a network the developer started keeps running. */
export default async function globalTeardown(): Promise<void> {
  if ((globalThis as { carbonNetworkStartedByTests?: boolean }).carbonNetworkStartedByTests) {
    await down({}, new Progress((line) => process.stderr.write(`[network] ${line}\n`)));
  }
}
