import type { LoggedEvent } from '../read-model/ledger-block';
import { type ClearingRound, MarketOperator } from './market-operator';

/** A clearing the test completes by hand, so it decides when a round ends. */
function controlledClearing() {
  const calls: {
    instrument: string;
    finish: (round: Partial<ClearingRound>) => void;
    fail: (err: unknown) => void;
  }[] = [];
  const clear = (instrument: string) =>
    new Promise<ClearingRound>((resolve, reject) => {
      calls.push({
        instrument,
        finish: (round) => {
          resolve({ trades: 0, more: false, transactionId: `tx${calls.length}`, ...round });
        },
        fail: reject,
      });
    });
  return { calls, clear };
}

const placed = (instrument: string): LoggedEvent =>
  ({ name: 'OrderPlaced', payload: { order: { instrument } } }) as unknown as LoggedEvent;
const named = (name: string): LoggedEvent => ({ name, payload: {} }) as unknown as LoggedEvent;
/** Moves the fake clock: timers fire and the promises they start settle, with no real waiting. */
const tick = (ms = 30) => jest.advanceTimersByTimeAsync(ms);

describe('MarketOperator', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('clears an instrument after an order event, one round in flight, and once more for orders that arrived meanwhile', async () => {
    const { calls, clear } = controlledClearing();
    const operator = new MarketOperator({ clear }, { minIntervalMs: 5 });
    operator.blockApplied([placed('allowance-2025')]);
    await tick();
    expect(calls.map((call) => call.instrument)).toEqual(['allowance-2025']);
    // Ten orders while the round runs: no second round in flight, one round after it.
    operator.blockApplied(Array.from({ length: 10 }, () => placed('allowance-2025')));
    await tick();
    expect(calls).toHaveLength(1);
    expect(operator.state().instruments['allowance-2025']).toMatchObject({ inFlight: true, pending: true });
    calls[0]!.finish({ trades: 3 });
    await tick();
    expect(calls).toHaveLength(2);
    calls[1]!.finish({});
    await tick();
    expect(calls).toHaveLength(2);
    expect(operator.state().instruments['allowance-2025']).toMatchObject({
      rounds: 2,
      trades: 3,
      inFlight: false,
      pending: false,
    });
    operator.stop();
  });

  it('clears after an approval that placed an order, and not after other decisions', async () => {
    const { calls, clear } = controlledClearing();
    const operator = new MarketOperator({ clear }, { minIntervalMs: 5 });
    const decided = (order?: { instrument: string }): LoggedEvent =>
      ({
        name: 'ApprovalDecided',
        payload: { approval: {}, ...(order === undefined ? {} : { order }) },
      }) as unknown as LoggedEvent;
    operator.blockApplied([decided()]);
    await tick();
    expect(calls).toHaveLength(0);
    operator.blockApplied([decided({ instrument: 'allowance-2025' })]);
    await tick();
    expect(calls.map((call) => call.instrument)).toEqual(['allowance-2025']);
    calls[0]!.finish({});
    operator.stop();
  });

  it('clears instruments independently and again when a round stopped at its bound', async () => {
    const { calls, clear } = controlledClearing();
    const operator = new MarketOperator({ clear }, { minIntervalMs: 5 });
    operator.blockApplied([placed('allowance-2025'), placed('offset-2025')]);
    await tick();
    expect(calls.map((call) => call.instrument).sort()).toEqual(['allowance-2025', 'offset-2025']);
    calls.find((call) => call.instrument === 'allowance-2025')!.finish({ trades: 200, more: true });
    calls.find((call) => call.instrument === 'offset-2025')!.finish({});
    await tick();
    expect(calls.map((call) => call.instrument)).toEqual(['allowance-2025', 'offset-2025', 'allowance-2025']);
    calls[2]!.finish({});
    operator.stop();
  });

  it('runs no round while the market is halted and catches up when it resumes', async () => {
    const { calls, clear } = controlledClearing();
    const operator = new MarketOperator({ clear }, { minIntervalMs: 5 });
    operator.blockApplied([named('MarketHalted'), placed('allowance-2025')]);
    await tick();
    expect(calls).toHaveLength(0);
    expect(operator.state().halted).toBe(true);
    operator.blockApplied([named('MarketResumed')]);
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]!.finish({});
    operator.stop();
  });

  it('skips a round when the read model says the book cannot cross', async () => {
    const { calls, clear } = controlledClearing();
    const operator = new MarketOperator({ clear, mayCross: () => false }, { minIntervalMs: 5 });
    operator.blockApplied([placed('allowance-2025')]);
    await tick();
    expect(calls).toHaveLength(0);
    operator.stop();
  });

  it('keeps rounds of one instrument at least minIntervalMs apart', async () => {
    const { calls, clear } = controlledClearing();
    const operator = new MarketOperator({ clear }, { minIntervalMs: 150 });
    operator.blockApplied([placed('allowance-2025')]);
    await tick(20);
    calls[0]!.finish({});
    operator.blockApplied([placed('allowance-2025')]);
    await tick(40);
    expect(calls).toHaveLength(1);
    await tick(200);
    expect(calls).toHaveLength(2);
    calls[1]!.finish({});
    operator.stop();
  });

  it('retries a round that failed on a conflict, and does not retry a refusal until the market resumes', async () => {
    const { calls, clear } = controlledClearing();
    const operator = new MarketOperator({ clear }, { minIntervalMs: 5 });
    operator.blockApplied([placed('allowance-2025')]);
    await tick();
    calls[0]!.fail(Object.assign(new Error('MVCC_READ_CONFLICT'), { code: 'CONFLICT' }));
    await tick(60);
    expect(calls).toHaveLength(2);
    calls[1]!.fail(Object.assign(new Error('the market is halted'), { code: 'FAILED_PRECONDITION' }));
    await tick(60);
    expect(calls).toHaveLength(2);
    expect(operator.state().instruments['allowance-2025']).toMatchObject({
      failures: 2,
      lastError: 'the market is halted',
    });
    operator.blockApplied([named('MarketHalted')]);
    operator.blockApplied([named('MarketResumed')]);
    await tick(60);
    expect(calls).toHaveLength(3);
    calls[2]!.finish({});
    operator.stop();
  });
});

describe('MarketOperator clearing modes', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('leaves a manual instrument to the regulator and clears it once it is automatic again', async () => {
    const { calls, clear } = controlledClearing();
    const operator = new MarketOperator(
      { clear },
      { minIntervalMs: 5, manualInstruments: ['allowance-2030'] },
    );
    operator.blockApplied([placed('allowance-2030'), placed('allowance-2031')]);
    await tick();
    expect(calls.map((call) => call.instrument)).toEqual(['allowance-2031']);
    expect(operator.state().instruments['allowance-2030']).toMatchObject({ clearing: 'manual', rounds: 0 });
    operator.setClearing('allowance-2030', 'automatic');
    await tick();
    expect(calls.map((call) => call.instrument)).toEqual(['allowance-2031', 'allowance-2030']);
    operator.setClearing('allowance-2031', 'manual');
    calls[0]!.finish({});
    calls[1]!.finish({});
    operator.blockApplied([placed('allowance-2031')]);
    await tick();
    expect(calls).toHaveLength(2);
    operator.stop();
  });
});
