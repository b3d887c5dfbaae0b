import { createHash } from 'node:crypto';
import type { Context } from 'fabric-contract-api';
import { SystemContract } from '../contracts/system-contract';
import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import type { TestIdentity } from '../testing/memory-identity';
import { TestLedger } from '../testing/test-ledger';
import { REQUEST_ID_TRANSIENT_KEY } from './request-id';

const system = new SystemContract();

/**
 * Runs Heartbeat the way the peer does (beforeTransaction, the function, then afterTransaction only if the
 * function succeeded), with `requestId` in the transient map.
 */
function heartbeatWithRequestId(
  ledger: TestLedger,
  requestId: string | undefined,
  source: string,
  who: TestIdentity = Users.trader1,
): Promise<string> {
  return ledger.submit(who, async (ctx: Context) => {
    const transient = new Map<string, Uint8Array>();
    if (requestId !== undefined) transient.set(REQUEST_ID_TRANSIENT_KEY, new TextEncoder().encode(requestId));
    jest.spyOn(ctx.stub, 'getTransient').mockReturnValue(transient);
    await system.beforeTransaction(ctx);
    const result = await system.Heartbeat(ctx, source);
    await system.afterTransaction(ctx);
    return result;
  });
}

describe('client request ids', () => {
  test('a request id is applied once; a replay is refused and changes nothing', async () => {
    const ledger = new TestLedger();
    await heartbeatWithRequestId(ledger, 'req-1', 'a');
    // Composite key `request ~ <MSP id> ~ sha256(subject DN) ~ req-1`, as fabric-shim encodes it.
    const subject = createHash('sha256').update('/CN=trader1').digest('hex');
    expect(ledger.world.state.has(`\x00request\x00Enterprise1MSP\x00${subject}\x00req-1\x00`)).toBe(true);
    await expectRefused(
      ledger,
      heartbeatWithRequestId(ledger, 'req-1', 'b'),
      'CONFLICT',
      /^CONFLICT: request req-1 was already applied by transaction /,
    );
  });

  test('requests without an id, or with different ids, are all applied', async () => {
    const ledger = new TestLedger();
    await heartbeatWithRequestId(ledger, undefined, 'a');
    await heartbeatWithRequestId(ledger, undefined, 'a');
    await heartbeatWithRequestId(ledger, 'req-1', 'b');
    await expect(heartbeatWithRequestId(ledger, 'req-2', 'c')).resolves.toContain('"source":"c"');
  });

  test('a malformed request id is refused', async () => {
    const ledger = new TestLedger();
    await expectRefused(ledger, heartbeatWithRequestId(ledger, 'no spaces/allowed', 'a'), 'INVALID_ARGUMENT');
  });

  test('a transaction refused after the request id was checked records nothing, so the id stays usable', async () => {
    const ledger = new TestLedger();
    await expectRefused(ledger, heartbeatWithRequestId(ledger, 'req-1', 'bad source'), 'INVALID_ARGUMENT');
    await expect(heartbeatWithRequestId(ledger, 'req-1', 'a')).resolves.toContain('"source":"a"');
  });

  test('a request id belongs to its caller: other identities may use it, the same identity may not', async () => {
    const ledger = new TestLedger();
    // Same MSP, other subject; other MSP; and the same subject issued in another MSP.
    const sameSubjectOtherMsp: TestIdentity = { ...Users.trader1, mspId: 'Enterprise2MSP' };
    for (const who of [Users.trader1, Users.operator1, Users.trader2, sameSubjectOtherMsp]) {
      await expect(heartbeatWithRequestId(ledger, 'req-1', 'a', who)).resolves.toContain('"source":"a"');
    }
    const requestKeys = [...ledger.world.state.keys()].filter((key) => key.startsWith('\x00request\x00'));
    expect(requestKeys).toHaveLength(4);
    for (const who of [Users.trader1, Users.operator1, Users.trader2, sameSubjectOtherMsp]) {
      await expectRefused(
        ledger,
        heartbeatWithRequestId(ledger, 'req-1', 'b', who),
        'CONFLICT',
        /^CONFLICT: request req-1 was already applied by transaction /,
      );
    }
  });
});
