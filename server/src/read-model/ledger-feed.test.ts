import type { common } from '@hyperledger/fabric-protos';
import { openDatabase } from '../store/database';
import { readBlock } from './block-reader';
import type { LoggedEvent } from './ledger-block';
import { followLedger, type BlockSource } from './ledger-feed';
import { ReadModel } from './read-model';
import { carbonEvent, cycleFixture, type FixtureTransaction } from './testing/cycle-fixture';
import { fabricBlock, type TestTransaction } from './testing/fabric-blocks';

const transactions = cycleFixture().transactions;

/** The recorded cycle as Fabric blocks: block 0 a config block, then one transaction per block. */
function chain(): common.Block[] {
  return [
    fabricBlock(0n, [{ txId: 'genesis', type: 'CONFIG' }]),
    ...transactions.map((transaction, i) => fabricBlock(BigInt(i + 1), [transaction as TestTransaction])),
  ];
}

describe('readBlock', () => {
  const [first, second] = transactions as [FixtureTransaction, FixtureTransaction];

  it("keeps the valid transactions' carbon events and writes, with their timestamps", () => {
    const read = readBlock(
      fabricBlock(7n, [
        first,
        { ...second, valid: false },
        {
          txId: 'other',
          chaincode: 'lifecycle',
          event: { name: 'Installed', payload: {} },
          writes: [{ key: 'k', value: 'v' }],
        },
        second,
      ]),
      'carbon',
    );
    expect(read.invalid).toEqual([]);
    expect(read.block).toEqual({
      number: 7n,
      timestamp: first.timestamp,
      events: [...carbonEvent(first, 7n), ...carbonEvent(second, 7n)],
      writes: [first, second].flatMap((t) =>
        t.writes.map((w) => ({ txId: t.txId, key: w.key, value: w.value })),
      ),
    });
  });

  it('decodes deletes as null values', () => {
    const read = readBlock(
      fabricBlock(1n, [{ txId: 't1', writes: [{ key: '\u0000cash\u0000A\u0000e\u0000', value: null }] }]),
      'carbon',
    );
    expect(read.block.writes).toEqual([{ txId: 't1', key: '\u0000cash\u0000A\u0000e\u0000', value: null }]);
  });

  it('sets aside an event that does not match the wire contract, keeping the writes', () => {
    const read = readBlock(
      fabricBlock(3n, [
        {
          txId: 't1',
          event: { name: 'NoSuchEvent', payload: { txId: 't1' } },
          writes: [{ key: 'x', value: '1' }],
        },
        { txId: 't2', event: { name: 'FundsDeposited', payload: { accountId: 'A', txId: 't2' } } },
      ]),
      'carbon',
    );
    expect(read.block.events).toEqual([]);
    expect(read.block.writes).toHaveLength(1);
    expect(read.invalid.map((event) => [event.transactionId, event.reason])).toEqual([
      ['t1', 'unknown-name'],
      ['t2', 'invalid-payload'],
    ]);
  });

  it('reads a config block as a block without carbon transactions', () => {
    expect(readBlock(fabricBlock(0n, [{ txId: 'genesis', type: 'CONFIG' }]), 'carbon').block).toEqual({
      number: 0n,
      events: [],
      writes: [],
    });
  });
});

/**
 * A peer's block stream: from `startBlock` to the end of `blocks`, then it waits like a live stream until
 * closed. `dropAfter` blocks into the first stream it fails, as a peer restart would.
 */
function fakeSource(blocks: readonly common.Block[], dropAfter?: number): BlockSource & { starts: bigint[] } {
  const starts: bigint[] = [];
  return {
    starts,
    settings: { chaincode: 'carbon' },
    network: {
      getBlockEvents({ startBlock }) {
        starts.push(startBlock);
        const drop = starts.length === 1 ? dropAfter : undefined;
        let closed = (): void => undefined;
        const ended = new Promise<void>((resolve) => (closed = resolve));
        async function* stream(): AsyncGenerator<common.Block> {
          let sent = 0;
          for (const block of blocks.slice(Number(startBlock))) {
            if (drop !== undefined && sent === drop) throw new Error('stream dropped');
            sent += 1;
            yield await Promise.resolve(block);
          }
          await ended;
        }
        return Promise.resolve(Object.assign(stream(), { close: closed }));
      },
    },
  };
}

describe('followLedger', () => {
  it('applies every block from the checkpoint, resumes after a dropped stream, and stops on abort', async () => {
    const blocks = chain();
    const model = new ReadModel(openDatabase(':memory:'));
    const source = fakeSource(blocks, 5);
    const controller = new AbortController();
    const logged: LoggedEvent[] = [];
    const errors: unknown[] = [];
    const following = followLedger(source, model, {
      signal: controller.signal,
      retryDelayMs: 1,
      onError: (error) => errors.push(error),
      onApplied: (events, height) => {
        logged.push(...events);
        if (height === BigInt(blocks.length)) controller.abort();
      },
    });
    await following;
    expect(source.starts).toEqual([0n, 5n]);
    expect(errors).toEqual([new Error('stream dropped')]);
    expect(model.height()).toBe(BigInt(blocks.length));
    expect(logged.map((event) => event.seq)).toEqual(logged.map((_, i) => i + 1));
    expect(logged).toHaveLength(transactions.filter((t) => t.event !== undefined).length);
    expect(model.holdings('TRADE2').value).toEqual(cycleFixture().expected.holdings.TRADE2);
  });

  it('starts a restarted feed at the model height', async () => {
    const blocks = chain();
    const model = new ReadModel(openDatabase(':memory:'));
    const [genesis, ...rest] = blocks.slice(0, 11).map((block) => readBlock(block, 'carbon').block);
    for (const block of [genesis!, ...rest]) model.apply(block);
    const source = fakeSource(blocks);
    const controller = new AbortController();
    const applied: bigint[] = [];
    await followLedger(source, model, {
      signal: controller.signal,
      onApplied: (_events, height) => {
        applied.push(height);
        if (height === 13n) controller.abort();
      },
    });
    expect(source.starts).toEqual([11n]);
    expect(applied).toEqual([12n, 13n]);
  });

  it('reports a block that cannot be applied and retries it from the checkpoint', async () => {
    const blocks = chain();
    const model = new ReadModel(openDatabase(':memory:'));
    const broken = [...blocks];
    broken[3] = fabricBlock(3n, [
      { txId: 'bad', writes: [{ key: '\u0000lot\u0000A\u0000b\u0000', value: '{}' }] },
    ]);
    const source = fakeSource(broken);
    const controller = new AbortController();
    const errors: unknown[] = [];
    await followLedger(source, model, {
      signal: controller.signal,
      retryDelayMs: 1,
      onError: (error) => {
        errors.push(error);
        if (errors.length === 2) controller.abort();
      },
    });
    expect(model.height()).toBe(3n);
    expect(source.starts).toEqual([0n, 3n]);
    expect(String(errors[0])).toMatch(/lot ~ A ~ b written on the ledger does not match the wire contract/);
  });
});
