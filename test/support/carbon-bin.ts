import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { type CliRun, runCarbonProcess } from './carbon-cli';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(REPO_ROOT, 'gateway-client', 'dist', 'cli', 'carbon.js');

/**
 * Builds the gateway client (incremental `tsc -b`) so that {@link carbonBin} runs the current sources. Call it
 * once in `beforeAll`: a suite that spawns dozens of commands then pays ~1 s per process instead of ~3 s of
 * ts-node start-up.
 */
export function buildCarbonBin(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'gateway-client'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the built `carbon` bin (the package's `bin` entry) as a user would: a separate process, real identities. */
export function carbonBin(...args: string[]): Promise<CliRun> {
  return runCarbonProcess([BIN, ...args]);
}
