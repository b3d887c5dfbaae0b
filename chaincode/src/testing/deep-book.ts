import { performance } from 'node:perf_hooks';
import { type ClearingResult, CLEARING_LIMITS } from '@carbon-ets/contract';
import { Users } from './identities';
import { market, marketScenario, placeOrder } from './market';
import type { MemoryStub } from './memory-stub';
import { submit } from './scenario';
import type { TestLedger } from './test-ledger';

const INSTRUMENT = 'allowance-2025';

/** The first lot of an account: every sell of the deep book locks from it (named, so no range read). */
export function firstLotId(ledger: TestLedger, accountId: string): string {
  const prefix = `\x00lot\x00${accountId}\x00`;
  for (const key of ledger.world.state.keys()) {
    if (key.startsWith(prefix)) return key.slice(prefix.length, -1);
  }
  throw new Error(`no lot in ${accountId}`);
}

/** Clears until a round says nothing is left; returns the rounds' answers. */
export async function clearAll(ledger: TestLedger): Promise<ClearingResult[]> {
  const rounds: ClearingResult[] = [];
  for (;;) {
    const round = (await submit(ledger, Users.regulator, market.match, {
      instrument: INSTRUMENT,
    })) as ClearingResult;
    rounds.push(round);
    if (!round.more) return rounds;
  }
}

/**
 * The market scenario with `resting` one-tonne orders that do not cross, already taken into the book: asks of
 * ENT1 (TRADE1) at 101.00–101.99 CNY, bids of ENT2 (TRADE2) at 98.00–99.99 CNY, spread over the price levels.
 */
export async function deepBook(resting: number): Promise<TestLedger> {
  const ledger = await marketScenario();
  const lotId = firstLotId(ledger, 'TRADE1');
  for (let i = 0; i < resting; i += 1) {
    if (i % 2 === 0) {
      await placeOrder(ledger, 'TRADE1', 'sell', 10_100 + ((i / 2) % 100), 1, {
        goodTill: 'period',
        lotIds: [lotId],
      });
    } else {
      await placeOrder(ledger, 'TRADE2', 'buy', 9_999 - (((i - 1) / 2) % 200), 1, { goodTill: 'period' });
    }
  }
  await clearAll(ledger);
  return ledger;
}

/** One Market:Match round as the regulator, timed; its answer and the stub that saw its reads and writes. */
export async function timedMatch(
  ledger: TestLedger,
): Promise<{ result: ClearingResult; milliseconds: number; stub: MemoryStub }> {
  const started = performance.now();
  const result = (await submit(ledger, Users.regulator, market.match, {
    instrument: INSTRUMENT,
  })) as ClearingResult;
  const milliseconds = performance.now() - started;
  const stub = ledger.lastStub;
  if (stub === undefined) throw new Error('no clearing submitted');
  return { result, milliseconds, stub };
}

/** What one clearing round over a deep book cost: state reads as the stub saw them, and wall time. */
export interface ClearingCost {
  readonly resting: number;
  readonly crossing: number;
  readonly trades: number;
  readonly ordersConsidered: number;
  readonly stateReads: number;
  readonly rangesOpened: number;
  readonly writes: number;
  readonly milliseconds: number;
  readonly more: boolean;
}

/**
 * Places `crossing` one-tonne orders that cross the deep book's best prices — half buys of ENT2 (HOLD2) at
 * 101.00, half sells of ENT1 (HOLD1) at 99.99 — and clears once, measuring that round.
 */
export async function clearCrossing(
  ledger: TestLedger,
  resting: number,
  crossing: number,
): Promise<ClearingCost> {
  for (let i = 0; i < crossing; i += 1) {
    if (i % 2 === 0) await placeOrder(ledger, 'HOLD2', 'buy', 10_100, 1);
    else await placeOrder(ledger, 'HOLD1', 'sell', 9_999, 1);
  }
  const { result, milliseconds, stub } = await timedMatch(ledger);
  return {
    resting,
    crossing,
    trades: result.trades.length,
    ordersConsidered: result.ordersConsidered,
    stateReads: stub.stateReads().length,
    rangesOpened: stub.rangeReads().length,
    writes: stub.writtenKeys().length,
    milliseconds,
    more: result.more,
  };
}

export { CLEARING_LIMITS };
