import type { Account, CashEntry, IssuanceHead, Lot, LotStatus, Order } from '@carbon-ets/contract';
import { common } from '@hyperledger/fabric-protos';
import type { CarbonConnection } from '../connect';
import { GatewayClientError } from '../errors';
import { reconcile } from './reconcile';
import { compositeKey, testBlock } from '../testing/test-blocks';

interface WorldLot {
  id: string;
  quantity: number;
  lockedBy: string | null;
  serialStart?: number;
  serialEnd?: number;
  serialRanges?: readonly { start: number; end: number }[];
}

// Writes as the chaincode makes them: whole objects of the wire contract, which the replay parses.
const lot = (
  account: string,
  id: string,
  quantity: number,
  status: LotStatus = 'held',
  lockedBy?: string,
) => ({
  key: compositeKey('lot', account, id),
  value: {
    id,
    accountId: account,
    unitType: 'allowance',
    vintage: 2030,
    serialStart: 1,
    serialEnd: quantity,
    quantity,
    status,
    origin: 'issuance',
    createdAt: '2030-01-01T00:00:00.000Z',
    createdTxId: 'issue',
    ...(lockedBy ? { lockedBy } : {}),
  } satisfies Lot,
});

const account = (id: string) => ({
  key: compositeKey('account', id),
  value: {
    id,
    kind: id === 'NATIONAL' ? 'allocation' : 'holding',
    ownerMsp: 'RegulatorMSP',
    status: 'open',
    openedAt: '2030-01-01T00:00:00.000Z',
  } satisfies Account,
});

/** History: 1,000 issued into NATIONAL; 300 allocated to HOLD1, of which 100 surrendered. */
const history = [
  testBlock(0, [
    {
      txId: 'issue',
      writes: [
        account('NATIONAL'),
        account('HOLD1'),
        {
          key: compositeKey('issuance', 'allowance', '2030'),
          value: { vintage: 2030, issued: 1000 } satisfies IssuanceHead,
        },
        lot('NATIONAL', 'n1', 1000),
      ],
    },
  ]),
  testBlock(1, [
    {
      txId: 'allocate',
      writes: [{ key: lot('NATIONAL', 'n1', 0).key }, lot('NATIONAL', 'n2', 700), lot('HOLD1', 'h1', 300)],
    },
    { txId: 'conflicted', valid: false, writes: [lot('HOLD1', 'h1', 999)] },
  ]),
  testBlock(2, [
    {
      txId: 'deposit',
      writes: [
        {
          key: compositeKey('cash', 'HOLD1', 'c1'),
          value: {
            id: 'c1',
            accountId: 'HOLD1',
            amount: '250000',
            origin: 'deposit',
            createdAt: '2030-01-02T00:00:00.000Z',
            createdTxId: 'deposit',
          } satisfies CashEntry,
        },
      ],
    },
    {
      txId: 'surrender',
      writes: [
        { key: lot('HOLD1', 'h1', 0).key },
        lot('HOLD1', 'h2', 200),
        lot('HOLD1', 'h3', 100, 'surrendered'),
      ],
    },
  ]),
];

function worldState(): Map<string, { status: string; lots: WorldLot[] }[]> {
  return new Map([
    ['NATIONAL', [{ status: 'held', lots: [{ id: 'n2', quantity: 700, lockedBy: null }] }]],
    [
      'HOLD1',
      [
        { status: 'held', lots: [{ id: 'h2', quantity: 200, lockedBy: null }] },
        { status: 'surrendered', lots: [{ id: 'h3', quantity: 100, lockedBy: null }] },
      ],
    ],
  ]);
}

const supply = { issued: 1000, held: 900, locked: 0, surrendered: 100, retired: 0 };
const noOffsets = { issued: 0, held: 0, locked: 0, surrendered: 0, retired: 0 };

/** The world state's lots as the chaincode stores them, in key order (account, then lot id). */
function storedLots(world: ReturnType<typeof worldState>): Lot[] {
  return [...world.entries()]
    .flatMap(([accountId, holdings]) =>
      holdings.flatMap(({ status, lots }) =>
        lots.map((l): Lot => {
          const { lockedBy, ...serials } = l;
          return {
            ...lot(accountId, l.id, l.quantity, status as LotStatus).value,
            ...serials,
            ...(lockedBy === null ? {} : { lockedBy }),
          };
        }),
      ),
    )
    .sort((a, b) => compare(a.accountId, b.accountId) || compare(a.id, b.id));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `Query:GetLotsPage` over `world`: pages of `pageSize` lots after the position asked for. */
function lotsPage(world: ReturnType<typeof worldState>, request: string) {
  const { afterAccountId, afterLotId, pageSize } = JSON.parse(request) as {
    afterAccountId?: string;
    afterLotId?: string;
    pageSize: number;
  };
  const after = (l: Lot) =>
    afterAccountId === undefined ||
    compare(l.accountId, afterAccountId) > 0 ||
    (l.accountId === afterAccountId && compare(l.id, afterLotId ?? '') > 0);
  const rest = storedLots(world).filter(after);
  const lots = rest.slice(0, pageSize);
  const last = lots.at(-1);
  const next =
    rest.length > pageSize && last ? { afterAccountId: last.accountId, afterLotId: last.id } : null;
  return { lots, next };
}

/** `Query:GetFundsPage` over `accounts`: pages of `pageSize` accounts after the one asked for. */
function fundsPage(
  accounts: string[],
  balances: Map<string, { available: string; locked: string }>,
  request: string,
) {
  const { afterAccountId, pageSize } = JSON.parse(request) as { afterAccountId?: string; pageSize: number };
  const rest = accounts
    .sort(compare)
    .filter((id) => afterAccountId === undefined || compare(id, afterAccountId) > 0);
  const funds = rest.slice(0, pageSize).map((accountId) => {
    const { available, locked } = balances.get(accountId) ?? { available: '0', locked: '0' };
    return { accountId, available, locked, total: String(BigInt(available) + BigInt(locked)) };
  });
  const last = funds.at(-1);
  return { funds, next: rest.length > pageSize && last ? { afterAccountId: last.accountId } : null };
}

/** A period's supply summary as the chaincode answers it, its allowances as `allowances` says. */
function supplySummaryOf(period: number, allowances: typeof supply) {
  const line = (totals: typeof supply) => ({
    heldInNationalAccounts: 0,
    heldByParticipants: totals.held,
    reconciles: true,
    ...totals,
  });
  return {
    period,
    cap: null,
    allocated: 0,
    allowances: line(allowances),
    offsets: line(noOffsets),
    surrenderedForPeriod: { allowances: 0, offsets: 0 },
  };
}

/** A connection whose peer serves `blocks` and answers queries from `world`. */
function fakeConnection(
  blocks: common.Block[],
  world: ReturnType<typeof worldState>,
  summary = supply,
  balances = new Map([['HOLD1', { available: '250000', locked: '0' }]]),
  /** The height each ledger-height query answers in turn (the last one from then on): a moving ledger. */
  heights: readonly number[] = [blocks.length],
): CarbonConnection {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  let asked = 0;
  const chainInfo = () => {
    const info = new common.BlockchainInfo();
    info.setHeight(heights[Math.min(asked++, heights.length - 1)] ?? blocks.length);
    return Promise.resolve(info.serializeBinary());
  };
  return {
    settings: { channel: 'carbon', chaincode: 'carbon' },
    network: {
      getContract: () => ({ evaluateTransaction: chainInfo }),
      getBlockEvents: ({ startBlock }: { startBlock: bigint }) =>
        Promise.resolve({
          close: () => undefined,
          async *[Symbol.asyncIterator]() {
            for (const block of blocks.slice(Number(startBlock))) yield await Promise.resolve(block);
          },
        }),
    },
    contract: {
      evaluateTransaction: (name: string, arg: string) => {
        // Answers as the chaincode gives them: the façades check them against the wire contract.
        if (name === 'Query:GetLotsPage') return Promise.resolve(encode(lotsPage(world, arg)));
        if (name === 'Query:GetFundsPage') {
          return Promise.resolve(
            encode(fundsPage([...new Set([...world.keys(), ...balances.keys()])], balances, arg)),
          );
        }
        if (name !== 'Query:GetSupplySummaries') throw new Error(`unexpected query ${name}`);
        return Promise.resolve(encode([supplySummaryOf(2030, summary)]));
      },
    },
  } as unknown as CarbonConnection;
}

describe('reconcile', () => {
  test('funds that differ from the cash entries history wrote are reported', async () => {
    const report = await reconcile(
      fakeConnection(
        history,
        worldState(),
        supply,
        new Map([['HOLD1', { available: '250001', locked: '0' }]]),
      ),
    );
    expect(report.mismatches).toEqual([
      'account HOLD1: available funds are 250001 fen in the world state, 250000 by history',
    ]);
    expect(report.funds).toEqual({ available: '250000', locked: '0' });
  });

  test('history and world state agree: exact totals and no mismatch', async () => {
    const report = await reconcile(fakeConnection(history, worldState()));
    expect(report.mismatches).toEqual([]);
    expect(report.totals).toEqual([
      {
        unitType: 'allowance',
        vintage: 2030,
        issued: 1000,
        held: 900,
        locked: 0,
        surrendered: 100,
        retired: 0,
        balanced: true,
      },
    ]);
    expect(report).toMatchObject({
      blocks: 3,
      transactions: 5,
      validTransactions: 4,
      accountsCompared: 2,
      lotsCompared: 3,
    });
  });

  test('a lot changed, a lot missing and a lot no transaction wrote are each reported', async () => {
    const world = worldState();
    world.set('NATIONAL', [{ status: 'held', lots: [{ id: 'n2', quantity: 701, lockedBy: null }] }]);
    world.set('HOLD1', [
      {
        status: 'held',
        lots: [
          { id: 'h2', quantity: 200, lockedBy: null },
          { id: 'forged', quantity: 5, lockedBy: null },
        ],
      },
    ]);
    const report = await reconcile(fakeConnection(history, world));
    expect(report.mismatches).toEqual([
      'account NATIONAL: lot n2 is allowance 2030 held ×701 serials 1-701 in the world state, allowance 2030 held ×700 serials 1-700 by history',
      'account HOLD1: lot h3 (allowance 2030 surrendered ×100 serials 1-100) is missing from the world state',
      'account HOLD1: lot forged (allowance 2030 held ×5 serials 1-5) is in the world state but no committed transaction wrote it',
    ]);
  });

  test('pages of one lot and one account compare exactly as one page does, in more queries', async () => {
    const world = worldState();
    world.set('HOLD1', [
      {
        status: 'held',
        lots: [
          { id: 'h2', quantity: 200, lockedBy: 'order-1' },
          { id: 'forged', quantity: 5, lockedBy: null },
        ],
      },
    ]);
    const balances = new Map([['HOLD1', { available: '250000', locked: '7' }]]);
    const whole = await reconcile(fakeConnection(history, world, supply, balances));
    const paged = await reconcile(fakeConnection(history, world, supply, balances), { pageSize: 1 });
    expect(paged.mismatches).toEqual([
      'account HOLD1: lot h2 is allowance 2030 held ×200 serials 1-200 locked by order-1 in the world state, allowance 2030 held ×200 serials 1-200 by history',
      'account HOLD1: lot h3 (allowance 2030 surrendered ×100 serials 1-100) is missing from the world state',
      'account HOLD1: lot forged (allowance 2030 held ×5 serials 1-5) is in the world state but no committed transaction wrote it',
      'account HOLD1: locked funds are 7 fen in the world state, 0 by history',
    ]);
    expect(paged.mismatches).toEqual(whole.mismatches);
    expect(paged.lotsCompared).toBe(whole.lotsCompared);
    // Default pages: one of lots, one of funds, one supply summary. One object a page: 3 lots, 2 accounts.
    expect(whole.compareQueries).toBe(3);
    expect(paged.compareQueries).toBe(3 + 2 + 1);
  });

  test('a lot in an account no committed transaction opened, and an account missing, are reported', async () => {
    const world = worldState();
    world.delete('NATIONAL');
    world.set('GHOST', [{ status: 'held', lots: [{ id: 'g1', quantity: 9, lockedBy: null }] }]);
    const report = await reconcile(
      fakeConnection(history, world, supply, new Map([['HOLD1', { available: '250000', locked: '0' }]])),
      { pageSize: 2 },
    );
    expect(report.mismatches).toEqual([
      'account NATIONAL: lot n2 (allowance 2030 held ×700 serials 1-700) is missing from the world state',
      'account NATIONAL is missing from the world state',
      'account GHOST: lot g1 (allowance 2030 held ×9 serials 1-9) is in the world state but no committed transaction wrote it',
    ]);
  });

  test('a lot holding the right quantity of other serials is reported', async () => {
    const world = worldState();
    // Same quantity as history (700), but serials 1-300 and 401-800 instead of 1-700.
    const ranges = [
      { start: 1, end: 300 },
      { start: 401, end: 800 },
    ];
    world.set('NATIONAL', [
      {
        status: 'held',
        lots: [{ id: 'n2', quantity: 700, lockedBy: null, serialEnd: 800, serialRanges: ranges }],
      },
    ]);
    const report = await reconcile(fakeConnection(history, world));
    expect(report.mismatches).toEqual([
      'account NATIONAL: lot n2 is allowance 2030 held ×700 serials 1-300, 401-800 in the world state, allowance 2030 held ×700 serials 1-700 by history',
    ]);
  });

  test('a supply summary that disagrees with history is reported field by field', async () => {
    const report = await reconcile(fakeConnection(history, worldState(), { ...supply, surrendered: 90 }));
    expect(report.mismatches).toEqual([
      'allowance 2030: surrendered is 90 in the supply summary, 100 by history',
    ]);
  });

  test('a vintage the world state summarises and history never wrote is reported', async () => {
    const connection = fakeConnection(history, worldState());
    const answer = connection.contract.evaluateTransaction.bind(connection.contract);
    const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
    const withExtraVintage = {
      ...connection,
      contract: {
        evaluateTransaction: (name: string, ...args: string[]) =>
          name === 'Query:GetSupplySummaries'
            ? Promise.resolve(
                encode([supplySummaryOf(2030, supply), supplySummaryOf(2031, { ...noOffsets, issued: 5 })]),
              )
            : answer(name, ...args),
      },
    } as unknown as CarbonConnection;
    const report = await reconcile(withExtraVintage);
    expect(report.mismatches).toEqual(['allowance 2031: issued is 5 in the supply summary, 0 by history']);
  });

  test('units that do not add up to the issued total are reported', async () => {
    const leaky = [
      ...history,
      testBlock(3, [{ txId: 'leak', writes: [{ key: lot('HOLD1', 'h2', 0).key }] }]),
    ];
    const world = worldState();
    world.set('HOLD1', [{ status: 'surrendered', lots: [{ id: 'h3', quantity: 100, lockedBy: null }] }]);
    const report = await reconcile(fakeConnection(leaky, world, { ...supply, held: 700 }));
    expect(report.mismatches).toEqual([
      'allowance 2030: issued 1000 ≠ held 700 + locked 0 + surrendered 100 + retired 0',
    ]);
  });

  test("an open buy order's escrow counts as locked funds", async () => {
    const order: Order = {
      id: 'o1',
      accountId: 'HOLD1',
      entityId: 'ENT1',
      instrument: 'allowance-2030',
      unitType: 'allowance',
      vintage: 2030,
      side: 'buy',
      price: 5000,
      quantity: 10,
      remaining: 10,
      block: false,
      status: 'open',
      goodTill: 'day',
      placedAt: '2030-01-03T00:00:00.000Z',
      expiresAt: '2030-01-03T23:59:59.999Z',
      placedBy: { mspId: 'Enterprise1MSP', role: 'trader' },
      escrow: '50000',
      lockedLotIds: [],
    };
    const withOrder = [
      ...history,
      testBlock(3, [{ txId: 'o1', writes: [{ key: compositeKey('order', 'HOLD1', 'o1'), value: order }] }]),
    ];
    const report = await reconcile(
      fakeConnection(
        withOrder,
        worldState(),
        supply,
        new Map([['HOLD1', { available: '250000', locked: '50000' }]]),
      ),
    );
    expect(report.mismatches).toEqual([]);
    expect(report.funds).toEqual({ available: '250000', locked: '50000' });
  });

  test('state written in a shape the wire contract does not declare is refused, naming the key and field', async () => {
    // A lot without its origin, as a chaincode built from another contract version might write it.
    const drifted: Record<string, unknown> = { ...lot('HOLD1', 'h4', 1).value };
    delete drifted.origin;
    const withDrift = [
      ...history,
      testBlock(3, [{ txId: 'drift', writes: [{ key: lot('HOLD1', 'h4', 1).key, value: drifted }] }]),
    ];
    const refusal = reconcile(fakeConnection(withDrift, worldState()));
    await expect(refusal).rejects.toBeInstanceOf(GatewayClientError);
    await expect(refusal).rejects.toMatchObject({
      code: 'ANSWER_MISMATCH',
      message: expect.stringMatching(
        /^the lot HOLD1 ~ h4 written in block history does not match the wire contract: origin /,
      ) as unknown,
    });
  });

  describe('on a ledger that moves during the comparison', () => {
    /** Block `n`: a deposit of 100 fen into HOLD1 (cash entry `c<n>`). */
    const deposit = (n: number) =>
      testBlock(n, [
        {
          txId: `deposit${n}`,
          writes: [
            {
              key: compositeKey('cash', 'HOLD1', `c${n}`),
              value: {
                id: `c${n}`,
                accountId: 'HOLD1',
                amount: '100',
                origin: 'deposit',
                createdAt: '2030-01-03T00:00:00.000Z',
                createdTxId: `deposit${n}`,
              } satisfies CashEntry,
            },
          ],
        },
      ]);

    test('a difference on an account the new blocks changed is compared again; one elsewhere is real', async () => {
      // The world state is already at height 4 (HOLD1 has the new deposit) when the replay stands at 3, and
      // NATIONAL holds a forged lot that no block explains.
      const world = worldState();
      world.set('NATIONAL', [
        {
          status: 'held',
          lots: [
            { id: 'n2', quantity: 700, lockedBy: null },
            { id: 'forged', quantity: 5, lockedBy: null },
          ],
        },
      ]);
      const report = await reconcile(
        fakeConnection(
          [...history, deposit(3)],
          world,
          supply,
          new Map([['HOLD1', { available: '250100', locked: '0' }]]),
          [3, 4],
        ),
      );
      expect(report.mismatches).toEqual([
        'account NATIONAL: lot forged (allowance 2030 held ×5 serials 1-5) is in the world state but no committed transaction wrote it',
      ]);
      expect(report.unsettled).toEqual([]);
      expect(report.ledgerMoved).toBe(false);
      expect(report.blocks).toBe(4);
    });

    test('an account that changes through every round is reported unsettled, not as a mismatch', async () => {
      const report = await reconcile(
        fakeConnection(
          [...history, deposit(3), deposit(4), deposit(5), deposit(6)],
          worldState(),
          supply,
          new Map([['HOLD1', { available: '999', locked: '0' }]]),
          [3, 4, 5, 6, 7],
        ),
      );
      expect(report.mismatches).toEqual([]);
      expect(report.unsettled).toEqual([
        'account HOLD1: available funds are 999 fen in the world state, 250300 by history',
      ]);
      expect(report.ledgerMoved).toBe(true);
    });
  });
});
