import type { BenchLedger } from './bench-ledger';
import { clearRound, Placements, withMarketParties } from './market-parties';

/** One Market:Match round of the book's clearing. */
export interface BookRound {
  readonly trades: number;
  readonly expired: number;
  /** Submit to commit, retries included. */
  readonly latencyMs: number;
  readonly attempts: number;
  /** Bytes of the answer (the trades settled, in full): a part of the transaction the client receives. */
  readonly answerBytes: number;
}

/** A book of open orders placed first, then cleared round after round until a round answers `more: false`. */
export interface BookClearing {
  readonly orders: number;
  readonly failedPlacements: number;
  readonly placementSeconds: number;
  readonly rounds: readonly BookRound[];
  /** First round's submit to the last round's commit. */
  readonly clearingSeconds: number;
}

/** Concurrent placements per wave: one order per account and side, so no two read the same lots or cash. */
const WIDTH = 32;

/**
 * `orders` open orders, half asks of ENT1 slot accounts at 49.00–50.99 and half bids of ENT2 buyers at
 * 49.50–51.49, 1–3 t each (most cross), placed in waves while the instrument clears manually, then cleared by
 * the regulator round after round (each a bounded Market:Match, see CLEARING_LIMITS) until nothing is left.
 * Measures trades settled per second of clearing, as in the in-memory scenario `npx ts-node
 * bench/clearing-cost.ts --book 10000`.
 */
export async function clearingBook(
  ledger: BenchLedger,
  orders: number,
  log: (line: string) => void,
): Promise<BookClearing> {
  let seed = 12_345;
  const spread = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % 200;
  };
  return withMarketParties(async ({ seller, buyer, regulator }) => {
    const placements = new Placements();
    const width = Math.min(WIDTH, ledger.slotAccounts.length, ledger.buyerAccounts.length);
    const placing = performance.now();
    for (let placed = 0; placed < orders; placed += 2 * width) {
      const wave = Math.min(width, Math.ceil((orders - placed) / 2));
      await Promise.all(
        Array.from({ length: wave }, async (_, i) => {
          const quantity = 1 + ((placed / 2 + i) % 3);
          await placements.place(seller, {
            accountId: ledger.slotAccounts[i]?.account ?? '',
            side: 'sell',
            instrument: ledger.instrument,
            price: 4_900 + spread(),
            quantity,
            goodTill: 'period',
          });
          await placements.place(buyer, {
            accountId: ledger.buyerAccounts[i] ?? '',
            side: 'buy',
            instrument: ledger.instrument,
            price: 4_950 + spread(),
            quantity,
            goodTill: 'period',
          });
        }),
      );
      if ((placed / (2 * width)) % 20 === 0) log(`placed ${placed + 2 * wave} of ${orders} orders`);
    }
    const placementSeconds = (performance.now() - placing) / 1000;

    const rounds: BookRound[] = [];
    const clearing = performance.now();
    for (let more = true; more;) {
      const t0 = performance.now();
      const { answer, attempts, answerBytes } = await clearRound(regulator, ledger.instrument);
      rounds.push({
        trades: answer.trades.length,
        expired: answer.expiredOrderIds.length,
        latencyMs: performance.now() - t0,
        attempts,
        answerBytes,
      });
      log(`round ${rounds.length}: ${answer.trades.length} trades, more: ${answer.more}`);
      more = answer.more;
    }
    return {
      orders: orders - placements.failed,
      failedPlacements: placements.failed,
      placementSeconds,
      rounds,
      clearingSeconds: (performance.now() - clearing) / 1000,
    };
  });
}

/** The report section: one line per round, then trades per second of clearing. */
export function renderBookClearing(result: BookClearing): string[] {
  const trades = result.rounds.reduce((sum, r) => sum + r.trades, 0);
  const latencies = result.rounds.map((r) => r.latencyMs).sort((a, b) => a - b);
  const median = latencies[Math.floor(latencies.length / 2)] ?? NaN;
  return [
    `### Market:Match over a book of ${result.orders} open orders (\`npm run bench -- --clearing-book\`)`,
    '',
    `${result.orders} orders placed in ${result.placementSeconds.toFixed(1)} s (${result.failedPlacements} placements failed), then cleared round after round until \`more: false\`.`,
    '',
    '| round | trades | expired | submit-to-commit ms | attempts | answer KiB |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.rounds.map(
      (r, i) =>
        `| ${i + 1} | ${r.trades} | ${r.expired} | ${r.latencyMs.toFixed(0)} | ${r.attempts} | ${(r.answerBytes / 1024).toFixed(0)} |`,
    ),
    '',
    `**${(trades / result.clearingSeconds).toFixed(1)} trades/s settled**: ${trades} trades in ${result.rounds.length} rounds, ${result.clearingSeconds.toFixed(2)} s from the first round's submit to the last round's commit (round p50 ${median.toFixed(0)} ms).`,
    '',
  ];
}
