import { StatusCode } from '@hyperledger/fabric-gateway';
import { drive, percentile } from './load-driver';

describe('percentile', () => {
  test('nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99)]).toEqual([
      50, 95, 99,
    ]);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe('drive', () => {
  test('counts commits, conflicts and errors per slot and keeps every slot busy', async () => {
    let calls = 0;
    const codes = [StatusCode.VALID, StatusCode.MVCC_READ_CONFLICT, StatusCode.PHANTOM_READ_CONFLICT];
    const operation = async () => {
      const code = codes[calls++ % 4];
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (code === undefined) throw new Error('endorsement refused');
      return { code };
    };
    const result = await drive([operation, operation], 200);
    expect(result.inFlight).toBe(2);
    expect(result.attempts).toBe(calls);
    expect(result.committed + result.mvccConflicts + result.phantomConflicts + result.endorsementErrors).toBe(
      calls,
    );
    expect(result.committed).toBeGreaterThan(0);
    expect(result.mvccConflicts).toBeGreaterThan(0);
    expect(result.firstError).toBe('endorsement refused');
    expect(result.tps).toBeCloseTo(result.committed / result.seconds, 5);
  });
});
