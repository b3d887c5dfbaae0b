import { firstLotId, timedMatch } from './deep-book';
import { Users } from './identities';
import { market, marketScenario, placeOrder } from './market';
import { submit } from './scenario';
import type { TestLedger } from './test-ledger';

/** Enough for 5,000 buys of up to 3 t at up to 101.49 CNY on top of the scenario's 1,000,000 CNY. */
const EXTRA_BUYER_FUNDS = 1_000_000_000n;

/**
 * A book of `orders` open orders that mostly cross, none yet cleared: sells of ENT1 (TRADE1, every one locking
 * from one named lot) at 99.00–100.99 CNY and buys of ENT2 (TRADE2) at 99.50–101.49 CNY, alternating, 1–3 t
 * each, prices spread by a fixed pseudo-random sequence (the same book on every run).
 */
export async function crossingBook(orders: number): Promise<TestLedger> {
  const ledger = await marketScenario();
  await submit(ledger, Users.regulator, market.deposit, {
    accountId: 'TRADE2',
    amount: EXTRA_BUYER_FUNDS.toString(),
  });
  const lotId = firstLotId(ledger, 'TRADE1');
  let seed = 12_345;
  const nextSpread = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % 200;
  };
  for (let i = 0; i < orders; i += 1) {
    const quantity = 1 + (i % 3);
    if (i % 2 === 0) {
      await placeOrder(ledger, 'TRADE1', 'sell', 9_900 + nextSpread(), quantity, {
        goodTill: 'period',
        lotIds: [lotId],
      });
    } else {
      await placeOrder(ledger, 'TRADE2', 'buy', 9_950 + nextSpread(), quantity, { goodTill: 'period' });
    }
  }
  return ledger;
}

/** What one clearing round cost on the in-memory stub. */
export interface RoundCost {
  readonly trades: number;
  readonly ordersConsidered: number;
  /** Keys read (point reads and keys taken from ranges) and ranges opened. */
  readonly stateReads: number;
  readonly rangesOpened: number;
  /** Write calls to the stub (puts, deletes, validation parameters): each is a round trip to the peer. */
  readonly writeCalls: number;
  /**
   * The write calls by call and key family (`putState lot`, `deleteState orderNew`…): which objects a round
   * writes, and how many of each.
   */
  readonly writeCallsByFamily: ReadonlyMap<string, number>;
  /** Every message the round sends its peer (reads, range batches and closes, writes): see MemoryStub.peerMessages. */
  readonly peerMessages: number;
  /** Bytes of the write set: keys, values and validation parameters. */
  readonly writeSetBytes: number;
  /**
   * Writes Fabric validates against a key-level policy: puts, deletes and validation parameters of keys that
   * already carried one. Each such check verifies every endorsement again, hashing the whole proposal response.
   */
  readonly policedWrites: number;
  readonly answerBytes: number;
  readonly eventBytes: number;
  readonly milliseconds: number;
  readonly more: boolean;
}

/** Counts write calls (`putState lot/A/1`, `deleteState orderNew|…`) by call and the key's first segment. */
function byFamily(calls: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) {
    const [verb = '', key = ''] = call.split(' ');
    const family = `${verb} ${key.split(/[/|]/)[0] ?? ''}`;
    counts.set(family, (counts.get(family) ?? 0) + 1);
  }
  return counts;
}

/** Clears the instrument round after round until a round answers `more: false`, measuring each round. */
export async function clearMeasured(ledger: TestLedger, maxRounds = 1_000): Promise<RoundCost[]> {
  const rounds: RoundCost[] = [];
  for (let more = true; more && rounds.length < maxRounds;) {
    const policed = new Set(ledger.world.validationParameters.keys());
    const { result, milliseconds, stub } = await timedMatch(ledger);
    const writeSet = stub.toWriteSet();
    const writeCalls = stub.attemptedWrites().filter((call) => !call.startsWith('setEvent'));
    let writeSetBytes = 0;
    for (const [key, value] of writeSet.writes) writeSetBytes += key.length + (value?.length ?? 0);
    for (const [key, value] of writeSet.validationParameters) writeSetBytes += key.length + value.length;
    rounds.push({
      trades: result.trades.length,
      ordersConsidered: result.ordersConsidered,
      stateReads: stub.stateReads().length,
      rangesOpened: stub.rangeReads().length,
      writeCalls: writeCalls.length,
      writeCallsByFamily: byFamily(writeCalls),
      peerMessages: stub.peerMessages().length,
      writeSetBytes,
      policedWrites:
        [...writeSet.writes.keys()].filter((key) => policed.has(key)).length +
        [...writeSet.validationParameters.keys()].filter((key) => policed.has(key)).length,
      answerBytes: Buffer.byteLength(JSON.stringify(result)),
      eventBytes: writeSet.event?.payload.length ?? 0,
      milliseconds,
      more: result.more,
    });
    more = result.more;
  }
  return rounds;
}
