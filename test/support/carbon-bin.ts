import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { cliEnvironment, noteCliCommits } from './read-your-writes';
import type { CliRun } from './carbon-cli';

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
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: cliEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      noteCliCommits(stdout + stderr);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
