/**
 * What one Market:Match round costs over a deep book, measured on the in-memory chaincode stub (no network):
 * `resting` one-tonne orders that do not cross are placed and taken into the book, then a few crossing orders are
 * placed and one clearing round is timed, counting the state keys it read. Run: `npx ts-node bench/clearing-cost.ts
 * [resting…]` (default 256 1024 5000). Not a unit test: wall time depends on the machine; the unit tests assert
 * the read count instead (chaincode/src/market/clearing-cost.test.ts).
 */
import { clearCrossing, deepBook, type ClearingCost } from '../chaincode/src/testing/deep-book';

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

if (require.main === module) {
  const sizes = process.argv.slice(2).map(Number);
  clearingCost(sizes.length > 0 ? sizes : [256, 1_024, 5_000])
    .then((costs) => {
      console.log(clearingCostTable(costs).join('\n'));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
