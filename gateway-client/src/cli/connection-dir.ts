import { runFolderName } from '@carbon-ets/contract';
import path from 'node:path';
import { CONNECTION_DIR_VARIABLE } from '../connection-settings';

/**
 * The default folder of connection settings for the `carbon` CLI and the demo: `<cwd>/network/run/connection`
 * (`network/run-hosts/connection` in multi-host mode),
 * where `npm run network:up` writes them when run from the repository root. Applied to the environment
 * variable (when unset) at start, so every command, and every process it starts, reads the same folder; the
 * library itself never guesses one.
 */
export function useDefaultConnectionDir(): void {
  process.env[CONNECTION_DIR_VARIABLE] ??= path.resolve('network', runFolderName(), 'connection');
}
