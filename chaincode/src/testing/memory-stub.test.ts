import type { Context } from 'fabric-contract-api';
import type { Iterators } from 'fabric-shim-api';
import { invalidArgument } from '@carbon-ets/contract';
import { expectRefused } from './expect-refused';
import { Users } from './identities';
import { TestLedger, WriteBeforeRefusalError } from './test-ledger';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

describe('in-memory stub and test ledger', () => {
  it('commits writes, history and the last event only when the transaction succeeds', async () => {
    const ledger = new TestLedger();
    await ledger.submit(Users.regulator, async (ctx) => {
      await ctx.stub.putState('a', bytes('1'));
      ctx.stub.setEvent('first', bytes('{}'));
      ctx.stub.setEvent('second', bytes('{"n":2}'));
      // A transaction never reads its own writes.
      expect((await ctx.stub.getState('a')).length).toBe(0);
    });
    const failed = ledger.submit(Users.regulator, async (ctx) => {
      await ctx.stub.putState('a', bytes('2'));
      await ctx.stub.putState('b', bytes('2'));
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow(WriteBeforeRefusalError);
    expect(text(ledger.world.state.get('a') ?? new Uint8Array())).toBe('1');
    expect(ledger.world.state.has('b')).toBe(false);
    expect(ledger.world.events).toHaveLength(1);
    expect(ledger.lastEvent()).toEqual({ name: 'second', payload: { n: 2 } });

    await ledger.submit(Users.regulator, async (ctx) => {
      await ctx.stub.deleteState('a');
    });
    const history = await ledger.evaluate(Users.auditor, async (ctx) => {
      const entries = [];
      for await (const m of ctx.stub.getHistoryForKey('a')) entries.push(m);
      return entries;
    });
    expect(history.map((m) => m.isDelete)).toEqual([true, false]);
    expect(history[1]?.txId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('builds composite keys like fabric-shim and scans partial keys and ranges in order', async () => {
    const ledger = new TestLedger();
    await ledger.submit(Users.regulator, async (ctx) => {
      for (const [acct, lot] of [
        ['B', '2'],
        ['A', '2'],
        ['A', '1'],
        ['AB', '1'],
      ] as const) {
        await ctx.stub.putState(ctx.stub.createCompositeKey('lot', [acct, lot]), bytes(`${acct}${lot}`));
      }
      await ctx.stub.putState('plain-1', bytes('x'));
      await ctx.stub.putState('plain-2', bytes('y'));
    });
    await ledger.evaluate(Users.auditor, async (ctx) => {
      const found: string[] = [];
      for await (const kv of ctx.stub.getStateByPartialCompositeKey('lot', ['A'])) found.push(text(kv.value));
      expect(found).toEqual(['A1', 'A2']);
      // As fabric-shim: a range read resolves to `{ iterator }`.
      const { iterator } = (await ctx.stub.getStateByRange('plain-1', 'plain-3')) as unknown as {
        iterator: Iterators.StateQueryIterator;
      };
      const first = await iterator.next();
      expect(first.value.key).toBe('plain-1');
      await iterator.next();
      expect((await iterator.next()).done).toBe(true);
      await iterator.close();
      const key = ctx.stub.createCompositeKey('lot', ['A', '1']);
      expect(ctx.stub.splitCompositeKey(key)).toEqual({ objectType: 'lot', attributes: ['A', '1'] });
      expect(() => ctx.stub.createCompositeKey('lot', ['bad\u0000'])).toThrow('reserved');
    });
  });

  it('exposes tx id, timestamp, channel, MSP and client attributes', async () => {
    const ledger = new TestLedger();
    ledger.setTime('2026-04-01T00:00:00Z');
    await ledger.evaluate(Users.operator1, (ctx) => {
      expect(ctx.stub.getTxTimestamp().seconds.toNumber()).toBe(Date.parse('2026-04-01T00:00:00Z') / 1000);
      expect(ctx.stub.getDateTimestamp().toISOString()).toBe('2026-04-01T00:00:00.000Z');
      expect(ctx.stub.getChannelID()).toBe('carbon');
      expect(ctx.stub.getMspID()).toBe('Enterprise1MSP');
      expect(ctx.stub.getCreator().mspid).toBe('Enterprise1MSP');
      expect(ctx.clientIdentity.getMSPID()).toBe('Enterprise1MSP');
      expect(ctx.clientIdentity.getAttributeValue('carbon.entity')).toBe('ENT1');
      expect(ctx.clientIdentity.assertAttributeValue('carbon.role', 'operator')).toBe(true);
      expect(ctx.clientIdentity.getAttributeValue('missing')).toBeNull();
      expect(Buffer.from(ctx.clientIdentity.getIDBytes()).toString()).toContain('operator1');
      expect(ctx.stub.getFunctionAndParameters()).toEqual({ fcn: '', params: [] });
      expect(ctx.stub.getArgs()).toEqual([]);
      expect(ctx.stub.getStringArgs()).toEqual([]);
      expect(ctx.stub.getTransient().size).toBe(0);
      expect(() => ctx.stub.getSignedProposal()).toThrow('does not implement');
      return Promise.resolve();
    });
    expect(ledger.now()).toBe('2026-04-01T00:00:01.000Z');
  });

  it('stores state validation parameters with the commit and forks independent copies', async () => {
    const ledger = new TestLedger();
    await ledger.submit(Users.regulator, async (ctx) => {
      await ctx.stub.putState('k', bytes('v'));
      await ctx.stub.setStateValidationParameter('k', bytes('policy'));
    });
    const fork = ledger.fork();
    await fork.submit(Users.regulator, (ctx) => ctx.stub.putState('k2', bytes('v')));
    expect(ledger.world.state.has('k2')).toBe(false);
    expect(fork.world.fingerprint()).not.toBe(ledger.world.fingerprint());
    await ledger.evaluate(Users.regulator, async (ctx) => {
      expect(text(await ctx.stub.getStateValidationParameter('k'))).toBe('policy');
      await expect(ctx.stub.putState('', bytes('x'))).rejects.toThrow('empty');
    });
  });
});

/**
 * A tiny contract with the mistake the harness must catch: it writes, then checks. On a peer the failed
 * transaction's write vanishes, so only the test ledger's record of attempted writes can see it.
 */
class TinyContract {
  /** Writes the item, then refuses a negative quantity: the wrong order. */
  async writeThenCheck(ctx: Context, quantity: number): Promise<string> {
    await ctx.stub.putState(ctx.stub.createCompositeKey('item', ['A']), bytes(String(quantity)));
    ctx.stub.setEvent('ItemWritten', bytes('{}'));
    if (quantity < 0) throw invalidArgument('quantity must not be negative');
    return 'ok';
  }

  /** Refuses a negative quantity, then writes: the chaincode's rule. */
  async checkThenWrite(ctx: Context, quantity: number): Promise<string> {
    if (quantity < 0) throw invalidArgument('quantity must not be negative');
    await ctx.stub.putState(ctx.stub.createCompositeKey('item', ['A']), bytes(String(quantity)));
    return 'ok';
  }
}

describe('test ledger: a refused transaction must not attempt a write', () => {
  const tiny = new TinyContract();

  it('replaces the error of a transaction that wrote before failing, and records what it attempted', async () => {
    const ledger = new TestLedger();
    const before = ledger.world.fingerprint();
    const error = await ledger
      .submit(Users.regulator, (ctx) => tiny.writeThenCheck(ctx, -1))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteBeforeRefusalError);
    // The transaction's own message is left out, so an assertion on it cannot pass by accident.
    expect((error as Error).message).toMatch(
      /^WRITE_BEFORE_REFUSAL: .*putState item\/A, setEvent ItemWritten/,
    );
    expect((error as Error).message).not.toContain('must not be negative');
    expect(String((error as Error).cause)).toContain('INVALID_ARGUMENT: quantity must not be negative');
    expect(ledger.lastRefusal()?.attemptedWrites).toEqual(['putState item/A', 'setEvent ItemWritten']);
    // The world did not change: which is exactly why comparing fingerprints alone could never catch this.
    expect(ledger.world.fingerprint()).toBe(before);
  });

  it('records every kind of write: put, delete, validation parameter and event', async () => {
    const ledger = new TestLedger();
    await expect(
      ledger.submit(Users.regulator, async (ctx) => {
        await ctx.stub.deleteState('gone');
        await ctx.stub.setStateValidationParameter('k', bytes('policy'));
        await ctx.stub.putState('', bytes('x')).catch(() => undefined);
        throw invalidArgument('late');
      }),
    ).rejects.toThrow(WriteBeforeRefusalError);
    expect(ledger.lastRefusal()?.attemptedWrites).toEqual([
      'deleteState gone',
      'setStateValidationParameter k',
      'putState ',
    ]);
  });

  it('keeps the own error of a transaction that checked first, and records the refusal', async () => {
    const ledger = new TestLedger();
    await expect(ledger.submit(Users.regulator, (ctx) => tiny.checkThenWrite(ctx, -1))).rejects.toThrow(
      'INVALID_ARGUMENT: quantity must not be negative',
    );
    expect(ledger.refusals).toHaveLength(1);
    expect(ledger.lastRefusal()?.attemptedWrites).toEqual([]);
    await ledger.submit(Users.regulator, (ctx) => tiny.checkThenWrite(ctx, 5));
    expect(ledger.refusals).toHaveLength(1);
    expect(text(ledger.world.state.get('\x00item\x00A\x00') ?? new Uint8Array())).toBe('5');
  });

  it('expectRefused passes a clean refusal and fails on a write before refusing, a success or a wrong code', async () => {
    const ledger = new TestLedger();
    const error = await expectRefused(
      ledger,
      ledger.submit(Users.regulator, (ctx) => tiny.checkThenWrite(ctx, -1)),
      'INVALID_ARGUMENT',
      /must not be negative/,
    );
    expect(error.message).toBe('INVALID_ARGUMENT: quantity must not be negative');

    await expect(
      expectRefused(
        ledger,
        ledger.submit(Users.regulator, (ctx) => tiny.writeThenCheck(ctx, -1)),
        'INVALID_ARGUMENT',
      ),
    ).rejects.toThrow('WRITE_BEFORE_REFUSAL');
    await expect(
      expectRefused(
        ledger,
        ledger.submit(Users.regulator, (ctx) => tiny.checkThenWrite(ctx, 1)),
        'INVALID_ARGUMENT',
      ),
    ).rejects.toThrow('but the transaction succeeded with "ok"');
    await expect(
      expectRefused(
        ledger,
        ledger.submit(Users.regulator, (ctx) => tiny.checkThenWrite(ctx, -1)),
        'NOT_FOUND',
      ),
    ).rejects.toThrow();
    await expect(
      expectRefused(
        ledger,
        ledger.submit(Users.regulator, (ctx) => tiny.checkThenWrite(ctx, -1)),
        'INVALID_ARGUMENT',
        'another message',
      ),
    ).rejects.toThrow();
    // A refusal by evaluate, or by another ledger, is not a refused submit on this ledger.
    await expect(
      expectRefused(
        ledger,
        ledger.evaluate(Users.regulator, (ctx) => tiny.checkThenWrite(ctx, -1)),
        'INVALID_ARGUMENT',
      ),
    ).rejects.toThrow();
    const other = new TestLedger();
    await expect(
      expectRefused(
        ledger,
        other.submit(Users.regulator, (ctx) => tiny.checkThenWrite(ctx, -1)),
        'INVALID_ARGUMENT',
      ),
    ).rejects.toThrow();
  });
});
