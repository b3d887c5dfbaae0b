import type { AuctionBid, AuctionRecord } from '@carbon-ets/contract';
import { bidCommitment } from '../auction/sealed-bid';
import { Users } from './identities';
import type { TestIdentity } from './memory-identity';
import { cc, submit, tx } from './scenario';
import type { TestLedger } from './test-ledger';

/** The auction times the tests use: bidding on 1 February 2025, reveals on the 2nd, clearing from the 3rd. */
export const AuctionTimes = {
  opens: '2025-02-01T00:00:00Z',
  closes: '2025-02-02T00:00:00Z',
  revealBy: '2025-02-03T00:00:00Z',
} as const;

/** A fixed salt per number, as 64 hex characters (a browser draws 32 random bytes). */
export function salt(n: number): string {
  return n.toString(16).padStart(64, '0');
}

/** Moves `quantity` allowances of 2025 from NATIONAL-ALLOCATION into NATIONAL-AUCTION. */
export async function stockAuctionAccount(ledger: TestLedger, quantity = 10_000): Promise<void> {
  await submit(ledger, Users.regulator, tx(cc.allowance, 'Transfer'), {
    fromAccount: 'NATIONAL-ALLOCATION',
    toAccount: 'NATIONAL-AUCTION',
    quantity,
    vintage: 2025,
  });
}

/** Deposits `amount` fen into each enterprise account (holding and trading). */
export async function fundTraders(ledger: TestLedger, amount = '100000000'): Promise<void> {
  for (const accountId of ['TRADE1', 'TRADE2', 'HOLD1', 'HOLD2']) {
    await submit(ledger, Users.regulator, tx(cc.funds, 'Deposit'), { accountId, amount });
  }
}

/** Schedules auction `id`: 1,000 t of 2025 at a reserve of 5,000 fen, 50 % at most per bidder. */
export async function scheduleAuction(
  ledger: TestLedger,
  overrides: Record<string, unknown> = {},
): Promise<AuctionRecord> {
  return (await submit(ledger, Users.regulator, tx(cc.auction, 'ScheduleAuction'), {
    id: 'AUC1',
    vintage: 2025,
    quantity: 1_000,
    reservePrice: 5_000,
    biddingOpensAt: AuctionTimes.opens,
    biddingClosesAt: AuctionTimes.closes,
    revealBy: AuctionTimes.revealBy,
    maxShareBasisPoints: 5_000,
    ...overrides,
  })) as AuctionRecord;
}

/** A bid as the tests place it: its secret parts and the escrow. */
export interface TestBid {
  readonly accountId: string;
  readonly price: number;
  readonly quantity: number;
  readonly salt: string;
  /** Fen; defaults to price × quantity. */
  readonly escrow?: string;
  readonly auctionId?: string;
}

/** Commits `bid` as `who` (the ledger's clock must be inside the window). */
export async function commitBid(ledger: TestLedger, who: TestIdentity, bid: TestBid): Promise<AuctionBid> {
  const auctionId = bid.auctionId ?? 'AUC1';
  return (await submit(ledger, who, tx(cc.auction, 'CommitBid'), {
    auctionId,
    accountId: bid.accountId,
    commitment: bidCommitment({ ...bid, auctionId }),
    escrow: bid.escrow ?? String(BigInt(bid.price) * BigInt(bid.quantity)),
  })) as AuctionBid;
}

/** Reveals a committed bid as `who` (the ledger's clock must be inside the reveal period). */
export async function revealBid(
  ledger: TestLedger,
  who: TestIdentity,
  bidId: string,
  bid: TestBid,
): Promise<AuctionBid> {
  return (await submit(ledger, who, tx(cc.auction, 'RevealBid'), {
    auctionId: bid.auctionId ?? 'AUC1',
    accountId: bid.accountId,
    bidId,
    price: bid.price,
    quantity: bid.quantity,
    salt: bid.salt,
  })) as AuctionBid;
}

/** Clears auction `auctionId` as the regulator (the clock must be past the reveal deadline). */
export async function clearAuction(ledger: TestLedger, auctionId = 'AUC1'): Promise<AuctionRecord> {
  return (await submit(ledger, Users.regulator, tx(cc.auction, 'ClearAuction'), {
    auctionId,
  })) as AuctionRecord;
}
