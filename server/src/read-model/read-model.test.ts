import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type ServerDatabase } from '../store/database';
import { BlockOutOfOrderError, ReadModel } from './read-model';
import { StateMismatchError } from './state-writes';
import { cycleBlocks, cycleFixture } from './testing/cycle-fixture';

function applyAll(model: ReadModel, blocks = cycleBlocks()): void {
  for (const block of blocks) model.apply(block);
}

/** Every row of every read-model table, to compare two models. */
function dump(db: ServerDatabase): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm_%'")
    .all();
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY 1, 2`).all()]),
  );
}

describe('ReadModel agrees with the chaincode after a whole cycle', () => {
  const fixture = cycleFixture();
  let model: ReadModel;
  beforeAll(() => {
    model = new ReadModel(openDatabase(':memory:'));
    applyAll(model);
  });

  it('reflects every block applied', () => {
    expect(model.height()).toBe(BigInt(fixture.transactions.length + 1));
  });

  it('holds what Query:GetHoldings answers for every account', () => {
    for (const [accountId, expected] of Object.entries(fixture.expected.holdings)) {
      expect({ accountId, answer: model.holdings(accountId).value }).toEqual({ accountId, answer: expected });
    }
    expect(model.holdings('NO-SUCH-ACCOUNT').value).toBeNull();
  });

  it('holds what Funds:GetBalance answers for every enterprise account', () => {
    for (const [accountId, expected] of Object.entries(fixture.expected.funds)) {
      expect({ accountId, answer: model.funds(accountId).value }).toEqual({ accountId, answer: expected });
    }
  });

  it('holds every order as Market:GetOrder answers it', () => {
    expect(fixture.expected.orders.length).toBeGreaterThan(5);
    for (const expected of fixture.expected.orders) {
      expect(model.order(expected.id).value).toEqual(expected);
    }
  });

  it('holds every report as Mrv:GetReport answers it', () => {
    expect(model.reports().value).toEqual(fixture.expected.reports);
  });

  it('computes compliance status as Compliance:GetComplianceStatus', () => {
    for (const expected of fixture.expected.compliance) {
      expect(
        model.complianceStatus({ period: expected.period, installationId: expected.installationId }).value,
      ).toEqual([expected]);
    }
  });

  it('reaches the same state whether blocks carry one transaction or several', () => {
    const batched = openDatabase(':memory:');
    const other = new ReadModel(batched);
    applyAll(other, cycleBlocks(7));
    for (const accountId of Object.keys(fixture.expected.holdings)) {
      expect(other.holdings(accountId).value).toEqual(model.holdings(accountId).value);
    }
    expect(other.events({ afterSeq: 0, entityIds: 'all', limit: 500 }).items.map((e) => e.txId)).toEqual(
      model.events({ afterSeq: 0, entityIds: 'all', limit: 500 }).items.map((e) => e.txId),
    );
  });
});

describe('ReadModel.apply', () => {
  let db: ServerDatabase;
  let model: ReadModel;
  const blocks = cycleBlocks();
  beforeEach(() => {
    db = openDatabase(':memory:');
    model = new ReadModel(db);
  });

  it('starts at height 0 and advances by one per block, even a block without carbon events', () => {
    expect(model.height()).toBe(0n);
    expect(model.apply({ number: 0n, events: [], writes: [] })).toEqual([]);
    expect(model.height()).toBe(1n);
  });

  it('skips a block already applied: nothing changes and nothing is logged again', () => {
    applyAll(model, blocks.slice(0, 20));
    const before = dump(db);
    for (const block of blocks.slice(0, 20)) expect(model.apply(block)).toEqual([]);
    expect(dump(db)).toEqual(before);
    expect(model.height()).toBe(20n);
  });

  it('refuses a block beyond the next one, and changes nothing', () => {
    applyAll(model, blocks.slice(0, 5));
    const before = dump(db);
    expect(() => model.apply(blocks[6]!)).toThrow(BlockOutOfOrderError);
    expect(() => model.apply(blocks[6]!)).toThrow('the read model needs block 5 next, got block 6');
    expect(dump(db)).toEqual(before);
  });

  it('applies a block wholly or not at all: a write the contract refuses rolls back the whole block', () => {
    applyAll(model, blocks.slice(0, 10));
    const before = dump(db);
    const good = blocks[10]!;
    const broken = {
      ...good,
      writes: [
        ...good.writes,
        { txId: 'bad', key: '\u0000lot\u0000HOLD1\u0000bad\u0000', value: '{"id":"bad","quantity":"ten"}' },
      ],
    };
    expect(good.writes.length).toBeGreaterThan(0);
    expect(() => model.apply(broken)).toThrow(StateMismatchError);
    expect(() => model.apply(broken)).toThrow(/lot ~ HOLD1 ~ bad written on the ledger does not match/);
    expect(dump(db)).toEqual(before);
    expect(model.height()).toBe(10n);
    // The same block, as the ledger really has it, then applies.
    expect(model.apply(good)).toHaveLength(good.events.length);
    expect(model.height()).toBe(11n);
  });

  it('ignores keys that are no object of the contract (the order book index)', () => {
    applyAll(model, blocks.slice(0, 3));
    expect(() =>
      model.apply({
        number: 3n,
        events: [],
        writes: [{ txId: 't', key: 'orderBook|allowance-2025|x', value: 'not json' }],
      }),
    ).not.toThrow();
  });

  it('reset drops the projection; a rebuild from block 0 gives the same tables and the same seqs', () => {
    applyAll(model, blocks);
    const before = dump(db);
    model.reset();
    expect(model.height()).toBe(0n);
    expect(model.holdings('HOLD1').value).toBeNull();
    expect(model.events({ afterSeq: 0, entityIds: 'all', limit: 10 }).items).toEqual([]);
    applyAll(model, blocks);
    expect(dump(db)).toEqual(before);
  });

  it('keeps its checkpoint in the database file: a restarted server resumes where it stopped', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'read-model-'));
    try {
      const file = path.join(dir, 'server.db');
      const first = openDatabase(file);
      applyAll(new ReadModel(first), blocks.slice(0, 30));
      first.close();
      const second = openDatabase(file);
      const resumed = new ReadModel(second);
      expect(resumed.height()).toBe(30n);
      // The feed re-reads from its checkpoint; blocks it already has are skipped.
      applyAll(resumed, blocks);
      expect(resumed.height()).toBe(BigInt(blocks.length));
      expect(resumed.holdings('HOLD1').value).toEqual(cycleFixture().expected.holdings.HOLD1);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
