import { generateKeyPairSync, sign } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { percentile } from './load-driver';

/**
 * This shared 2-core machine changes speed by up to 3× within a session (BENCHMARKS.md, "Now"), so a bench report
 * says how fast the machine was: the time a fixed piece of work takes on one core, measured while the network is
 * idle, before the workloads and after them. A slower machine takes longer; compare runs only where these agree.
 */
export interface MachineSpeed {
  /** Median (nearest rank) milliseconds of the reference work (see {@link measureMachineSpeed}). */
  readonly medianMs: number;
  /** Fastest and slowest of the repetitions: a wide spread means something else was running. */
  readonly minMs: number;
  readonly maxMs: number;
}

const SIGNATURES = 200;
const JSON_ROUND_TRIPS = 100;
const REPETITIONS = 5;

/**
 * Times the reference work {@link REPETITIONS} times: the kinds of work a transaction costs everywhere on the
 * network — ECDSA P-256 signatures on OpenSSL (endorsements, client signatures) and JSON of a ledger-sized object
 * in JavaScript (chaincode, member servers).
 */
export function measureMachineSpeed(): MachineSpeed {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const document = Array.from({ length: 500 }, (_, i) => ({
    id: `lot-${i}`,
    accountId: `ACC-${i % 32}`,
    quantity: i * 7,
    serialStart: i * 1_000,
  }));
  const times: number[] = [];
  for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
    const started = performance.now();
    for (let i = 0; i < SIGNATURES; i += 1) {
      sign('sha256', Buffer.from(`reference ${repetition}.${i}`), privateKey);
    }
    for (let i = 0; i < JSON_ROUND_TRIPS; i += 1) {
      JSON.parse(JSON.stringify(document));
    }
    times.push(performance.now() - started);
  }
  return summarise(times);
}

/** Median (nearest rank, like every p50 of the bench), minimum and maximum of repetition times. */
export function summarise(times: readonly number[]): MachineSpeed {
  if (times.length === 0) {
    throw new Error('machine speed: no repetition was timed');
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { medianMs: percentile(sorted, 0.5), minMs: percentile(sorted, 0), maxMs: percentile(sorted, 1) };
}

/** The report line: the reference work before and after the measurements. */
export function machineSpeedLine(before: MachineSpeed, after: MachineSpeed): string {
  const one = (speed: MachineSpeed): string =>
    `${speed.medianMs.toFixed(0)} ms (${speed.minMs.toFixed(0)}–${speed.maxMs.toFixed(0)})`;
  return (
    `- machine speed: reference work (${SIGNATURES} P-256 signatures, ${JSON_ROUND_TRIPS} JSON round trips of 500 lots, ` +
    `median of ${REPETITIONS}) ${one(before)} before, ${one(after)} after — longer is slower; compare runs only where these agree`
  );
}

/** The report's two lines on the machine: what it is, and how fast it was before and after the measurements. */
export function machineLines(before: MachineSpeed, after: MachineSpeed): string[] {
  return [
    `- machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    machineSpeedLine(before, after),
  ];
}
