import { spawn } from 'node:child_process';
import { NetworkError } from './errors';

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Kill the command after this many milliseconds. */
  readonly timeoutMs?: number;
}

export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to completion and returns its output; a non-zero exit is a {@link NetworkError} carrying
 * the last lines the command printed, since Fabric's tools explain their failures there.
 */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new NetworkError(`cannot run ${command}: ${err.message}`, undefined, { cause: err }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve({ stdout, stderr });
        return;
      }
      const tail = lastLines(`${stdout}\n${stderr}`, 6);
      const how = signal ? `was killed (${signal})` : `exited with ${String(code)}`;
      reject(new NetworkError(`${shortName(command)} ${args.slice(0, 3).join(' ')} ${how}: ${tail}`));
    });
  });
}

/**
 * Retries `action` until it succeeds or `timeoutMs` passes; for steps that wait on a node becoming ready.
 * An error for which `isFinal` returns true is thrown at once.
 */
export async function retry<T>(
  action: () => Promise<T>,
  timeoutMs: number,
  intervalMs = 500,
  isFinal: (err: unknown) => boolean = () => false,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await action();
    } catch (err) {
      if (isFinal(err) || Date.now() + intervalMs > deadline) throw err;
      await sleep(intervalMs);
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function lastLines(text: string, count: number): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(-count)
    .join(' | ');
}

function shortName(command: string): string {
  return command.split('/').pop() ?? command;
}
