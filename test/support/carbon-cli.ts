import { spawn } from 'node:child_process';
import path from 'node:path';
import { cliEnvironment, noteCliCommits } from './read-your-writes';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO_ROOT, 'gateway-client', 'src', 'cli', 'carbon.ts');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `carbon` as a user would: a separate process, real identities, real network. */
export function carbon(...args: string[]): Promise<CliRun> {
  return runCarbonProcess([require.resolve('ts-node/dist/bin.js'), '--transpile-only', CLI, ...args]);
}

/**
 * Runs Node with `nodeArgs` (a `carbon` entry point and its arguments) from the repository root; its reads wait
 * for this test file's writes, and the blocks its writes commit in are noted.
 */
export function runCarbonProcess(nodeArgs: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, {
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
