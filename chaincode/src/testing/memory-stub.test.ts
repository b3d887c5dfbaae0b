import { Users } from './identities';
import { TestLedger } from './test-ledger';

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
    await expect(
      ledger.submit(Users.regulator, async (ctx) => {
        await ctx.stub.putState('a', bytes('2'));
        await ctx.stub.putState('b', bytes('2'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
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
      const iterator = await ctx.stub.getStateByRange('plain-1', 'plain-3');
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
