import type { Context } from 'fabric-contract-api';
import { SystemContract } from '../contracts/system-contract';
import { Users } from '../testing/identities';
import { TestLedger } from '../testing/test-ledger';
import { REQUEST_ID_TRANSIENT_KEY } from './request-id';

const system = new SystemContract();

/** Runs Heartbeat the way the peer does (beforeTransaction first), with `requestId` in the transient map. */
function heartbeatWithRequestId(
  ledger: TestLedger,
  requestId: string | undefined,
  source: string,
): Promise<string> {
  return ledger.submit(Users.trader1, async (ctx: Context) => {
    const transient = new Map<string, Uint8Array>();
    if (requestId !== undefined) transient.set(REQUEST_ID_TRANSIENT_KEY, new TextEncoder().encode(requestId));
    jest.spyOn(ctx.stub, 'getTransient').mockReturnValue(transient);
    await system.beforeTransaction(ctx);
    return system.Heartbeat(ctx, source);
  });
}

describe('client request ids', () => {
  test('a request id is applied once; a replay is refused and changes nothing', async () => {
    const ledger = new TestLedger();
    await heartbeatWithRequestId(ledger, 'req-1', 'a');
    const after = ledger.world.fingerprint();
    await expect(heartbeatWithRequestId(ledger, 'req-1', 'b')).rejects.toThrow(
      /^CONFLICT: request req-1 was already applied by transaction /,
    );
    expect(ledger.world.fingerprint()).toBe(after);
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
    const before = ledger.world.fingerprint();
    await expect(heartbeatWithRequestId(ledger, 'no spaces/allowed', 'a')).rejects.toThrow(
      /^INVALID_ARGUMENT: /,
    );
    expect(ledger.world.fingerprint()).toBe(before);
  });
});
