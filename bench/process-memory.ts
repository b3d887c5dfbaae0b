import { readFileSync } from 'node:fs';
import { isAlive, listPidFiles } from '@carbon-ets/network';

/** Resident memory (VmRSS) of every process the network runs, in MiB, from the pid files. */
export function networkMemory(): { name: string; pid: number; rssMiB: number }[] {
  return listPidFiles()
    .filter(isAlive)
    .map((record) => {
      const status = readFileSync(`/proc/${record.pid}/status`, 'utf8');
      const kib = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
      return { name: record.name, pid: record.pid, rssMiB: kib / 1024 };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
