/**
 * What Market:Match rounds cost, measured on the in-memory chaincode stub (no network). Two scenarios:
 *
 * - `npx ts-node bench/clearing-cost.ts [resting…]` (default 256 1024 5000): `resting` one-tonne orders that do
 *   not cross are taken into the book, then a few crossing orders are placed and one round is timed — the cost
 *   follows what crosses, not the depth of the book.
 * - `npx ts-node bench/clearing-cost.ts --book 10000`: a book of that many open orders, half sells and half buys
 *   that mostly cross, none cleared yet, cleared round after round until a round answers `more: false` — the
 *   cost per fill, and the size of each round's write set, answer and event against gRPC's 4 MB.
 *
 * Not a unit test: wall time depends on the machine; the unit tests assert the counts instead
 * (chaincode/src/market/clearing-cost.test.ts).
 */
import { parseArgs } from 'node:util';
import { clearCrossing, deepBook, type ClearingCost } from '../chaincode/src/testing/deep-book';
import { clearMeasured, crossingBook, type RoundCost } from '../chaincode/src/testing/crossing-book';

/** Crossing orders per measured round: half buys, half sells, each filling one resting order. */
const CROSSING = 6;

export async function clearingCost(resting: readonly number[]): Promise<ClearingCost[]> {
  const costs: ClearingCost[] = [];
  for (const size of resting) {
    costs.push(await clearCrossing(await deepBook(size), size, CROSSING));
  }
  return costs;
}

export function clearingCostTable(costs: readonly ClearingCost[]): string[] {
  return [
    '| resting orders | crossing orders | trades | orders considered | state reads | writes | Match ms (in-memory stub) | more |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...costs.map(
      (c) =>
        `| ${c.resting} | ${c.crossing} | ${c.trades} | ${c.ordersConsidered} | ${c.stateReads} | ${c.writes} | ${c.milliseconds.toFixed(1)} | ${c.more} |`,
    ),
  ];
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

/** One line per round, then the totals: trades, per-fill reads and write calls, the largest message parts. */
export function bookClearingTable(orders: number, rounds: readonly RoundCost[]): string[] {
  const sum = (pick: (round: RoundCost) => number): number => rounds.reduce((s, r) => s + pick(r), 0);
  const max = (pick: (round: RoundCost) => number): number => Math.max(...rounds.map(pick));
  const trades = sum((r) => r.trades);
  const ms = sum((r) => r.milliseconds);
  return [
    `Book of ${orders} open orders (none cleared), cleared round after round:`,
    '',
    '| round | trades | orders considered | state reads | write calls | policed writes | write set | answer | event | Match ms | more |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rounds.map(
      (r, i) =>
        `| ${i + 1} | ${r.trades} | ${r.ordersConsidered} | ${r.stateReads} | ${r.writeCalls} | ${r.policedWrites} | ${kib(r.writeSetBytes)} | ${kib(r.answerBytes)} | ${kib(r.eventBytes)} | ${r.milliseconds.toFixed(0)} | ${r.more} |`,
    ),
    '',
    `${rounds.length} rounds, ${trades} trades in ${ms.toFixed(0)} ms of Match (${((trades / ms) * 1000).toFixed(0)} trades/s in memory); ` +
      `per fill: ${(sum((r) => r.stateReads) / trades).toFixed(2)} state reads, ${(sum((r) => r.writeCalls) / trades).toFixed(2)} write calls, ` +
      `${(sum((r) => r.policedWrites) / trades).toFixed(2)} writes checked against a key-level policy, ` +
      `${(sum((r) => r.peerMessages) / trades).toFixed(2)} messages to the peer, ` +
      `${(ms / trades).toFixed(2)} ms; largest round: write set ${kib(max((r) => r.writeSetBytes))}, answer ${kib(max((r) => r.answerBytes))}, ` +
      `event ${kib(max((r) => r.eventBytes))}, together ${kib(max((r) => r.writeSetBytes + r.answerBytes + r.eventBytes))}.`,
    '',
    `Write calls per fill, by call and key family: ${writeCallsPerFill(rounds, trades)}.`,
  ];
}

/** `putState lot 1.00, setStateValidationParameter lot 1.00, …`, most frequent first. */
function writeCallsPerFill(rounds: readonly RoundCost[], trades: number): string {
  const totals = new Map<string, number>();
  for (const round of rounds) {
    for (const [family, calls] of round.writeCallsByFamily) {
      totals.set(family, (totals.get(family) ?? 0) + calls);
    }
  }
  return [...totals]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([family, calls]) => `${family} ${(calls / trades).toFixed(2)}`)
    .join(', ');
}

if (require.main === module) {
  const { values, positionals } = parseArgs({
    options: { book: { type: 'string' } },
    allowPositionals: true,
  });
  const run = async (): Promise<string[]> => {
    if (values.book !== undefined) {
      const orders = Number(values.book);
      const ledger = await crossingBook(orders);
      return bookClearingTable(orders, await clearMeasured(ledger));
    }
    const sizes = positionals.map(Number);
    return clearingCostTable(await clearingCost(sizes.length > 0 ? sizes : [256, 1_024, 5_000]));
  };
  run()
    .then((lines) => {
      console.log(lines.join('\n'));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
