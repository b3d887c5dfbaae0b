/**
 * Where a committed transaction's CPU goes, per workload:
 * `npx ts-node bench/cpu-per-transaction.ts [--in-flight 32] [--seconds 20]` on a running network.
 *
 * For each of the benchmark's workloads (the blind-write ceiling, transfers, order placement, report
 * corrections) it keeps `in-flight` transactions going for `seconds`, and reads the CPU time (user + system,
 * `/proc/<pid>/stat`) of every process the network runs (by its pid file) and of this client before and after.
 * It prints milliseconds of CPU per committed transaction by kind of process, so the difference between a
 * workload and the ceiling shows which processes pay for it. Results: stdout and bench/results/.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CONNECTION_DIR_VARIABLE } from '@carbon-ets/gateway-client';
import { isAlive, listPidFiles, runPaths } from '@carbon-ets/network';
import { connectionAt, connectionsFor, prepareBenchLedger, type BenchLedger } from './bench-ledger';
import { drive } from './load-driver';
import { machineLines, measureMachineSpeed } from './machine-speed';
import { publishReport } from './publish-report';
import { clearManually } from '../test/support/member-servers';
import { heartbeat, orderPlacement, reportCorrection, transferDistinct, type Workload } from './workloads';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Kinds of process, by the prefix of their pid file's name. */
const KINDS = ['peer', 'chaincode', 'orderer', 'ca', 'server'] as const;
type Kind = (typeof KINDS)[number] | 'client';

/** CPU seconds used so far by each network process, keyed by pid file name. */
function networkCpuSeconds(): Map<string, number> {
  const seconds = new Map<string, number>();
  for (const record of listPidFiles().filter(isAlive)) {
    const stat = readFileSync(`/proc/${record.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis):
    // utime and stime are fields 14 and 15 of the line, 12 and 13 of the rest.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    seconds.set(record.name, ticks / TICKS_PER_SECOND);
  }
  return seconds;
}

function kindOf(name: string): Kind | undefined {
  return KINDS.find((kind) => name.startsWith(kind));
}

interface WorkloadCpu {
  readonly name: string;
  readonly committed: number;
  readonly tps: number;
  /** Milliseconds of CPU per committed transaction, by kind of process. */
  readonly msPerTransaction: ReadonlyMap<Kind, number>;
  readonly busyCores: number;
}

async function measure(
  workload: Workload,
  ledgerSlots: number,
  seconds: number,
  ledger: BenchLedger,
): Promise<WorkloadCpu> {
  const connections = connectionsFor(workload.organization, workload.user, ledgerSlots);
  try {
    const operations = Array.from({ length: ledgerSlots }, (_, slot) =>
      workload.operation(ledger, slot, connectionAt(connections, slot)),
    );
    const before = networkCpuSeconds();
    const clientBefore = process.cpuUsage();
    const result = await drive(operations, seconds * 1000);
    const clientUsed = process.cpuUsage(clientBefore);
    const after = networkCpuSeconds();
    const byKind = new Map<Kind, number>();
    for (const [name, used] of after) {
      const kind = kindOf(name);
      if (kind === undefined) continue;
      byKind.set(kind, (byKind.get(kind) ?? 0) + used - (before.get(name) ?? used));
    }
    byKind.set('client', (clientUsed.user + clientUsed.system) / 1e6);
    const total = [...byKind.values()].reduce((sum, s) => sum + s, 0);
    const perTransaction = new Map<Kind, number>();
    for (const [kind, used] of byKind)
      perTransaction.set(kind, (used * 1000) / Math.max(1, result.committed));
    return {
      name: workload.name,
      committed: result.committed,
      tps: result.tps,
      msPerTransaction: perTransaction,
      busyCores: total / result.seconds,
    };
  } finally {
    for (const c of connections) c.close();
  }
}

async function main(): Promise<void> {
  process.env[CONNECTION_DIR_VARIABLE] ??= runPaths.connection;
  const { values } = parseArgs({
    options: { 'in-flight': { type: 'string', default: '32' }, seconds: { type: 'string', default: '20' } },
  });
  const slots = Number(values['in-flight']);
  const seconds = Number(values.seconds);
  const log = (line: string): void => {
    process.stderr.write(`[cpu-per-transaction] ${line}\n`);
  };
  const ledger = await prepareBenchLedger(slots, log);
  await clearManually(ledger.instrument);
  const before = measureMachineSpeed();
  const rows: WorkloadCpu[] = [];
  for (const workload of [heartbeat, transferDistinct, orderPlacement, reportCorrection]) {
    log(`${workload.name} at ${slots} in flight for ${seconds} s`);
    const row = await measure(workload, slots, seconds, ledger);
    log(`  ${row.committed} committed, ${row.tps.toFixed(1)} tx/s, ${row.busyCores.toFixed(2)} cores busy`);
    rows.push(row);
  }
  const after = measureMachineSpeed();
  const kinds: Kind[] = [...KINDS, 'client'];
  const ms = (value: number | undefined) => (value ?? 0).toFixed(2);
  const report = [
    `## CPU per committed transaction: \`npx ts-node bench/cpu-per-transaction.ts --in-flight ${slots} --seconds ${seconds}\``,
    '',
    `- date: ${new Date().toISOString()}`,
    ...machineLines(before, after),
    '- CPU (user + system) of every network process by its pid file and of this client, over each measurement;',
    '  milliseconds per committed transaction, summed over all processes of a kind',
    '',
    `| workload | tx/s | cores busy | ${kinds.join(' | ')} | total |`,
    `| --- | ---: | ---: | ${kinds.map(() => '---:').join(' | ')} | ---: |`,
    ...rows.map((row) => {
      const total = [...row.msPerTransaction.values()].reduce((sum, v) => sum + v, 0);
      return `| ${row.name} | ${row.tps.toFixed(1)} | ${row.busyCores.toFixed(2)} | ${kinds.map((k) => ms(row.msPerTransaction.get(k))).join(' | ')} | ${ms(total)} |`;
    }),
  ].join('\n');
  publishReport(report, '-cpu', log);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
