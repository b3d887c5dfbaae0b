import fc from 'fast-check';
import type { AuctionBid, AuctionRecord, FundsBalance, SupplySummary } from '@carbon-ets/contract';
import {
  AuctionTimes,
  commitBid,
  fundTraders,
  revealBid,
  salt,
  scheduleAuction,
  stockAuctionAccount,
} from '../testing/auction';
import { Users } from '../testing/identities';
import { cc, evaluate, standardScenario, submit, tx } from '../testing/scenario';
import type { TestLedger } from '../testing/test-ledger';
import { clearBids, type AuctionTerms, type RevealedBid } from './clearing-rule';

const terms: fc.Arbitrary<AuctionTerms> = fc
  .record({
    quantity: fc.integer({ min: 1, max: 2_000 }),
    reservePrice: fc.integer({ min: 1, max: 100 }),
    share: fc.integer({ min: 1, max: 10_000 }),
  })
  .map(({ quantity, reservePrice, share }) => ({
    quantity,
    reservePrice,
    maxPerBidder: Math.max(1, Math.floor((quantity * share) / 10_000)),
  }));

/** Bids of up to five entities, few distinct prices so that ties at the clearing price are common. */
const bids: fc.Arbitrary<RevealedBid[]> = fc
  .array(
    fc.record({
      entity: fc.integer({ min: 1, max: 5 }),
      price: fc.integer({ min: 90, max: 110 }).map((p) => p - (p % 5)),
      quantity: fc.integer({ min: 1, max: 1_500 }),
    }),
    { maxLength: 12 },
  )
  .map((list) =>
    list.map((bid, i) => ({
      id: `bid-${String(i).padStart(2, '0')}`,
      entityId: `ENT${bid.entity}`,
      price: bid.price,
      quantity: bid.quantity,
    })),
  );

describe('the clearing rule (property)', () => {
  it('gives the same result whatever order the bids come in', () => {
    fc.assert(
      fc.property(terms, bids, fc.infiniteStream(fc.nat()), (t, list, seeds) => {
        const shuffled = list
          .map((bid) => ({ bid, key: seeds.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map(({ bid }) => bid);
        expect(clearBids(t, shuffled)).toEqual(clearBids(t, list));
      }),
      { numRuns: 300 },
    );
  });

  it('sells exactly the quantity at the lowest accepted price, no bidder above its share, or cancels', () => {
    fc.assert(
      fc.property(terms, bids, (t, list) => {
        const outcome = clearBids(t, list);
        const byId = new Map(list.map((bid) => [bid.id, bid]));
        if (outcome.kind === 'cancelled') {
          if (outcome.cancellation === 'undersubscribed') expect(outcome.demand).toBeLessThan(t.quantity);
          else expect(outcome.clearingPrice).toBeLessThan(t.reservePrice);
          return;
        }
        expect(outcome.demand).toBeGreaterThanOrEqual(t.quantity);
        expect(outcome.clearingPrice).toBeGreaterThanOrEqual(t.reservePrice);
        expect(outcome.allocations.reduce((sum, a) => sum + a.quantity, 0)).toBe(t.quantity);
        const perEntity = new Map<string, number>();
        for (const allocation of outcome.allocations) {
          const bid = byId.get(allocation.bidId);
          expect(bid).toBeDefined();
          if (bid === undefined) continue;
          expect(allocation.quantity).toBeGreaterThan(0);
          expect(allocation.quantity).toBeLessThanOrEqual(bid.quantity);
          // Every winner bid at least the clearing price; the clearing price is a winner's bid.
          expect(bid.price).toBeGreaterThanOrEqual(outcome.clearingPrice);
          perEntity.set(bid.entityId, (perEntity.get(bid.entityId) ?? 0) + allocation.quantity);
        }
        for (const won of perEntity.values()) expect(won).toBeLessThanOrEqual(t.maxPerBidder);
        expect(outcome.allocations.some((a) => byId.get(a.bidId)?.price === outcome.clearingPrice)).toBe(
          true,
        );
        // Nobody below the clearing price wins anything.
        for (const bid of list) {
          if (bid.price < outcome.clearingPrice) {
            expect(outcome.allocations.some((a) => a.bidId === bid.id)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Who bids from which account. */
const BIDDERS = [
  { who: Users.trader1, accountId: 'TRADE1', entityId: 'ENT1' },
  { who: Users.operator1, accountId: 'HOLD1', entityId: 'ENT1' },
  { who: Users.trader2, accountId: 'TRADE2', entityId: 'ENT2' },
  { who: Users.operator2, accountId: 'HOLD2', entityId: 'ENT2' },
] as const;
const FUNDS = 100_000_000n;
const QUANTITY = 1_000;
const NATIONAL_UNITS = 10_000;

/** Allowances of 2025 in an account, locked or not. */
async function holdingsOf(ledger: TestLedger, accountId: string): Promise<number> {
  const answer = (await evaluate(ledger, Users.auditor, tx(cc.query, 'GetHoldings'), accountId)) as {
    holdings: { unitType: string; vintage: number; status: string; quantity: number }[];
  };
  return answer.holdings
    .filter((h) => h.unitType === 'allowance' && h.vintage === 2025 && h.status === 'held')
    .reduce((sum, h) => sum + h.quantity, 0);
}

const ledgerBid = fc.record({
  bidder: fc.integer({ min: 0, max: 3 }),
  price: fc.integer({ min: 4_000, max: 6_000 }).map((p) => p - (p % 250)),
  quantity: fc.integer({ min: 1, max: 700 }),
  /** Escrow above the bid's value, fen. */
  extra: fc.integer({ min: 0, max: 100_000 }),
  reveal: fc.boolean(),
});

describe('an auction on the ledger (property)', () => {
  let base: TestLedger;
  beforeAll(async () => {
    base = await standardScenario();
    await stockAuctionAccount(base, NATIONAL_UNITS);
    await fundTraders(base, FUNDS.toString());
    await scheduleAuction(base, { quantity: QUANTITY, reservePrice: 5_000, maxShareBasisPoints: 6_000 });
  }, 30_000);

  it('conserves units and money, keeps every bidder within its share, and clears as the rule does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ledgerBid, { minLength: 1, maxLength: 8 }), async (list) => {
        const ledger = base.fork();
        ledger.setTime(AuctionTimes.opens);
        const placed: { id: string; bid: (typeof list)[number]; secret: number }[] = [];
        for (const [i, bid] of list.entries()) {
          const bidder = BIDDERS[bid.bidder] ?? BIDDERS[0];
          const escrow = (BigInt(bid.price) * BigInt(bid.quantity) + BigInt(bid.extra)).toString();
          const committed = await commitBid(ledger, bidder.who, {
            accountId: bidder.accountId,
            price: bid.price,
            quantity: bid.quantity,
            salt: salt(i + 1),
            escrow,
          });
          placed.push({ id: committed.id, bid, secret: i + 1 });
        }
        ledger.setTime(AuctionTimes.closes);
        const revealedByEntity = new Map<string, number>();
        for (const { id, bid, secret } of placed) {
          if (!bid.reveal) continue;
          const bidder = BIDDERS[bid.bidder] ?? BIDDERS[0];
          const already = revealedByEntity.get(bidder.entityId) ?? 0;
          const attempt = revealBid(ledger, bidder.who, id, {
            accountId: bidder.accountId,
            price: bid.price,
            quantity: bid.quantity,
            salt: salt(secret),
          });
          if (already + bid.quantity > 600) {
            // Above the share: refused, and the bid stays unrevealed.
            await expect(attempt).rejects.toThrow(
              /FAILED_PRECONDITION: entity ENT\d may bid for at most 600 t/,
            );
          } else {
            await attempt;
            revealedByEntity.set(bidder.entityId, already + bid.quantity);
          }
        }
        const bidsBefore = (await evaluate(
          ledger,
          Users.auditor,
          tx(cc.auction, 'GetBids'),
          'AUC1',
        )) as AuctionBid[];
        const unitsBefore = new Map<string, number>();
        for (const { accountId } of BIDDERS) unitsBefore.set(accountId, await holdingsOf(ledger, accountId));
        ledger.setTime(AuctionTimes.revealBy);
        const auction = (await submit(ledger, Users.regulator, tx(cc.auction, 'ClearAuction'), {
          auctionId: 'AUC1',
        })) as AuctionRecord;
        const result = auction.result;
        if (result === undefined) throw new Error('no result');

        // The rule applied to the revealed bids, in reverse order, gives the same outcome.
        const revealed = bidsBefore
          .filter((bid) => bid.status === 'revealed')
          .map((bid) => ({
            id: bid.id,
            entityId: bid.entityId,
            price: bid.price ?? 0,
            quantity: bid.quantity ?? 0,
          }))
          .reverse();
        const outcome = clearBids({ quantity: QUANTITY, reservePrice: 5_000, maxPerBidder: 600 }, revealed);
        expect(auction.status).toBe(outcome.kind);
        if (outcome.kind === 'cleared') {
          expect(result.clearingPrice).toBe(outcome.clearingPrice);
          expect(result.allocations.map((a) => ({ bidId: a.bidId, quantity: a.quantity }))).toEqual(
            outcome.allocations,
          );
        } else {
          expect(result.cancellation).toBe(outcome.cancellation);
          expect(result.allocations).toEqual([]);
        }

        // Units: sold + unsold = quantity; NATIONAL-AUCTION + what the bidders hold = what was stocked.
        expect(result.sold + result.unsold).toBe(QUANTITY);
        expect(await holdingsOf(ledger, 'NATIONAL-AUCTION')).toBe(NATIONAL_UNITS - result.sold);
        for (const { accountId } of BIDDERS) {
          const won = result.allocations
            .filter((allocation) => allocation.accountId === accountId)
            .reduce((sum, allocation) => sum + allocation.quantity, 0);
          expect(await holdingsOf(ledger, accountId)).toBe((unitsBefore.get(accountId) ?? 0) + won);
        }
        const supply = (await evaluate(
          ledger,
          Users.auditor,
          tx(cc.query, 'GetSupplySummary'),
          '2025',
        )) as SupplySummary;
        expect(supply.allowances.reconciles).toBe(true);
        expect(supply.allowances.locked).toBe(0);

        // Money: escrow in = paid + released; each account lost exactly what it paid; revenue in the national account.
        const escrowIn = bidsBefore.reduce((sum, bid) => sum + BigInt(bid.escrow), 0n);
        expect(BigInt(result.revenue) + BigInt(result.released)).toBe(escrowIn);
        const paidBy = new Map<string, bigint>();
        const wonBy = new Map<string, number>();
        for (const allocation of result.allocations) {
          paidBy.set(
            allocation.accountId,
            (paidBy.get(allocation.accountId) ?? 0n) + BigInt(allocation.paid),
          );
          expect(BigInt(allocation.paid)).toBe(
            BigInt(result.clearingPrice ?? 0) * BigInt(allocation.quantity),
          );
          wonBy.set(allocation.entityId, (wonBy.get(allocation.entityId) ?? 0) + allocation.quantity);
        }
        for (const won of wonBy.values()) expect(won).toBeLessThanOrEqual(600);
        for (const { accountId } of BIDDERS) {
          const balance = (await evaluate(
            ledger,
            Users.auditor,
            tx(cc.funds, 'GetBalance'),
            accountId,
          )) as FundsBalance;
          expect(balance.locked).toBe('0');
          expect(BigInt(balance.total)).toBe(FUNDS - (paidBy.get(accountId) ?? 0n));
        }
        const revenue = (await evaluate(
          ledger,
          Users.auditor,
          tx(cc.funds, 'GetBalance'),
          'NATIONAL-AUCTION',
        )) as FundsBalance;
        expect(revenue.total).toBe(result.revenue);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
