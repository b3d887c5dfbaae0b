import { connectAs, submit, type CarbonConnection, type ClearingResult } from '@carbon-ets/gateway-client';

/** Who trades in the market benches: ENT1's trader sells, ENT2's trader buys, the regulator clears. */
export interface MarketParties {
  readonly seller: CarbonConnection;
  readonly buyer: CarbonConnection;
  readonly regulator: CarbonConnection;
}

/** Connects the three parties, runs `work` with them and closes their connections whatever happens. */
export async function withMarketParties<T>(work: (parties: MarketParties) => Promise<T>): Promise<T> {
  const seller = connectAs({ organization: 'Enterprise1', user: 'trader1' });
  const buyer = connectAs({ organization: 'Enterprise2', user: 'trader2' });
  const regulator = connectAs({ organization: 'Regulator', user: 'regulator1' });
  try {
    return await work({ seller, buyer, regulator });
  } finally {
    seller.close();
    buyer.close();
    regulator.close();
  }
}

/**
 * Places one order, again after an MVCC or phantom conflict (endorsed on a peer a block behind the last clearing,
 * as an application would retry); false when it was refused or still conflicted (its order is not in the book).
 */
export async function placeOrder(
  connection: CarbonConnection,
  request: Record<string, unknown>,
): Promise<boolean> {
  try {
    await submit(connection.contract, 'Market:PlaceOrder', {
      arguments: [JSON.stringify(request)],
      maxAttempts: 3,
    });
    return true;
  } catch {
    return false;
  }
}

/** Placements that did not reach the book, counted as they are placed. */
export class Placements {
  failed = 0;

  async place(connection: CarbonConnection, request: Record<string, unknown>): Promise<void> {
    if (!(await placeOrder(connection, request))) this.failed++;
  }
}

/** One Market:Match round as the regulator: its answer, the proposals it took and the answer's size. */
export interface ClearingRound {
  readonly answer: ClearingResult;
  readonly attempts: number;
  readonly answerBytes: number;
}

/**
 * Clears one bounded round of the instrument's book (CLEARING_LIMITS; `answer.more` says to clear again).
 * Through the client's submit: a clearing endorsed while one peer still lacks the latest placements gets
 * mismatched endorsements; submit retries it with a new proposal, as an application would.
 */
export async function clearRound(regulator: CarbonConnection, instrument: string): Promise<ClearingRound> {
  const outcome = await submit(regulator.contract, 'Market:Match', {
    arguments: [JSON.stringify({ instrument })],
    maxAttempts: 5,
  });
  return {
    answer: JSON.parse(new TextDecoder().decode(outcome.result)) as ClearingResult,
    attempts: outcome.attempts,
    answerBytes: outcome.result.length,
  };
}
