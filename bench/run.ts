import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { printError } from '@carbon-ets/contract';
import {
  CONNECTION_DIR_VARIABLE,
  connectAs,
  reconcile,
  type ReconcileReport,
} from '@carbon-ets/gateway-client';
import { loadTopology, runPaths } from '@carbon-ets/network';
import { connectionAt, connectionsFor, prepareBenchLedger, refreshSlotLots } from './bench-ledger';
import { publishReport } from './publish-report';
import { drive, type LoadResult } from './load-driver';
import { networkMemory } from './process-memory';
import { machineLines, measureMachineSpeed, type MachineSpeed } from './machine-speed';
import { matchingRounds, type MatchRound } from './matching-rounds';
import { clearingBook, renderBookClearing } from './clearing-book';
import { clearManually } from '../test/support/member-servers';
import {
  fillNotificationLatency,
  type FillLatency,
  type OverheadRow,
  restOverhead,
} from './member-server-bench';
import {
  heartbeat,
  orderPlacement,
  reportCorrection,
  transferDistinct,
  transferHot,
  type Workload,
} from './workloads';

/**
 * `npm run bench [-- --quick]`: throughput, latency and conflict rates of the main transactions at several
 * numbers in flight, each as a ratio to the minimal transaction measured in the same run; reconcile speed;
 * memory of every node. Needs a running network (`npm start`). Results: stdout and bench/results/.
 * `npm run bench -- --clearing-book 10000` instead places a book of that many open orders that mostly cross and
 * measures only its clearing: rounds and trades settled per second.
 */
async function main(): Promise<void> {
  // The bench drives the network `npm run network:up` started: read the connection settings it wrote.
  process.env[CONNECTION_DIR_VARIABLE] ??= runPaths.connection;
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      seconds: { type: 'string' },
      levels: { type: 'string' },
      'clearing-book': { type: 'string' },
    },
  });
  const quick = values.quick;
  const levels = (values.levels ?? (quick ? '1,8,32' : '1,8,32,128')).split(',').map(Number);
  const seconds = Number(values.seconds ?? (quick ? 4 : 15));
  const log = (line: string): void => {
    process.stderr.write(`[bench] ${line}\n`);
  };
  try {
    readFileSync(runPaths.state);
  } catch {
    console.error('error: no running network — start it with `npm start` (or `npm run network:up`) first');
    process.exit(1);
  }
  if (values['clearing-book'] !== undefined) {
    await clearingBookRun(Number(values['clearing-book']), log);
    return;
  }
  const topology = loadTopology();
  const slots = Math.max(...levels);
  const ledger = await prepareBenchLedger(slots, log);
  // The matching rounds clear the book themselves: the regulator's market operator stays out until the fill
  // latency measurement hands the instrument back to it.
  await clearManually(ledger.instrument);

  const speedBefore = measureMachineSpeed();
  const workloads: Workload[] = [heartbeat, transferDistinct, orderPlacement, reportCorrection, transferHot];
  const results = new Map<string, LoadResult[]>();
  // Matching runs first, on an empty book; the placement workload's bids (below the asks) never trade.
  log('matching rounds');
  const rounds = await matchingRounds(ledger, quick ? 3 : 6, quick ? 16 : 32);
  // The rounds' asks split and locked slot lots: point each slot at a lot it can still spend.
  await refreshSlotLots(ledger);
  for (const workload of workloads) {
    const rows: LoadResult[] = [];
    for (const level of levels) {
      const connections = connectionsFor(workload.organization, workload.user, level);
      try {
        const operations = Array.from({ length: level }, (_, slot) =>
          workload.operation(ledger, slot, connectionAt(connections, slot)),
        );
        const result = await drive(operations, seconds * 1000);
        log(
          `${workload.name} @${level}: ${result.tps.toFixed(1)} tps, p99 ${result.p99Ms.toFixed(0)} ms, ${result.mvccConflicts + result.phantomConflicts} conflicts of ${result.attempts}`,
        );
        rows.push(result);
      } finally {
        for (const c of connections) c.close();
      }
    }
    results.set(workload.name, rows);
  }

  log('member servers: fill notification latency at 8 traders');
  const fills = await fillNotificationLatency(ledger, 8, quick ? 5 : 15, log);
  log(
    `fill latency: p50 ${fills.p50Ms.toFixed(0)} ms, p99 ${fills.p99Ms.toFixed(0)} ms over ${fills.filled} orders`,
  );
  log('member servers: REST overhead against the Gateway at 8 in flight');
  const overhead = await restOverhead(ledger, 8, quick ? 4 : 10);

  const auditor = connectAs({ organization: 'Auditor', user: 'auditor1' });
  let audit: ReconcileReport;
  try {
    log('reconciling the whole ledger from block 0');
    audit = await reconcile(auditor);
  } finally {
    auditor.close();
  }
  const speed = { before: speedBefore, after: measureMachineSpeed() };
  const report = render({
    quick,
    levels,
    seconds,
    topology,
    results,
    workloads,
    audit,
    rounds,
    fills,
    overhead,
    speed,
  });
  publishReport(report, quick ? '-quick' : '', log);
}

/** `--clearing-book N`: a fresh run ledger, a book of N open orders, cleared round after round. */
async function clearingBookRun(orders: number, log: (line: string) => void): Promise<void> {
  if (!Number.isSafeInteger(orders) || orders < 2) {
    throw new Error(`--clearing-book takes a number of orders (at least 2), not ${String(orders)}`);
  }
  const ledger = await prepareBenchLedger(32, log);
  // The book must stay open until the rounds below clear it: the regulator's market operator stays out.
  await clearManually(ledger.instrument);
  log(`clearing book: placing ${orders} orders`);
  const before = measureMachineSpeed();
  const result = await clearingBook(ledger, orders, log);
  const after = measureMachineSpeed();
  const report = [
    `## Clearing a book of ${orders} orders: \`npm run bench -- --clearing-book ${orders}\``,
    '',
    `- date: ${new Date().toISOString()}`,
    ...machineLines(before, after),
    '',
    ...renderBookClearing(result),
  ].join('\n');
  publishReport(report, '-clearing-book', log);
}

interface RenderInput {
  quick: boolean;
  levels: number[];
  seconds: number;
  topology: ReturnType<typeof loadTopology>;
  results: Map<string, LoadResult[]>;
  workloads: Workload[];
  audit: ReconcileReport;
  rounds: MatchRound[];
  fills: FillLatency;
  overhead: OverheadRow[];
  speed: { before: MachineSpeed; after: MachineSpeed };
}

function render({
  quick,
  levels,
  seconds,
  topology,
  results,
  workloads,
  audit,
  rounds,
  fills,
  overhead,
  speed,
}: RenderInput): string {
  const ceiling = results.get(heartbeat.name) ?? [];
  const ms = (value: number) => (Number.isNaN(value) ? '-' : value.toFixed(0));
  const lines: string[] = [
    `## ${quick ? 'Quick run' : 'Full run'}: \`npm run bench${quick ? ' -- --quick' : ''}\``,
    '',
    `- date: ${new Date().toISOString()}`,
    ...machineLines(speed.before, speed.after),
    `- Fabric: ${topology.fabric.version}; orderer BatchTimeout ${topology.ordering.batchTimeout}, MaxMessageCount ${topology.ordering.maxMessageCount}; peer gateway concurrency limit ${gatewayConcurrency()}; endorsement 3 of the 5 orgs’ peers (one OutOf signature policy) + key-level policy on lots`,
    `- ${seconds} s per measurement; latency = submit to commit status at the client; conflicts counted at the first attempt (no retry)`,
    '',
  ];
  for (const workload of workloads) {
    const rows = results.get(workload.name) ?? [];
    lines.push(`### ${workload.name}`, '', workload.description, '');
    lines.push(
      '| in flight | committed tx/s | ratio to ceiling | p50 ms | p95 ms | p99 ms | attempts | MVCC conflicts | phantom conflicts | other invalid | endorsement errors |',
    );
    lines.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of rows) {
      const base = ceiling.find((c) => c.inFlight === row.inFlight);
      const ratio = base && base.tps > 0 ? `${((row.tps / base.tps) * 100).toFixed(0)} %` : '-';
      const pct = (n: number) =>
        row.attempts > 0 ? `${n} (${((n / row.attempts) * 100).toFixed(1)} %)` : String(n);
      lines.push(
        `| ${row.inFlight} | ${row.tps.toFixed(1)} | ${ratio} | ${ms(row.p50Ms)} | ${ms(row.p95Ms)} | ${ms(row.p99Ms)} | ${row.attempts} | ${pct(row.mvccConflicts)} | ${pct(row.phantomConflicts)} | ${row.otherInvalid} | ${row.endorsementErrors} |`,
      );
    }
    const error = rows.find((r) => r.firstError)?.firstError;
    if (error) lines.push('', `First endorsement error: \`${error.slice(0, 200)}\``);
    lines.push('');
  }
  const trades = rounds.reduce((sum, r) => sum + r.trades, 0);
  const matchSeconds = rounds.reduce((sum, r) => sum + r.matchLatencyMs, 0) / 1000;
  lines.push(
    '### Market:Match (clearing rounds)',
    '',
    'Each round places crossing asks (ENT1) and bids (ENT2) concurrently, then one Match transaction clears the book and settles every fill DvP.',
    '',
    '| round | orders in book | failed placements | trades settled | Match submit-to-commit ms | Match attempts |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rounds.map(
      (r, i) =>
        `| ${i + 1} | ${r.orders} | ${r.failedPlacements} | ${r.trades} | ${r.matchLatencyMs.toFixed(0)} | ${r.attempts} |`,
    ),
    '',
    `Settlement throughput inside Match: ${matchSeconds > 0 ? (trades / matchSeconds).toFixed(1) : '-'} trades/s (${trades} trades in ${matchSeconds.toFixed(2)} s of Match commits).`,
    '',
  );
  lines.push(
    "### Member servers: from an order's commit to its fill notification",
    '',
    `${fills.traders} traders (each logged in to Enterprise2's server with its own event stream and account) place buy orders of 1 t one after another against a resting ask; the regulator's market operator clears them, with ${fills.restingOrders} non-crossing orders resting in the book. Measured from the POST's answer (committed) to the \`OrdersMatched\` event on the trader's stream. Goal: p50 ≤ 1000 ms, p99 ≤ 2000 ms.`,
    '',
    '| orders | filled | p50 ms | p95 ms | p99 ms | max ms | seconds |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${fills.orders} | ${fills.filled} | ${ms(fills.p50Ms)} | ${ms(fills.p95Ms)} | ${ms(fills.p99Ms)} | ${ms(fills.maxMs)} | ${fills.seconds.toFixed(1)} |`,
    '',
    '### Member servers: REST overhead against the Gateway (8 in flight)',
    '',
    '| path | tx/s | p50 ms | p95 ms | p99 ms | calls | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...overhead.map(
      ({ path: route, result }) =>
        `| ${route} | ${result.tps.toFixed(1)} | ${ms(result.p50Ms)} | ${ms(result.p95Ms)} | ${ms(result.p99Ms)} | ${result.attempts} | ${result.attempts - result.committed} |`,
    ),
    '',
  );
  lines.push(
    '### Audit reconcile (`carbon audit reconcile` from block 0)',
    '',
    `${audit.replayedBlocks} blocks, ${audit.replayedTransactions} transactions (${audit.validTransactions} valid) replayed in ${audit.replaySeconds.toFixed(2)} s: ` +
      `**${(audit.replayedBlocks / audit.replaySeconds).toFixed(0)} blocks/s, ${(audit.replayedTransactions / audit.replaySeconds).toFixed(0)} transactions/s** (block delivery and rebuild). ` +
      `Comparison with the world state (${audit.lotsCompared} lots and the funds of ${audit.accountsCompared} accounts, in ${audit.compareQueries} paged chaincode queries): ${audit.compareSeconds.toFixed(2)} s. ` +
      `End to end: ${(audit.replayedTransactions / (audit.replaySeconds + audit.compareSeconds)).toFixed(0)} transactions/s; ${audit.mismatches.length} mismatches${audit.ledgerMoved ? ' (the ledger kept moving during the comparison)' : ''}.`,
    '',
    '### Resident memory after the run',
    '',
    '| process | RSS MiB |',
    '| --- | ---: |',
    ...networkMemory().map((m) => `| ${m.name} | ${m.rssMiB.toFixed(0)} |`),
    '',
    `Levels measured: ${levels.join(', ')} in flight.`,
  );
  return lines.join('\n');
}

function gatewayConcurrency(): string {
  try {
    const core = readFileSync(path.join(runPaths.config, 'peer', 'core.yaml'), 'utf8');
    return /gatewayService:\s*(\d+)/.exec(core)?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

main().catch((err: unknown) => {
  process.exit(
    printError(err, {
      write: (line) => process.stderr.write(`${line}\n`),
      debug: Boolean(process.env.DEBUG),
    }),
  );
});
