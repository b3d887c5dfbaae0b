import { StatusCode } from '@hyperledger/fabric-gateway';
import { connectAs } from '../gateway-client/src';
import type { BenchLedger } from './bench-ledger';

/** One clearing round: how many fills one Market:Match settled and how long its commit took. */
export interface MatchRound {
  readonly orders: number;
  /** Placements that failed (endorsement error or invalid commit); their orders are not in the book. */
  readonly failedPlacements: number;
  readonly trades: number;
  readonly matchLatencyMs: number;
  readonly valid: boolean;
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
  const place = async (connection: typeof seller, request: Record<string, unknown>): Promise<void> => {
    try {
      const submitted = await connection.contract.submitAsync('Market:PlaceOrder', {
        arguments: [JSON.stringify(request)],
      });
      if ((await submitted.getStatus()).code !== StatusCode.VALID) failed++;
    } catch {
      failed++;
    }
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
      const submitted = await regulator.contract.submitAsync('Market:Match', {
        arguments: [JSON.stringify({ instrument: ledger.instrument })],
      });
      const status = await submitted.getStatus();
      const latency = performance.now() - t0;
      const answer = JSON.parse(new TextDecoder().decode(submitted.getResult())) as { trades?: unknown[] };
      results.push({
        orders: width * 2 - failed,
        failedPlacements: failed,
        trades: answer.trades?.length ?? 0,
        matchLatencyMs: latency,
        valid: status.code === StatusCode.VALID,
      });
    }
    return results;
  } finally {
    seller.close();
    buyer.close();
    regulator.close();
  }
}
