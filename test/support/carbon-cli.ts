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
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [require.resolve('ts-node/dist/bin.js'), '--transpile-only', CLI, ...args],
      {
        cwd: REPO_ROOT,
        env: cliEnvironment(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
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
