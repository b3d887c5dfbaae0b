import { bidCommitmentText, type SealedBid } from '@carbon-ets/contract';
import { sha256Hex } from '../operator/sha256';

/**
 * A sealed bid as this browser keeps it until the reveal: the secret parts (price, quantity, salt) never leave
 * the browser before then; the ledger holds only their SHA-256.
 */
export interface KeptBid extends SealedBid {
  /** The committing transaction's id, once the commitment is on the ledger. */
  readonly bidId: string;
  readonly revealed?: boolean;
}

/** 32 random bytes from the browser's cryptographic generator, as 64 lowercase hex characters. */
export function newSalt(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The commitment `CommitBid` takes: SHA-256 of the bid's canonical text (the chaincode hashes the same). */
export function commitmentOf(bid: SealedBid): Promise<string> {
  return sha256Hex(bidCommitmentText(bid));
}

const storageKey = (user: string): string => `carbon-ets:${user}:sealed-bids`;

/** The bids this user committed from this browser (localStorage: losing them means the bid cannot be revealed). */
export function keptBids(user: string): KeptBid[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(user)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as KeptBid[]) : [];
  } catch {
    return [];
  }
}

/** Adds or replaces (by bid id) a kept bid. */
export function keepBid(user: string, bid: KeptBid): void {
  const others = keptBids(user).filter((kept) => kept.bidId !== bid.bidId);
  localStorage.setItem(storageKey(user), JSON.stringify([...others, bid]));
}
