import {
  bidCommitment,
  newBidSalt,
  type AccountHoldings,
  type AuctionBid,
  type AuctionRecord,
  type AuctionView,
  type FundsBalance,
  type Lot,
} from '@carbon-ets/gateway-client';
import { ensureBaseline, firstFreePeriodYear, periodStartingNow } from './support/baseline';
import { participant, type Participant } from './support/participants';

const sleepUntil = async (iso: string, marginMs = 1_500): Promise<void> => {
  const wait = Date.parse(iso) + marginMs - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
};

/**
 * Issue 13 item 6 on the real network: a sealed-bid auction of allowances from NATIONAL-AUCTION. Two enterprises
 * (two orgs) commit bids during a short bidding window, reveal them after it closes, and the auction clears at
 * one price: units to the winners, revenue to NATIONAL-AUCTION, the rest of each escrow released. A second
 * auction clears below its reserve and is cancelled with every escrow released and its lots unlocked.
 */
describe('sealed-bid auctions on the real network', () => {
  let regulator: Participant;
  let trader1: Participant;
  let trader2: Participant;
  let auditor: Participant;
  let year = 0;
  let account1 = '';
  let account2 = '';
  let times = { biddingOpensAt: '', biddingClosesAt: '', revealBy: '' };
  const deposit = 10_000_000n;
  const cleared = () => `AUC-${year}-1`;
  const reserveMiss = () => `AUC-${year}-2`;

  /** A bid's secret parts as the bidder keeps them until the reveal. */
  interface Secret {
    readonly auctionId: string;
    readonly accountId: string;
    readonly price: number;
    readonly quantity: number;
    readonly salt: string;
  }
  const secrets: { who: () => Participant; secret: Secret; escrow: string; bidId: string }[] = [];

  const holdingOf = async (accountId: string): Promise<{ quantity: number; locked: number }> => {
    const answer = await auditor.evaluate<AccountHoldings>('Query:GetHoldings', accountId);
    const lines = answer.holdings.filter(
      (h) => h.unitType === 'allowance' && h.vintage === year && h.status === 'held',
    );
    return {
      quantity: lines.reduce((sum, h) => sum + h.quantity, 0),
      locked: lines.reduce((sum, h) => sum + h.locked, 0),
    };
  };
  const fundsOf = (accountId: string) => auditor.evaluate<FundsBalance>('Funds:GetBalance', accountId);

  beforeAll(async () => {
    regulator = participant('Regulator', 'regulator1');
    trader1 = participant('Enterprise1', 'trader1');
    trader2 = participant('Enterprise2', 'trader2');
    auditor = participant('Auditor', 'auditor1');
    await ensureBaseline(regulator);
    year = await firstFreePeriodYear(regulator, 2120);
    account1 = `AUC-BID1-${year}`;
    account2 = `AUC-BID2-${year}`;
    await regulator.submit('Period:CreatePeriod', periodStartingNow(year, 1_000_000));
    const lot = await regulator.submit<Lot>('Allowance:IssueAllowances', { period: year, quantity: 10_000 });
    // Allowances reach NATIONAL-AUCTION by the regulator's transfer between national accounts.
    await regulator.submit('Allowance:Transfer', {
      fromAccount: 'NATIONAL-ALLOCATION',
      toAccount: 'NATIONAL-AUCTION',
      quantity: 2_000,
      lotIds: [lot.id],
    });
    await Promise.all([
      regulator.submit('Registry:OpenAccount', { kind: 'trading', id: account1, entityId: 'ENT1' }),
      regulator.submit('Registry:OpenAccount', { kind: 'trading', id: account2, entityId: 'ENT2' }),
    ]);
    await Promise.all(
      [account1, account2].map((accountId) =>
        regulator.submit('Funds:Deposit', {
          accountId,
          amount: deposit.toString(),
          reference: 'auction test',
        }),
      ),
    );
    // Short windows: the transaction clock is real time.
    const now = Date.now();
    times = {
      biddingOpensAt: new Date(now - 1_000).toISOString(),
      biddingClosesAt: new Date(now + 25_000).toISOString(),
      revealBy: new Date(now + 40_000).toISOString(),
    };
    // One after the other: both lock lots of NATIONAL-AUCTION (the oldest of the vintage).
    await regulator.submit('Auction:ScheduleAuction', {
      id: cleared(),
      vintage: year,
      quantity: 1_000,
      reservePrice: 5_000,
      maxShareBasisPoints: 6_000,
      ...times,
    });
    await regulator.submit('Auction:ScheduleAuction', {
      id: reserveMiss(),
      vintage: year,
      quantity: 500,
      reservePrice: 5_000,
      maxShareBasisPoints: 10_000,
      ...times,
    });
  });

  afterAll(() => {
    for (const p of [regulator, trader1, trader2, auditor]) p.connection.close();
  });

  test('scheduling locks the auctioned allowances in NATIONAL-AUCTION', async () => {
    expect(await holdingOf('NATIONAL-AUCTION')).toEqual({ quantity: 2_000, locked: 1_500 });
    const view = await trader1.evaluate<AuctionView>('Auction:GetAuction', cleared());
    expect(view).toMatchObject({
      phase: 'bidding',
      auction: { status: 'scheduled', currency: 'CNY', maxPerBidder: 600, quantity: 1_000 },
    });
  });

  test('two enterprises commit sealed bids: only commitments and escrow reach the ledger', async () => {
    const bids = [
      // ENT1: 600 t at 60.00 CNY; ENT2: 500 t at 55.00 CNY with escrow above the bid's value.
      {
        who: () => trader1,
        accountId: account1,
        auctionId: cleared(),
        price: 6_000,
        quantity: 600,
        escrow: '3600000',
      },
      {
        who: () => trader2,
        accountId: account2,
        auctionId: cleared(),
        price: 5_500,
        quantity: 500,
        escrow: '3000000',
      },
      // Below the reserve of the second auction.
      {
        who: () => trader1,
        accountId: account1,
        auctionId: reserveMiss(),
        price: 4_000,
        quantity: 500,
        escrow: '2000000',
      },
    ];
    // One after the other: a commit without named cash entries spends the account's oldest, so two commits from
    // one account at once would conflict (and be retried).
    for (const { who, escrow, ...bid } of bids) {
      const secret: Secret = { ...bid, salt: newBidSalt() };
      const committed = await who().submit<AuctionBid>('Auction:CommitBid', {
        auctionId: bid.auctionId,
        accountId: bid.accountId,
        commitment: bidCommitment(secret),
        escrow,
      });
      expect(committed).not.toHaveProperty('price');
      secrets.push({ who, secret, escrow, bidId: committed.id });
    }
    const onLedger = await auditor.evaluate<AuctionBid[]>('Auction:GetBids', cleared());
    expect(onLedger).toHaveLength(2);
    for (const bid of onLedger) {
      expect(bid.status).toBe('committed');
      expect(bid.price).toBeUndefined();
      expect(bid.quantity).toBeUndefined();
    }
    expect(await fundsOf(account1)).toMatchObject({
      locked: '5600000',
      total: deposit.toString(),
    });
    // A reveal while bidding is still open is refused, and the bid stays sealed.
    const early = secrets.find((s) => s.secret.accountId === account2);
    if (early === undefined) throw new Error('no bid of ENT2');
    const refusal = await trader2.refusal('Auction:RevealBid', { ...early.secret, bidId: early.bidId });
    expect(refusal.code).toBe('FAILED_PRECONDITION');
    const own = await trader2.evaluate<AuctionBid[]>('Auction:GetBidderBids', cleared(), 'ENT2');
    expect(own.map((bid) => bid.status)).toEqual(['committed']);
  });

  test('after the window closes each bidder reveals; a reveal that does not match is refused', async () => {
    await sleepUntil(times.biddingClosesAt);
    const [first] = secrets;
    if (first === undefined) throw new Error('no bids committed');
    const mismatch = await first
      .who()
      .refusal('Auction:RevealBid', { ...first.secret, bidId: first.bidId, price: first.secret.price + 1 });
    expect(mismatch.code).toBe('INVALID_ARGUMENT');
    await Promise.all(
      secrets.map(({ who, secret, bidId }) => who().submit('Auction:RevealBid', { ...secret, bidId })),
    );
    const revealed = await auditor.evaluate<AuctionBid[]>('Auction:GetBids', cleared());
    expect(revealed.map((bid) => bid.status)).toEqual(['revealed', 'revealed']);
  });

  test('clearing sells at one uniform price: units to the winners, revenue to NATIONAL-AUCTION, escrow released', async () => {
    await sleepUntil(times.revealBy);
    const revenueBefore = BigInt((await fundsOf('NATIONAL-AUCTION')).total);
    // Anyone may clear: the result is a pure function of the ledger.
    const auction = await trader2.submit<AuctionRecord>('Auction:ClearAuction', { auctionId: cleared() });
    // 600 t at 60.00 fill first; 400 of ENT2's 500 t at 55.00 complete the 1,000 t: 55.00 CNY clears.
    expect(auction).toMatchObject({
      status: 'cleared',
      result: { clearingPrice: 5_500, sold: 1_000, unsold: 0, revenue: '5500000', demand: 1_100 },
    });
    const byAccount = Object.fromEntries(
      (auction.result?.allocations ?? []).map((a) => [a.accountId, { quantity: a.quantity, paid: a.paid }]),
    );
    expect(byAccount).toEqual({
      [account1]: { quantity: 600, paid: '3300000' },
      [account2]: { quantity: 400, paid: '2200000' },
    });
    // Every peer reads the same result.
    const views = await Promise.all(
      [regulator, trader1, trader2, auditor].map((p) =>
        p.evaluate<AuctionView>('Auction:GetAuction', cleared()),
      ),
    );
    for (const view of views) expect(view).toEqual(views[0]);
    expect(await holdingOf(account1)).toEqual({ quantity: 600, locked: 0 });
    expect(await holdingOf(account2)).toEqual({ quantity: 400, locked: 0 });
    expect(await fundsOf(account2)).toMatchObject({ locked: '0', total: (deposit - 2_200_000n).toString() });
    expect(BigInt((await fundsOf('NATIONAL-AUCTION')).total) - revenueBefore).toBe(5_500_000n);
  });

  test('an auction clearing below its reserve is cancelled: escrow released, lots unlocked', async () => {
    const auction = await regulator.submit<AuctionRecord>('Auction:ClearAuction', {
      auctionId: reserveMiss(),
    });
    expect(auction).toMatchObject({
      status: 'cancelled',
      result: { cancellation: 'below-reserve', clearingPrice: 4_000, sold: 0, unsold: 500, revenue: '0' },
    });
    const bids = await auditor.evaluate<AuctionBid[]>('Auction:GetBids', reserveMiss());
    expect(bids.map((bid) => [bid.status, bid.released])).toEqual([['cancelled', '2000000']]);
    // ENT1 paid only for the first auction; nothing of its escrow stays locked.
    expect(await fundsOf(account1)).toMatchObject({ locked: '0', total: (deposit - 3_300_000n).toString() });
    // NATIONAL-AUCTION keeps the 1,000 unsold and cancelled allowances, none locked.
    expect(await holdingOf('NATIONAL-AUCTION')).toEqual({ quantity: 1_000, locked: 0 });
    const refusal = await regulator.refusal('Auction:ClearAuction', { auctionId: reserveMiss() });
    expect(refusal.code).toBe('FAILED_PRECONDITION');
  });
});
