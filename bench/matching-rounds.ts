import type { BenchLedger } from './bench-ledger';
import { clearRound, Placements, withMarketParties } from './market-parties';

/** One clearing round: how many fills one Market:Match settled and how long its commit took. */
export interface MatchRound {
  readonly orders: number;
  /** Placements that failed (endorsement error or invalid commit); their orders are not in the book. */
  readonly failedPlacements: number;
  readonly trades: number;
  /** Submit to commit, retries and further rounds (`more`) included. */
  readonly matchLatencyMs: number;
  /** Proposals it took over all its rounds (1 = one round, committed at the first attempt). */
  readonly attempts: number;
}

/**
 * Matching is one transaction per instrument per round, so it is measured per round rather than at N in
 * flight: `pairs` asks (ENT1 slot accounts) and `pairs` bids (ENT2 buyers) that cross at 50.00 are placed
 * concurrently, then the regulator clears the book and every fill settles DvP inside that one transaction.
 */
export async function matchingRounds(
  ledger: BenchLedger,
  rounds: number,
  pairs: number,
): Promise<MatchRound[]> {
  return withMarketParties(async ({ seller, buyer, regulator }) => {
    const results: MatchRound[] = [];
    // Each order of a round comes from its own account: two concurrent placements from one account would read
    // the same cash entries or lots (endorsements may then disagree, or the commit conflict).
    const width = Math.min(pairs, ledger.slotAccounts.length, ledger.buyerAccounts.length);
    for (let round = 0; round < rounds; round++) {
      const placements = new Placements();
      await Promise.all(
        Array.from({ length: width }, async (_, i) => {
          const sellAccount = ledger.slotAccounts[i % ledger.slotAccounts.length]?.account ?? '';
          const buyAccount = ledger.buyerAccounts[i % ledger.buyerAccounts.length] ?? '';
          await placements.place(seller, {
            accountId: sellAccount,
            side: 'sell',
            instrument: ledger.instrument,
            price: 5000,
            quantity: 5,
          });
          await placements.place(buyer, {
            accountId: buyAccount,
            side: 'buy',
            instrument: ledger.instrument,
            price: 5000,
            quantity: 5,
          });
        }),
      );
      const t0 = performance.now();
      let trades = 0;
      let attempts = 0;
      // A clearing round is bounded (CLEARING_LIMITS): clear again while the answer says there is more.
      for (let more = true; more;) {
        const cleared = await clearRound(regulator, ledger.instrument);
        trades += cleared.answer.trades.length;
        attempts += cleared.attempts;
        more = cleared.answer.more;
      }
      const latency = performance.now() - t0;
      results.push({
        orders: width * 2 - placements.failed,
        failedPlacements: placements.failed,
        trades,
        matchLatencyMs: latency,
        attempts,
      });
    }
    return results;
  });
}
