import type { Context } from 'fabric-contract-api';
import { Users } from '../testing/identities';
import { marketScenario, placeOrder } from '../testing/market';
import type { MemoryStub } from '../testing/memory-stub';
import { cc, submit, tx } from '../testing/scenario';
import { TestLedger } from '../testing/test-ledger';
import { objectsAfter } from './key-range';
import { entriesOf } from './state-iteration';
import { Store } from './store';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/** A ledger holding lots A/1 … A/5 and a history of two versions of `plain`. */
async function ledgerWithLots(): Promise<TestLedger> {
  const ledger = new TestLedger();
  await ledger.submit(Users.regulator, async (ctx) => {
    for (const n of [1, 2, 3, 4, 5]) {
      await ctx.stub.putState(ctx.stub.createCompositeKey('lot', ['A', String(n)]), bytes(`{"n":${n}}`));
    }
    await ctx.stub.putState('plain', bytes('{"v":1}'));
  });
  await ledger.submit(Users.regulator, (ctx) => ctx.stub.putState('plain', bytes('{"v":2}')));
  return ledger;
}

/** The closing messages a transaction sent for its range and history reads. */
function closes(stub: MemoryStub | undefined): number {
  return stub?.peerMessages().filter((message) => message === 'QUERY_STATE_CLOSE').length ?? NaN;
}

/** Runs `read` in a transaction and returns what it returned and the stub that recorded its messages. */
async function inTransaction<T>(
  ledger: TestLedger,
  read: (ctx: Context) => Promise<T>,
): Promise<{ result: T; stub: MemoryStub }> {
  const result = await ledger.submit(Users.regulator, read);
  if (ledger.lastStub === undefined) throw new Error('no transaction ran');
  return { result, stub: ledger.lastStub };
}

describe('entriesOf: range and history reads without a closing message after the last entry', () => {
  it('fabric-shim’s own iteration sends a closing message even after the last entry', async () => {
    const ledger = await ledgerWithLots();
    const { result, stub } = await inTransaction(ledger, async (ctx) => {
      let count = 0;
      for await (const kv of ctx.stub.getStateByPartialCompositeKey('lot', ['A']))
        count += kv.value.length > 0 ? 1 : 0;
      return count;
    });
    expect(result).toBe(5);
    expect(closes(stub)).toBe(1);
  });

  it('reads a whole range and a whole history and sends no closing message', async () => {
    const ledger = await ledgerWithLots();
    const { result, stub } = await inTransaction(ledger, async (ctx) => {
      const store = new Store(ctx);
      const lots = await store.list<{ n: number }>('lot', ['A']);
      const history = await store.history('plain');
      return { lots: lots.map((lot) => lot.value.n), history: history.map((entry) => entry.value) };
    });
    expect(result).toEqual({ lots: [1, 2, 3, 4, 5], history: [{ v: 2 }, { v: 1 }] });
    expect(closes(stub)).toBe(0);
  });

  it('closes a range left early, by break or by a throw, at once', async () => {
    const ledger = await ledgerWithLots();
    const { result, stub } = await inTransaction(ledger, async (ctx) => {
      const taken: string[] = [];
      for await (const kv of entriesOf(ctx.stub.getStateByPartialCompositeKey('lot', ['A']))) {
        taken.push(kv.key);
        if (taken.length === 2) break;
      }
      // The ledger names the running transaction's stub before the transaction runs.
      const closedAfterBreak = closes(ledger.lastStub);
      await expect(
        (async () => {
          for await (const kv of entriesOf(ctx.stub.getStateByPartialCompositeKey('lot', ['A']))) {
            throw new Error(`stop at ${ctx.stub.splitCompositeKey(kv.key).attributes.join('/')}`);
          }
        })(),
      ).rejects.toThrow('stop at A/1');
      return { taken: taken.length, closedAfterBreak };
    });
    expect(result).toEqual({ taken: 2, closedAfterBreak: 1 });
    expect(closes(stub)).toBe(2);
    // The stub records the keys taken (a peer records up to the last key of the batch it fetched): two, one.
    expect(stub.stateReads()).toHaveLength(3);
  });

  it('a bounded range read closes only when it stopped before the range’s end', async () => {
    const ledger = await ledgerWithLots();
    const bounded = await inTransaction(ledger, (ctx) => objectsAfter<{ n: number }>(ctx, 'lot', null, 3));
    expect(bounded.result.map((lot) => lot.value.n)).toEqual([1, 2, 3]);
    expect(closes(bounded.stub)).toBe(1);
    const whole = await inTransaction(ledger, (ctx) => objectsAfter<{ n: number }>(ctx, 'lot', null, 10));
    expect(whole.result).toHaveLength(5);
    expect(closes(whole.stub)).toBe(0);
  });

  it('reads a range of 250 entries with three messages: the read and two further batches of 100', async () => {
    const ledger = new TestLedger();
    await ledger.submit(Users.regulator, async (ctx) => {
      for (let n = 0; n < 250; n++) {
        await ctx.stub.putState(
          ctx.stub.createCompositeKey('lot', ['B', String(n).padStart(3, '0')]),
          bytes('{}'),
        );
      }
    });
    const { result, stub } = await inTransaction(
      ledger,
      async (ctx) => (await new Store(ctx).list('lot', ['B'])).length,
    );
    expect(result).toBe(250);
    expect(stub.peerMessages()).toEqual(['GET_STATE_BY_RANGE', 'QUERY_STATE_NEXT', 'QUERY_STATE_NEXT']);
  });

  it('a transfer and an order placement send no closing message', async () => {
    const ledger = await marketScenario();
    await placeOrder(ledger, 'TRADE1', 'sell', 10_100, 5);
    expect(ledger.lastStub?.rangeReads().length).toBeGreaterThan(0);
    expect(closes(ledger.lastStub)).toBe(0);
    await submit(ledger, Users.trader1, tx(cc.allowance, 'Transfer'), {
      fromAccount: 'TRADE1',
      toAccount: 'HOLD1',
      quantity: 3,
    });
    expect(ledger.lastStub?.rangeReads().length).toBeGreaterThan(0);
    expect(closes(ledger.lastStub)).toBe(0);
  });
});
