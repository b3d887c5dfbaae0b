import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ReconcileReport } from '@carbon-ets/gateway-client';
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

/** A place for a reconcile checkpoint that no other test file shares. */
export function freshCheckpointPath(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'reconcile-')), 'checkpoint.json');
}

/** How {@link reconcileAsAuditor} runs. */
export interface AuditorReconcile {
  /** Resume from and save this checkpoint (default: the CLI's own, under the run folder). */
  readonly checkpoint?: string;
  /** Compare with this organisation's peer's world state (default: the auditor's own peer). */
  readonly peer?: string;
  /** Runs the CLI: {@link carbon} by default, `carbonBin` for the built one. */
  readonly run?: (...args: string[]) => Promise<CliRun>;
}

/**
 * `carbon audit reconcile --json` as the auditor (auditor1 of Auditor): the exit code, the parsed report (a run
 * that printed no JSON fails here, with its stderr) and the progress it wrote to stderr.
 */
export async function reconcileAsAuditor({
  checkpoint,
  peer,
  run: runCli = carbon,
}: AuditorReconcile = {}): Promise<{
  readonly code: number;
  readonly report: ReconcileReport;
  readonly stderr: string;
}> {
  const run = await runCli(
    'audit',
    'reconcile',
    '--org',
    'Auditor',
    '--user',
    'auditor1',
    ...(peer === undefined ? [] : ['--peer', peer]),
    '--json',
    ...(checkpoint === undefined ? [] : ['--checkpoint', checkpoint]),
  );
  try {
    return { code: run.code, report: JSON.parse(run.stdout) as ReconcileReport, stderr: run.stderr };
  } catch {
    throw new Error(`carbon audit reconcile printed no report (exit ${run.code}): ${run.stderr.trim()}`);
  }
}
