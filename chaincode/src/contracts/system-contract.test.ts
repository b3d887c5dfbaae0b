import { Users } from '../testing/identities';
import { expectRefused } from '../testing/expect-refused';
import { TestLedger } from '../testing/test-ledger';
import { SystemContract } from './system-contract';

const system = new SystemContract();

describe('System:Heartbeat', () => {
  test('writes heartbeat~source without reading anything, and says so in its event', async () => {
    const ledger = new TestLedger();
    const beat = JSON.parse(
      await ledger.submit(Users.trader1, (ctx) => system.Heartbeat(ctx, 'bench-7')),
    ) as Record<string, unknown>;
    expect(beat).toMatchObject({ source: 'bench-7' });
    const stored = await ledger.evaluate(Users.auditor, async (ctx) => {
      const bytes = await ctx.stub.getState(ctx.stub.createCompositeKey('heartbeat', ['bench-7']));
      return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    });
    expect(stored).toEqual(beat);
  });

  test('a caller without a carbon role is refused and nothing is written', async () => {
    const ledger = new TestLedger();
    await expectRefused(
      ledger,
      ledger.submit(Users.regulatorAdmin, (ctx) => system.Heartbeat(ctx, 'x')),
      'FORBIDDEN',
    );
  });

  test('a malformed source is refused and nothing is written', async () => {
    const ledger = new TestLedger();
    await expectRefused(
      ledger,
      ledger.submit(Users.trader1, (ctx) => system.Heartbeat(ctx, 'a b/c')),
      'INVALID_ARGUMENT',
    );
  });
});
