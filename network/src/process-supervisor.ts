import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { sleep } from './exec';
import { runPaths } from './paths';

/** A long-running node process (CA, orderer, peer, chaincode server) that we start and own. */
export interface NodeProcess {
  /** Unique name; also names the log file and the pid file. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Multi-host mode: the network namespace (the host) it runs in; `ip netns exec` keeps the pid. */
  readonly namespace?: string;
}

/**
 * Starts the process detached from this one (it outlives `network:up`), with stdout and stderr appended to
 * `logs/<name>.log`, and records its pid in `pids/<name>.pid`. Returns the pid.
 */
export function startNode(node: NodeProcess): number {
  mkdirSync(runPaths.logs, { recursive: true });
  mkdirSync(runPaths.pids, { recursive: true });
  const log = openSync(runPaths.log(node.name), 'a');
  try {
    // `ip netns exec` enters the namespace and execs the command in place: the pid recorded is the node's.
    const [command, args] = node.namespace
      ? ['ip', ['netns', 'exec', node.namespace, node.command, ...node.args]]
      : [node.command, node.args];
    const child = spawn(command, args, {
      env: node.env,
      cwd: node.cwd,
      detached: true,
      stdio: ['ignore', log, log],
    });
    if (child.pid === undefined) throw new Error(`could not start ${node.name} (${node.command})`);
    child.unref();
    writeFileSync(runPaths.pid(node.name), `${child.pid}\n${node.command}\n`);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/** A pid file's content: the pid and the command it was started with (to detect a reused pid). */
export interface PidRecord {
  readonly name: string;
  readonly pid: number;
  readonly command: string;
}

export function readPidFile(name: string): PidRecord | undefined {
  const file = runPaths.pid(name);
  if (!existsSync(file)) return undefined;
  const [pidText, command] = readFileSync(file, 'utf8').split('\n');
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || !command) return undefined;
  return { name, pid, command };
}

/** Every pid file in the run folder. */
export function listPidFiles(): PidRecord[] {
  if (!existsSync(runPaths.pids)) return [];
  return readdirSync(runPaths.pids)
    .filter((file) => file.endsWith('.pid'))
    .map((file) => readPidFile(path.basename(file, '.pid')))
    .filter((record): record is PidRecord => record !== undefined);
}

/** True if the recorded process is alive and still runs the command we started (not a reused pid). */
export function isAlive(record: PidRecord): boolean {
  try {
    process.kill(record.pid, 0);
  } catch {
    return false;
  }
  try {
    const text = readFileSync(`/proc/${record.pid}/cmdline`, 'utf8');
    // Empty while the process execs (`ip netns exec` execs the node after entering its namespace), and for a
    // zombie: the state field of /proc/<pid>/stat tells the two apart.
    if (text === '') return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${record.pid}/stat`, 'utf8'));
    const cmdline = text.split('\0');
    return cmdline.some(
      (part) => part === record.command || part.endsWith(`/${path.basename(record.command)}`),
    );
  } catch {
    return false;
  }
}

/**
 * Stops one recorded process: SIGTERM, then SIGKILL after `graceMs`. Only the pid we recorded is
 * signalled, never a process found by name. Removes the pid file.
 */
export async function stopNode(record: PidRecord, graceMs = 10_000): Promise<boolean> {
  let stopped = false;
  if (isAlive(record)) {
    process.kill(record.pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(record) && Date.now() < deadline) await sleep(100);
    if (isAlive(record)) process.kill(record.pid, 'SIGKILL');
    while (isAlive(record)) await sleep(50);
    stopped = true;
  }
  rmSync(runPaths.pid(record.name), { force: true });
  return stopped;
}

/**
 * The command line, environment and working folder of a live process as /proc shows them (NUL-separated
 * `cmdline` and `environ`), as a {@link NodeProcess} that starts the same program again. The first word of the
 * command line is replaced by the pid file's command, which is what was spawned.
 */
export function processFromProc(
  record: PidRecord,
  cmdline: string,
  environ: string,
  cwd: string | undefined,
): NodeProcess {
  const words = cmdline.split('\0');
  if (words.at(-1) === '') words.pop();
  const env: NodeJS.ProcessEnv = {};
  for (const entry of environ.split('\0')) {
    const at = entry.indexOf('=');
    if (at > 0) env[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return { name: record.name, command: record.command, args: words.slice(1), env, ...(cwd ? { cwd } : {}) };
}

/**
 * How to start a live recorded process again exactly as it runs now (for processes whose command line only
 * their starter knows, such as the member servers); undefined when it is not running.
 */
export function liveProcessOf(record: PidRecord): NodeProcess | undefined {
  if (!isAlive(record)) return undefined;
  try {
    const proc = `/proc/${record.pid}`;
    return processFromProc(
      record,
      readFileSync(`${proc}/cmdline`, 'utf8'),
      readFileSync(`${proc}/environ`, 'utf8'),
      readlinkSync(`${proc}/cwd`),
    );
  } catch {
    return undefined;
  }
}
