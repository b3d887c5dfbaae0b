import { openDatabase } from '../store/database';
import { InvalidCursorError } from './queries';
import { ReadModel } from './read-model';
import { blockOf, cycleBlocks } from './testing/cycle-fixture';

describe('orders, trades and price series', () => {
  const model = new ReadModel(openDatabase(':memory:'));
  beforeAll(() => {
    for (const block of cycleBlocks()) model.apply(block);
  });

  it('lists orders newest first with their status after fills, cancels and expiries', () => {
    const page = model.orders({ limit: 50 });
    expect(page.height).toBe(Number(model.height()));
    expect(page.nextCursor).toBeUndefined();
    expect(
      page.items.map((o) => `${o.accountId} ${o.side} ${o.quantity} ${o.status} ${o.remaining}`),
    ).toEqual([
      'TRADE2 buy 3 open 3',
      'TRADE2 buy 5 expired 5',
      'TRADE2 buy 40 filled 0',
      'TRADE1 sell 100 expired 60',
      'TRADE2 buy 10 filled 0',
      'TRADE1 sell 10 filled 0',
      'TRADE1 sell 600 cancelled 600',
    ]);
  });

  it('filters orders by account, entity, instrument and status', () => {
    expect(model.orders({ accountId: 'TRADE1', limit: 50 }).items).toHaveLength(3);
    expect(
      model.orders({ entityId: 'ENT2', status: 'filled', limit: 50 }).items.map((o) => o.quantity),
    ).toEqual([40, 10]);
    expect(model.orders({ instrument: 'allowance-2025', status: 'open', limit: 50 }).items).toHaveLength(1);
    expect(model.orders({ instrument: 'offset-2025', limit: 50 }).items).toEqual([]);
  });

  it('pages orders with a cursor', () => {
    const first = model.orders({ limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = model.orders({ limit: 3, cursor: first.nextCursor! });
    const third = model.orders({ limit: 3, cursor: second.nextCursor! });
    expect(third.nextCursor).toBeUndefined();
    const all = [...first.items, ...second.items, ...third.items].map((o) => o.id);
    expect(all).toEqual(model.orders({ limit: 50 }).items.map((o) => o.id));
    expect(() => model.orders({ limit: 3, cursor: 'x; DROP TABLE rm_orders' })).toThrow(InvalidCursorError);
  });

  it('answers one order, or null', () => {
    const [open] = model.orders({ status: 'open', limit: 1 }).items;
    expect(model.order(open!.id).value).toEqual(open);
    expect(model.order('nope').value).toBeNull();
  });

  it('lists trades with their counterparties, filtered by either side', () => {
    const trades = model.trades({ limit: 50 }).items;
    expect(
      trades.map((t) => `${t.kind} ${t.quantity}@${t.price} ${t.sellAccountId}->${t.buyAccountId}`),
    ).toEqual([
      'bilateral 4@10000 TRADE1->TRADE2',
      'order-book 40@10000 TRADE1->TRADE2',
      'order-book 10@10000 TRADE1->TRADE2',
    ]);
    expect(model.trades({ accountId: 'TRADE1', limit: 50 }).items).toHaveLength(3);
    expect(model.trades({ entityId: 'ENT2', limit: 50 }).items).toHaveLength(3);
    expect(model.trades({ accountId: 'HOLD1', limit: 50 }).items).toEqual([]);
    expect(model.trades({ instrument: 'allowance-2025', limit: 2 }).nextCursor).toBeDefined();
  });

  it('builds daily bars from order-book trades, bilateral trades counted apart', () => {
    expect(model.priceSeries('allowance-2025', 'day').value).toEqual([
      {
        instrument: 'allowance-2025',
        bucket: '2025-01-15',
        open: 10_000,
        high: 10_000,
        low: 10_000,
        last: 10_000,
        volume: 50,
        turnover: '500000',
        trades: 2,
        bilateralVolume: 0,
        bilateralTurnover: '0',
        bilateralTrades: 0,
      },
      {
        instrument: 'allowance-2025',
        bucket: '2025-01-16',
        open: null,
        high: null,
        low: null,
        last: null,
        volume: 0,
        turnover: '0',
        trades: 0,
        bilateralVolume: 4,
        bilateralTurnover: '40000',
        bilateralTrades: 1,
      },
    ]);
  });

  it('leaves a trade paid off-channel, which has no public price, out of every bar', () => {
    const blocks = cycleBlocks();
    const withOffChannel = new ReadModel(openDatabase(':memory:'));
    for (const block of blocks) withOffChannel.apply(block);
    const trade = {
      id: 'offchannel.1',
      kind: 'bilateral',
      instrument: 'allowance-2025',
      day: '2025-01-16',
      quantity: 7,
      settlement: 'off-channel',
      executedAt: '2025-01-16T09:30:00.000Z',
      buyAccountId: 'TRADE2',
      sellAccountId: 'TRADE1',
      buyerEntityId: 'ENT2',
      sellerEntityId: 'ENT1',
      proposalId: 'offchannel',
      deliveredLotIds: ['offchannel.1'],
      txId: 'offchannel',
      agreedPriceData: {
        seller: {
          collection: 'commercial-Enterprise1MSP',
          key: ['agreedPrice', 'offchannel'],
          sha256: 'a'.repeat(64),
        },
        buyer: {
          collection: 'commercial-Enterprise2MSP',
          key: ['agreedPrice', 'offchannel'],
          sha256: 'a'.repeat(64),
        },
      },
    };
    withOffChannel.apply({
      number: BigInt(blocks.length),
      timestamp: trade.executedAt,
      events: [],
      writes: [
        {
          txId: trade.txId,
          key: `\u0000trade\u0000${trade.instrument}\u0000${trade.day}\u0000${trade.id}\u0000`,
          value: JSON.stringify(trade),
        },
      ],
    });
    const [listed] = withOffChannel.trades({ limit: 1 }).items;
    expect(listed).toMatchObject({ id: trade.id, settlement: 'off-channel', quantity: 7 });
    expect(listed?.price).toBeUndefined();
    for (const resolution of ['day', 'minute'] as const) {
      expect(withOffChannel.priceSeries('allowance-2025', resolution).value).toEqual(
        model.priceSeries('allowance-2025', resolution).value,
      );
    }
  });

  it('builds per-minute bars from the trades’ execution times, within a range', () => {
    const minutes = model.priceSeries('allowance-2025', 'minute').value;
    expect(minutes.map((bar) => [bar.bucket, bar.volume, bar.bilateralVolume])).toEqual([
      ['2025-01-15T00:00', 10, 0],
      ['2025-01-15T10:32', 40, 0],
      ['2025-01-16T09:00', 0, 4],
    ]);
    const range = model.priceSeries(
      'allowance-2025',
      'minute',
      '2025-01-15T10:00:00Z',
      '2025-01-15T23:59:59Z',
    );
    expect(range.value.map((bar) => bar.bucket)).toEqual(['2025-01-15T10:32']);
    expect(model.priceSeries('allowance-2025', 'day', '2025-01-16').value.map((bar) => bar.bucket)).toEqual([
      '2025-01-16',
    ]);
  });

  it('lists reports with their latest status and version', () => {
    expect(
      model.reports({ entityId: 'ENT1' }).value.map((r) => [r.installationId, r.version, r.status]),
    ).toEqual([['INST1', 2, 'accepted']]);
    expect(model.reports({ period: 2025 }).value.map((r) => r.status)).toEqual(['accepted', 'submitted']);
    expect(model.reports({ installationId: 'INST3' }).value).toEqual([]);
  });

  it('lists compliance statuses of a period, per entity', () => {
    const statuses = model.complianceStatus({ period: 2025, entityId: 'ENT1' }).value;
    expect(statuses.map((s) => [s.installationId, s.code, s.surrendered, s.obligation])).toEqual([
      ['INST1', 'B', 3_050, 3_300],
      ['INST3', 'C', 0, 0],
    ]);
    expect(statuses[0]?.final).toMatchObject({ code: 'B', shortfall: 250 });
  });
});

describe('whether a book may cross', () => {
  it('is true while crossing orders wait for a clearing, false once it cleared them', () => {
    const model = new ReadModel(openDatabase(':memory:'));
    const firstClearing = blockOf('OrdersMatched');
    const blocks = cycleBlocks();
    for (const block of blocks.filter((candidate) => candidate.number < BigInt(firstClearing)))
      model.apply(block);
    expect(model.mayCross('allowance-2025')).toBe(true);
    expect(model.mayCross('offset-2025')).toBe(false);
    for (const block of blocks.filter((candidate) => candidate.number >= BigInt(firstClearing)))
      model.apply(block);
    // One bid rests at the end, with no ask left to meet it.
    expect(model.mayCross('allowance-2025')).toBe(false);
  });
});
