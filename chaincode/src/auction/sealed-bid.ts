import { createHash } from 'node:crypto';
import { bidCommitmentText, type SealedBid } from '@carbon-ets/contract';

/** The SHA-256 (lowercase hex) of a bid's canonical text: what `CommitBid` records and `RevealBid` checks. */
export function bidCommitment(bid: SealedBid): string {
  return createHash('sha256').update(bidCommitmentText(bid), 'utf8').digest('hex');
}

/** What an auction's lots are locked by: never an order's or proposal's id (those are tx ids). */
export function auctionLock(auctionId: string): string {
  return `auction:${auctionId}`;
}
