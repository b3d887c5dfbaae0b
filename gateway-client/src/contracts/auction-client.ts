import { createHash, randomBytes } from 'node:crypto';
import { Auction, bidCommitmentText, type SealedBid } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export { bidCommitmentText } from '@carbon-ets/contract';
export type {
  AuctionAllocation,
  AuctionBid,
  AuctionPhase,
  AuctionRecord,
  AuctionResult,
  AuctionScheduling,
  AuctionView,
  BidCommitment,
  BidReveal,
  SealedBid,
} from '@carbon-ets/contract';

/** `Auction`: sealed-bid, uniform-price auctions of allowances (schedule, commit, reveal, clear). */
export const AuctionClient = facadeOf(Auction);
export type AuctionClient = Facade<typeof Auction>;

/** A fresh salt for a sealed bid: 32 random bytes as 64 lowercase hex characters. Keep it to reveal. */
export function newBidSalt(): string {
  return randomBytes(32).toString('hex');
}

/** The commitment `Auction:CommitBid` takes: SHA-256 (lowercase hex) of the bid's canonical text. */
export function bidCommitment(bid: SealedBid): string {
  return createHash('sha256').update(bidCommitmentText(bid), 'utf8').digest('hex');
}
