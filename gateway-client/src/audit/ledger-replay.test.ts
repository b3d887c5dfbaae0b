import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Lot } from '@carbon-ets/contract';
import { GatewayClientError } from '../errors';
import { blockTransactions } from './block-decoder';
import { LedgerReplay } from './ledger-replay';
import { compositeKey, testBlock } from '../testing/test-blocks';

const lotKey = (account: string, id: string) => compositeKey('lot', account, id);

/** A lot as the chaincode writes it. */
const lotValue = (accountId: string, id: string): Lot => ({
  id,
  accountId,
  unitType: 'allowance',
  vintage: 2030,
  serialStart: 1,
  serialEnd: 10,
  quantity: 10,
  status: 'held',
  origin: 'issuance',
  createdAt: '2030-01-01T00:00:00.000Z',
  createdTxId: 't1',
});

describe('blockTransactions', () => {
  test('decodes each endorser transaction with its validation flag and writes to the namespace', () => {
    const block = testBlock(3, [
      { txId: 'a', writes: [{ key: 'k1', value: { n: 1 } }] },
      { txId: 'b', valid: false, writes: [{ key: 'k2', value: { n: 2 } }] },
      { txId: 'c', writes: [{ key: 'k1' }] },
    ]);
    const transactions = blockTransactions(block, 'carbon');
    expect(transactions.map((t) => [t.txId, t.valid, t.writes.map((w) => [w.key, w.isDelete])])).toEqual([
      ['a', true, [['k1', false]]],
      ['b', false, [['k2', false]]],
      ['c', true, [['k1', true]]],
    ]);
    expect(blockTransactions(block, 'other-chaincode').every((t) => t.writes.length === 0)).toBe(true);
  });
});

describe('LedgerReplay', () => {
  test('applies valid writes in order, skips invalid transactions, honours deletes', () => {
    const replay = new LedgerReplay('carbon', 'carbon');
    replay.apply(
      testBlock(0, [{ txId: 't1', writes: [{ key: lotKey('A', 'l1'), value: lotValue('A', 'l1') }] }]),
    );
    replay.apply(
      testBlock(1, [
        { txId: 't2', valid: false, writes: [{ key: lotKey('A', 'l1') }] },
        {
          txId: 't3',
          writes: [{ key: lotKey('A', 'l1') }, { key: lotKey('B', 'l2'), value: lotValue('B', 'l2') }],
        },
      ]),
    );
    expect(replay.objects('lot', Lot).map((l) => l.id)).toEqual(['l2']);
    expect([replay.transactions, replay.validTransactions, replay.nextBlock]).toEqual([3, 2, 2n]);
  });

  test("objects are parsed with the contract's schema: a value it refuses throws, naming key and field", () => {
    const replay = new LedgerReplay('carbon', 'carbon');
    replay.apply(
      testBlock(0, [
        {
          txId: 't1',
          writes: [{ key: lotKey('A', 'l1'), value: { ...lotValue('A', 'l1'), quantity: '10' } }],
        },
      ]),
    );
    expect(() => replay.objects('lot', Lot)).toThrow(GatewayClientError);
    expect(() => replay.objects('lot', Lot)).toThrow(
      /^the lot A ~ l1 written in block history does not match the wire contract: quantity /,
    );
  });

  test('refuses a gap in the block sequence', () => {
    const replay = new LedgerReplay('carbon', 'carbon');
    expect(() => {
      replay.apply(testBlock(1, []));
    }).toThrow('replay expected block 0, got block 1');
  });

  test('a checkpoint resumes where the replay stopped; another channel starts over', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'replay-')), 'checkpoint.json');
    const replay = new LedgerReplay('carbon', 'carbon');
    replay.apply(testBlock(0, [{ txId: 't1', writes: [{ key: 'k', value: 1 }] }]));
    replay.save(file);
    const resumed = LedgerReplay.resume(file, 'carbon', 'carbon');
    expect([resumed.nextBlock, resumed.transactions, [...resumed.state]]).toEqual([1n, 1, [['k', '1']]]);
    expect(LedgerReplay.resume(file, 'other', 'carbon').nextBlock).toBe(0n);
    expect(LedgerReplay.resume(undefined, 'carbon', 'carbon').nextBlock).toBe(0n);
  });
});
