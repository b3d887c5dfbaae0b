import { StatusCode } from '@hyperledger/fabric-gateway';
import { connectAs, submit, type CarbonConnection, type ClearingResult } from '@carbon-ets/gateway-client';
import type { BenchLedger } from './bench-ledger';

/** Places one order; false when it was refused or committed invalid (its order is then not in the book). */
export async function placeOrder(
  connection: CarbonConnection,
  request: Record<string, unknown>,
): Promise<boolean> {
  try {
    const submitted = await connection.contract.submitAsync('Market:PlaceOrder', {
      arguments: [JSON.stringify(request)],
    });
    return (await submitted.getStatus()).code === StatusCode.VALID;
  } catch {
    return false;
  }
}

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
  const seller = connectAs({ organization: 'Enterprise1', user: 'trader1' });
  const buyer = connectAs({ organization: 'Enterprise2', user: 'trader2' });
  const regulator = connectAs({ organization: 'Regulator', user: 'regulator1' });
  let failed = 0;
  const place = async (connection: CarbonConnection, request: Record<string, unknown>): Promise<void> => {
    if (!(await placeOrder(connection, request))) failed++;
  };
  try {
    const results: MatchRound[] = [];
    // Each order of a round comes from its own account: two concurrent placements from one account would read
    // the same cash entries or lots (endorsements may then disagree, or the commit conflict).
    const width = Math.min(pairs, ledger.slotAccounts.length, ledger.buyerAccounts.length);
    for (let round = 0; round < rounds; round++) {
      failed = 0;
      await Promise.all(
        Array.from({ length: width }, async (_, i) => {
          const sellAccount = ledger.slotAccounts[i % ledger.slotAccounts.length]?.account ?? '';
          const buyAccount = ledger.buyerAccounts[i % ledger.buyerAccounts.length] ?? '';
          await place(seller, {
            accountId: sellAccount,
            side: 'sell',
            instrument: ledger.instrument,
            price: 5000,
            quantity: 5,
          });
          await place(buyer, {
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
        // Through the client's submit: a clearing endorsed while one peer still lacks the latest placements
        // gets mismatched endorsements; submit retries it with a new proposal, as an application would.
        const outcome = await submit(regulator.contract, 'Market:Match', {
          arguments: [JSON.stringify({ instrument: ledger.instrument })],
          maxAttempts: 5,
        });
        const answer = JSON.parse(new TextDecoder().decode(outcome.result)) as ClearingResult;
        trades += answer.trades.length;
        attempts += outcome.attempts;
        more = answer.more;
      }
      const latency = performance.now() - t0;
      results.push({
        orders: width * 2 - failed,
        failedPlacements: failed,
        trades,
        matchLatencyMs: latency,
        attempts,
      });
    }
    return results;
  } finally {
    seller.close();
    buyer.close();
    regulator.close();
  }
}
