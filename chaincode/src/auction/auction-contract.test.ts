import type {
  AccountHoldings,
  AuctionBid,
  AuctionRecord,
  AuctionView,
  FundsBalance,
  SupplySummary,
} from '@carbon-ets/contract';
import {
  AuctionTimes,
  clearAuction,
  commitBid,
  fundTraders,
  revealBid,
  salt,
  scheduleAuction,
  stockAuctionAccount,
  type TestBid,
} from '../testing/auction';
import { expectRefused } from '../testing/expect-refused';
import { Users } from '../testing/identities';
import { cc, evaluate, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';

const FUNDS = 100_000_000n;

async function auctionScenario(): Promise<TestLedger> {
  const ledger = await standardScenario();
  await stockAuctionAccount(ledger);
  await fundTraders(ledger, FUNDS.toString());
  return ledger;
}

const holdings = async (ledger: TestLedger, accountId: string) =>
  (await evaluate(ledger, Users.regulator, tx(cc.query, 'GetHoldings'), accountId)) as AccountHoldings;
const heldAndLocked = async (ledger: TestLedger, accountId: string) => {
  const lines = (await holdings(ledger, accountId)).holdings.filter(
    (h) => h.unitType === 'allowance' && h.vintage === 2025 && h.status === 'held',
  );
  return {
    quantity: lines.reduce((sum, h) => sum + h.quantity, 0),
    locked: lines.reduce((sum, h) => sum + h.locked, 0),
  };
};
const funds = async (ledger: TestLedger, accountId: string) =>
  (await evaluate(ledger, Users.regulator, tx(cc.funds, 'GetBalance'), accountId)) as FundsBalance;
const view = async (ledger: TestLedger, auctionId = 'AUC1') =>
  (await evaluate(ledger, Users.trader1, tx(cc.auction, 'GetAuction'), auctionId)) as AuctionView;
const bidsOf = async (ledger: TestLedger, auctionId = 'AUC1') =>
  (await evaluate(ledger, Users.auditor, tx(cc.auction, 'GetBids'), auctionId)) as AuctionBid[];

const schedule = tx(cc.auction, 'ScheduleAuction');
const commit = tx(cc.auction, 'CommitBid');
const reveal = tx(cc.auction, 'RevealBid');
const clear = tx(cc.auction, 'ClearAuction');
const request = {
  id: 'AUC1',
  vintage: 2025,
  quantity: 1_000,
  reservePrice: 5_000,
  biddingOpensAt: AuctionTimes.opens,
  biddingClosesAt: AuctionTimes.closes,
  revealBy: AuctionTimes.revealBy,
  maxShareBasisPoints: 5_000,
};

describe('Auction:ScheduleAuction', () => {
  let ledger: TestLedger;
  beforeEach(async () => {
    ledger = await auctionScenario();
  });

  it('locks the quantity in NATIONAL-AUCTION, so it cannot be moved or auctioned twice', async () => {
    const auction = await scheduleAuction(ledger);
    expect(auction).toMatchObject({
      id: 'AUC1',
      unitType: 'allowance',
      vintage: 2025,
      quantity: 1_000,
      reservePrice: 5_000,
      currency: 'EUR',
      maxPerBidder: 500,
      status: 'scheduled',
    });
    expect(ledger.lastEvent()).toMatchObject({ name: 'AuctionScheduled', payload: { auction } });
    expect(await heldAndLocked(ledger, 'NATIONAL-AUCTION')).toEqual({ quantity: 10_000, locked: 1_000 });
    const lots = (await holdings(ledger, 'NATIONAL-AUCTION')).holdings.flatMap((h) => h.lots);
    expect(lots.filter((lot) => lot.lockedBy === 'auction:AUC1').map((lot) => lot.id)).toEqual(
      auction.lockedLotIds,
    );
    expect((await view(ledger)).phase).toBe('upcoming');
    // 9,000 free units remain: 9,001 cannot move, nor be auctioned.
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, tx(cc.allowance, 'Transfer'), {
        fromAccount: 'NATIONAL-AUCTION',
        toAccount: 'NATIONAL-ALLOCATION',
        quantity: 9_001,
      }),
      'FAILED_PRECONDITION',
      /has 9000 allowances available, 9001 needed/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, schedule, { ...request, id: 'AUC2', quantity: 9_001 }),
      'FAILED_PRECONDITION',
      /NATIONAL-AUCTION has 9000 allowances of vintage 2025 available, 9001 needed/,
    );
  });

  it.each([
    ['the same id twice', { quantity: 10 }, 'CONFLICT', /auction AUC1 already exists/],
    [
      'a window closing before it opens',
      { biddingClosesAt: AuctionTimes.opens },
      'INVALID_ARGUMENT',
      /biddingClosesAt must be after auction.biddingOpensAt/,
    ],
    [
      'a reveal deadline before bidding closes',
      { revealBy: AuctionTimes.closes },
      'INVALID_ARGUMENT',
      /revealBy must be after/,
    ],
    [
      'a window already closed',
      { biddingOpensAt: '2025-01-01T00:00:00Z', biddingClosesAt: '2025-01-02T00:00:00Z' },
      'INVALID_ARGUMENT',
      /biddingClosesAt must be in the future/,
    ],
    ['no share per bidder', { maxShareBasisPoints: 0 }, 'INVALID_ARGUMENT', /between 1 and 10000/],
    [
      'a share below one tonne',
      { quantity: 1, maxShareBasisPoints: 5_000 },
      'INVALID_ARGUMENT',
      /lets no bidder win a whole tonne/,
    ],
    ['a vintage without a period', { vintage: 2030 }, 'NOT_FOUND', /compliance period 2030/],
    ['a fractional reserve price', { reservePrice: '50.5' }, 'INVALID_ARGUMENT', /reservePrice/],
  ] as const)('refuses %s, the ledger unchanged', async (_case, change, code, message) => {
    if (code === 'CONFLICT') await scheduleAuction(ledger);
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, schedule, { ...request, ...change }),
      code,
      message,
    );
  });
});

describe('sealed bids: commit while bidding is open, reveal after it closes', () => {
  let ledger: TestLedger;
  const bid1: TestBid = {
    accountId: 'TRADE1',
    price: 6_000,
    quantity: 300,
    salt: salt(1),
    escrow: '2500000',
  };
  beforeEach(async () => {
    ledger = await auctionScenario();
    await scheduleAuction(ledger);
  });

  it('takes a commitment and escrow only: no price or quantity is on the ledger until the reveal', async () => {
    ledger.setTime(AuctionTimes.opens);
    expect((await view(ledger)).phase).toBe('bidding');
    const bid = await commitBid(ledger, Users.trader1, bid1);
    expect(bid).toMatchObject({
      accountId: 'TRADE1',
      entityId: 'ENT1',
      escrow: '2500000',
      status: 'committed',
    });
    expect(bid).not.toHaveProperty('price');
    expect(bid).not.toHaveProperty('quantity');
    expect(ledger.lastEvent()).toMatchObject({ name: 'BidCommitted', payload: { bid } });
    // The escrow is locked out of TRADE1's funds.
    expect(await funds(ledger, 'TRADE1')).toMatchObject({
      available: (FUNDS - 2_500_000n).toString(),
      locked: '2500000',
      total: FUNDS.toString(),
    });
    // Nothing in the world state or the events holds the bid's quantity next to the bid.
    const written = [...ledger.world.state.entries()]
      .filter(([key]) => key.includes(bid.id))
      .map(([, value]) => Buffer.from(value).toString('utf8'));
    // The bid, its escrow index and the change of the cash entry spent.
    expect(written).toHaveLength(3);
    expect([...written, JSON.stringify(ledger.lastEvent())].join('\n')).not.toMatch(/"price"|"quantity"/);
    expect(await bidsOf(ledger)).toEqual([bid]);
    const own = await evaluate(ledger, Users.trader1, tx(cc.auction, 'GetBidderBids'), 'AUC1', 'ENT1');
    expect(own).toEqual([bid]);
    expect(await evaluate(ledger, Users.trader2, tx(cc.auction, 'GetBidderBids'), 'AUC1', 'ENT2')).toEqual(
      [],
    );
    await expect(
      evaluate(ledger, Users.trader2, tx(cc.auction, 'GetBidderBids'), 'AUC1', 'ENT1'),
    ).rejects.toThrow(/FORBIDDEN: GetBidderBids: only supervisors and users of entity ENT1/);

    ledger.setTime(AuctionTimes.closes);
    expect((await view(ledger)).phase).toBe('revealing');
    const revealed = await revealBid(ledger, Users.operator1, bid.id, bid1);
    expect(revealed).toMatchObject({ id: bid.id, status: 'revealed', price: 6_000, quantity: 300 });
    expect(ledger.lastEvent()).toMatchObject({ name: 'BidRevealed', payload: { bid: revealed } });
  });

  it('refuses a commitment outside the window, the ledger unchanged', async () => {
    const attempt = () => commitBid(ledger, Users.trader1, bid1);
    ledger.setTime('2025-01-31T23:59:59Z');
    await expectRefused(ledger, attempt(), 'FAILED_PRECONDITION', /bidding for auction AUC1 opens at/);
    ledger.setTime(AuctionTimes.closes);
    await expectRefused(ledger, attempt(), 'FAILED_PRECONDITION', /bidding for auction AUC1 closed at/);
  });

  it('refuses an escrow beyond the account funds, a national account, and another entity’s account', async () => {
    ledger.setTime(AuctionTimes.opens);
    await expectRefused(
      ledger,
      commitBid(ledger, Users.trader1, { ...bid1, escrow: (FUNDS + 1n).toString() }),
      'FAILED_PRECONDITION',
      /insufficient funds: account TRADE1/,
    );
    await expectRefused(
      ledger,
      commitBid(ledger, Users.trader2, bid1),
      'FORBIDDEN',
      /only users of entity ENT1/,
    );
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, commit, {
        auctionId: 'AUC9',
        accountId: 'TRADE1',
        commitment: 'a'.repeat(64),
        escrow: '1',
      }),
      'NOT_FOUND',
      /auction AUC9 does not exist/,
    );
  });

  describe('reveal', () => {
    let bidId: string;
    beforeEach(async () => {
      ledger.setTime(AuctionTimes.opens);
      bidId = (await commitBid(ledger, Users.trader1, bid1)).id;
      ledger.setTime(AuctionTimes.closes);
    });
    const revealing = (change: Partial<TestBid>, who = Users.trader1) =>
      revealBid(ledger, who, bidId, { ...bid1, ...change });

    it.each([
      ['another price', { price: 6_001 }],
      ['another quantity', { quantity: 299 }],
      ['another salt', { salt: salt(2) }],
    ])('refuses a reveal with %s than committed, the ledger unchanged', async (_case, change) => {
      await expectRefused(
        ledger,
        revealing(change),
        'INVALID_ARGUMENT',
        /reveal of bid [0-9a-f]+ does not match its commitment/,
      );
    });

    it('refuses a reveal before the window closes and after the deadline, the ledger unchanged', async () => {
      ledger.setTime('2025-02-01T23:59:59Z');
      await expectRefused(ledger, revealing({}), 'FAILED_PRECONDITION', /revealed once bidding closes/);
      ledger.setTime(AuctionTimes.revealBy);
      await expectRefused(
        ledger,
        revealing({}),
        'FAILED_PRECONDITION',
        /reveal deadline of auction AUC1 passed/,
      );
    });

    it('refuses a bid worth more than its escrow, another entity, a short salt and a second reveal', async () => {
      ledger.setTime(AuctionTimes.opens);
      const dear = { ...bid1, price: 10_000, salt: salt(3), escrow: '2999999' };
      const dearId = (await commitBid(ledger, Users.trader1, dear)).id;
      ledger.setTime(AuctionTimes.closes);
      await expectRefused(
        ledger,
        revealBid(ledger, Users.trader1, dearId, dear),
        'FAILED_PRECONDITION',
        /is worth 3000000 fen, more than its escrow of 2999999 fen/,
      );
      await expectRefused(ledger, revealing({}, Users.trader2), 'FORBIDDEN', /only users of entity ENT1/);
      await expectRefused(
        ledger,
        submit(ledger, Users.trader1, reveal, {
          auctionId: 'AUC1',
          accountId: 'TRADE1',
          bidId,
          price: 6_000,
          quantity: 300,
          salt: 'ab',
        }),
        'INVALID_ARGUMENT',
        /reveal.salt must be 32 random bytes/,
      );
      await revealing({});
      await expectRefused(ledger, revealing({}), 'FAILED_PRECONDITION', /is already revealed/);
    });

    it('refuses a bidder above its share across its bids, the ledger unchanged', async () => {
      ledger.setTime(AuctionTimes.opens);
      const second = { ...bid1, accountId: 'HOLD1', quantity: 201, salt: salt(4) };
      const secondId = (await commitBid(ledger, Users.operator1, second)).id;
      const third = { ...bid1, accountId: 'HOLD1', quantity: 200, salt: salt(5) };
      const thirdId = (await commitBid(ledger, Users.operator1, third)).id;
      ledger.setTime(AuctionTimes.closes);
      await revealing({});
      await expectRefused(
        ledger,
        revealBid(ledger, Users.operator1, secondId, second),
        'FAILED_PRECONDITION',
        /entity ENT1 may bid for at most 500 t in auction AUC1 \(5000 basis points\); 300 t already revealed/,
      );
      // Exactly the share is fine.
      await revealBid(ledger, Users.operator1, thirdId, third);
    });
  });
});

describe('bids for an account with representatives', () => {
  let ledger: TestLedger;
  // HOLD1 acts through operator1 (and an approver); a threshold of 1 t shows a bid never waits for the second.
  const bid = { accountId: 'HOLD1', price: 6_000, quantity: 300, salt: salt(7) };
  beforeEach(async () => {
    ledger = await auctionScenario();
    await scheduleAuction(ledger);
    await submit(ledger, Users.regulator, tx(cc.approval, 'SetRepresentatives'), {
      accountId: 'HOLD1',
      representatives: [
        { mspId: 'Enterprise1MSP', userName: 'operator1', role: 'proposer' },
        { mspId: 'Enterprise1MSP', userName: 'approver1', role: 'approver' },
      ],
      approvalThreshold: 1,
      approvalWindowSeconds: 3_600,
      requestReference: 'holder request 2025-18',
    });
    ledger.setTime(AuctionTimes.opens);
  });

  it('refuses another user of the holder, the ledger unchanged; its representative commits and reveals', async () => {
    const notRepresentative =
      /FORBIDDEN: (CommitBid|RevealBid): account HOLD1 acts only through its proposer and approver representatives; .*trader1.* is not one of its representatives/;
    await expectRefused(ledger, commitBid(ledger, Users.trader1, bid), 'FORBIDDEN', notRepresentative);
    const committed = await commitBid(ledger, Users.operator1, bid);
    expect(committed).toMatchObject({ accountId: 'HOLD1', status: 'committed', escrow: '1800000' });
    ledger.setTime(AuctionTimes.closes);
    await expectRefused(
      ledger,
      revealBid(ledger, Users.trader1, committed.id, bid),
      'FORBIDDEN',
      notRepresentative,
    );
    const revealed = await revealBid(ledger, Users.operator1, committed.id, bid);
    expect(revealed).toMatchObject({ status: 'revealed', price: 6_000, quantity: 300 });
  });
});

describe('Auction:ClearAuction', () => {
  let ledger: TestLedger;
  beforeEach(async () => {
    ledger = await auctionScenario();
    // At most 600 t of the 1,000 per bidder.
    await scheduleAuction(ledger, { maxShareBasisPoints: 6_000 });
    ledger.setTime(AuctionTimes.opens);
  });

  /** Commits every bid, reveals those `revealed` says, and moves the clock past the reveal deadline. */
  async function bidding(
    bids: readonly (TestBid & { who: keyof typeof Users; unrevealed?: boolean })[],
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const bid of bids) ids.push((await commitBid(ledger, Users[bid.who], bid)).id);
    ledger.setTime(AuctionTimes.closes);
    for (const [i, bid] of bids.entries()) {
      if (bid.unrevealed !== true) await revealBid(ledger, Users[bid.who], ids[i] ?? '', bid);
    }
    ledger.setTime(AuctionTimes.revealBy);
    return ids;
  }

  it('clears at one price, the lowest accepted bid; units to winners, revenue to NATIONAL-AUCTION, the rest released', async () => {
    const [high, low, loser, silent] = await bidding([
      { who: 'trader2', accountId: 'TRADE2', price: 7_000, quantity: 500, salt: salt(1), escrow: '4000000' },
      { who: 'trader1', accountId: 'TRADE1', price: 6_000, quantity: 500, salt: salt(2) },
      { who: 'operator1', accountId: 'HOLD1', price: 5_500, quantity: 1, salt: salt(3) },
      { who: 'operator2', accountId: 'HOLD2', price: 9_000, quantity: 100, salt: salt(4), unrevealed: true },
    ]);
    // Too early: the reveal deadline has not passed.
    ledger.setTime('2025-02-02T23:59:59Z');
    await expectRefused(
      ledger,
      submit(ledger, Users.trader1, clear, { auctionId: 'AUC1' }),
      'FAILED_PRECONDITION',
      /can be cleared from its reveal deadline/,
    );
    ledger.setTime(AuctionTimes.revealBy);
    expect((await view(ledger)).phase).toBe('clearing');
    // Anyone may clear.
    const auction = (await submit(ledger, Users.trader2, clear, { auctionId: 'AUC1' })) as AuctionRecord;
    expect(auction).toMatchObject({
      status: 'cleared',
      lockedLotIds: [],
      result: {
        clearingPrice: 6_000,
        demand: 1_001,
        sold: 1_000,
        unsold: 0,
        revenue: '6000000',
        released: (4_000_000n + 3_000_000n + 5_500n + 900_000n - 6_000_000n).toString(),
        bidsRevealed: 3,
        bidsUnrevealed: 1,
      },
    });
    expect(auction.result?.allocations).toEqual(
      [
        { bidId: high, entityId: 'ENT2', accountId: 'TRADE2', quantity: 500, paid: '3000000' },
        { bidId: low, entityId: 'ENT1', accountId: 'TRADE1', quantity: 500, paid: '3000000' },
      ].sort((a, b) => ((a.bidId ?? '') < (b.bidId ?? '') ? -1 : 1)),
    );
    expect(ledger.lastEvent()).toMatchObject({ name: 'AuctionCleared', payload: { auction } });
    expect((await view(ledger)).phase).toBe('cleared');
    const status = Object.fromEntries((await bidsOf(ledger)).map((bid) => [bid.id, bid]));
    expect(status[high ?? '']).toMatchObject({
      status: 'won',
      allocated: 500,
      paid: '3000000',
      released: '1000000',
    });
    expect(status[low ?? '']).toMatchObject({
      status: 'won',
      allocated: 500,
      paid: '3000000',
      released: '0',
    });
    expect(status[loser ?? '']).toMatchObject({ status: 'lost', allocated: 0, paid: '0', released: '5500' });
    expect(status[silent ?? '']).toMatchObject({ status: 'unrevealed', paid: '0', released: '900000' });
    // Units: 500 each to the winners' accounts; NATIONAL-AUCTION keeps 9,000, none locked.
    expect(await heldAndLocked(ledger, 'NATIONAL-AUCTION')).toEqual({ quantity: 9_000, locked: 0 });
    const trade2 = (await holdings(ledger, 'TRADE2')).holdings.flatMap((h) => h.lots);
    expect(trade2.reduce((sum, lot) => sum + lot.quantity, 0)).toBe(500);
    // Money: each bidder paid only the clearing price; nothing stays locked; revenue in NATIONAL-AUCTION.
    expect(await funds(ledger, 'TRADE2')).toMatchObject({
      total: (FUNDS - 3_000_000n).toString(),
      locked: '0',
    });
    expect(await funds(ledger, 'TRADE1')).toMatchObject({
      total: (FUNDS - 3_000_000n).toString(),
      locked: '0',
    });
    expect(await funds(ledger, 'NATIONAL-AUCTION')).toMatchObject({ available: '6000000', locked: '0' });
    const supply = (await evaluate(
      ledger,
      Users.auditor,
      tx(cc.query, 'GetSupplySummary'),
      '2025',
    )) as SupplySummary;
    expect(supply.allowances.reconciles).toBe(true);
    // Cleared once, for good.
    await expectRefused(
      ledger,
      submit(ledger, Users.regulator, clear, { auctionId: 'AUC1' }),
      'FAILED_PRECONDITION',
      /ClearAuction: auction AUC1 is cleared/,
    );
  });

  it('shares the clearing price level pro rata, the remainder one tonne each by ascending bid id', async () => {
    // 1,000 t: 400 above the price, 600 left for 700 t at 6,000 in bids of 300, 100, 200 and 100:
    // 257.14, 85.71, 171.43, 85.71 → 257, 85, 171, 85 (598), and one tonne each to the two lowest bid ids.
    const ids = await bidding([
      { who: 'trader2', accountId: 'TRADE2', price: 7_000, quantity: 400, salt: salt(1) },
      { who: 'trader1', accountId: 'TRADE1', price: 6_000, quantity: 300, salt: salt(2) },
      { who: 'operator2', accountId: 'HOLD2', price: 6_000, quantity: 100, salt: salt(3) },
      { who: 'operator1', accountId: 'HOLD1', price: 6_000, quantity: 200, salt: salt(4) },
      { who: 'trader1', accountId: 'TRADE1', price: 6_000, quantity: 100, salt: salt(5) },
    ]);
    const auction = await clearAuction(ledger);
    const got = Object.fromEntries(auction.result?.allocations.map((a) => [a.bidId, a.quantity]) ?? []);
    expect(auction.result?.clearingPrice).toBe(6_000);
    const level = ids.slice(1);
    const floors = [257, 85, 171, 85];
    const firstTwo = [...level].sort().slice(0, 2);
    const expected = Object.fromEntries<number>([
      [ids[0] ?? '', 400],
      ...level.map((id, i): [string, number] => [id, (floors[i] ?? 0) + (firstTwo.includes(id) ? 1 : 0)]),
    ]);
    expect(got).toEqual(expected);
    expect(Object.values(got).reduce((sum, q) => sum + q, 0)).toBe(1_000);
  });

  it('cancels below the reserve: every escrow released, the lots unlocked in NATIONAL-AUCTION', async () => {
    await bidding([
      { who: 'trader2', accountId: 'TRADE2', price: 7_000, quantity: 500, salt: salt(1) },
      { who: 'trader1', accountId: 'TRADE1', price: 4_999, quantity: 500, salt: salt(2), escrow: '3000000' },
    ]);
    const auction = await clearAuction(ledger);
    expect(auction).toMatchObject({
      status: 'cancelled',
      result: {
        cancellation: 'below-reserve',
        clearingPrice: 4_999,
        sold: 0,
        unsold: 1_000,
        revenue: '0',
        released: (3_500_000n + 3_000_000n).toString(),
        allocations: [],
      },
    });
    expect(ledger.lastEvent()?.name).toBe('AuctionCancelled');
    expect((await bidsOf(ledger)).map((bid) => bid.status)).toEqual(['cancelled', 'cancelled']);
    expect(await heldAndLocked(ledger, 'NATIONAL-AUCTION')).toEqual({ quantity: 10_000, locked: 0 });
    for (const accountId of ['TRADE1', 'TRADE2']) {
      expect(await funds(ledger, accountId)).toMatchObject({ total: FUNDS.toString(), locked: '0' });
    }
    expect(await funds(ledger, 'NATIONAL-AUCTION')).toMatchObject({ total: '0' });
  });

  it('cancels when undersubscribed, unrevealed bids not counted', async () => {
    await bidding([
      { who: 'trader2', accountId: 'TRADE2', price: 7_000, quantity: 500, salt: salt(1) },
      { who: 'trader1', accountId: 'TRADE1', price: 7_000, quantity: 499, salt: salt(2) },
      { who: 'operator1', accountId: 'HOLD1', price: 7_000, quantity: 1, salt: salt(3), unrevealed: true },
    ]);
    const auction = await clearAuction(ledger);
    expect(auction.result).toMatchObject({
      cancellation: 'undersubscribed',
      demand: 999,
      sold: 0,
      unsold: 1_000,
    });
    expect((await bidsOf(ledger)).map((bid) => bid.status).sort()).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(await heldAndLocked(ledger, 'NATIONAL-AUCTION')).toEqual({ quantity: 10_000, locked: 0 });
    for (const accountId of ['TRADE1', 'TRADE2', 'HOLD1']) {
      expect(await funds(ledger, accountId)).toMatchObject({ total: FUNDS.toString(), locked: '0' });
    }
  });

  it('lists every auction with its phase', async () => {
    await scheduleAuction(ledger, {
      id: 'AUC2',
      quantity: 10,
      biddingOpensAt: '2025-03-01',
      biddingClosesAt: '2025-03-02',
      revealBy: '2025-03-03',
    });
    const all = (await evaluate(ledger, Users.trader1, tx(cc.auction, 'GetAuctions'))) as AuctionView[];
    expect(all.map((v) => [v.auction.id, v.phase])).toEqual([
      ['AUC1', 'bidding'],
      ['AUC2', 'upcoming'],
    ]);
  });
});
