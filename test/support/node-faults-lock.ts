import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive, runPaths } from '@carbon-ets/network';

/** Held by the one test file at a time that stops, kills or restarts nodes of the shared network. */
const LOCK = path.join(runPaths.root, 'test-node-faults.lock');
/** A lock whose owner never wrote its pid this long after taking it is left over from a crash. */
const UNCLAIMED_MS = 30_000;

/** Whether the lock is left over: its owner process is gone (or never said who it was). */
function stale(): boolean {
  try {
    const owner = Number(readFileSync(path.join(LOCK, 'owner'), 'utf8').split(' ')[0]);
    // Every test worker runs this Node binary: a pid reused by another program does not hold the lock.
    return !isAlive({ name: 'test worker', pid: owner, command: process.execPath });
  } catch {
    try {
      return Date.now() - statSync(LOCK).mtimeMs > UNCLAIMED_MS;
    } catch {
      return false;
    }
  }
}

/**
 * Waits until no other test file is faulting nodes, then holds the lock (a directory: mkdir is atomic) until the
 * returned release is called. Test files run in parallel workers: `network:up` in one (it starts whatever is
 * down) would otherwise restart a peer another has stopped on purpose, and both tests would fail.
 */
export async function holdNodeFaults(testFile: string): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'owner'), `${process.pid} ${testFile}`);
      return () => {
        rmSync(LOCK, { recursive: true, force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (stale()) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
