/** How funds came into an account. */
export type CashOrigin =
  /** Paid in by the settlement bank (the regulator's org). */
  | 'deposit'
  /** What was left of spent entries after a withdrawal or escrow. */
  | 'change'
  /** A seller's proceeds of a settled trade. */
  | 'trade'
  /** Escrow given back: a cancelled or expired buy order, or price improvement on a fill. */
  | 'release';

/**
 * One entry of settlement funds held by an account, in fen. Cash is UTXO-like, as lots are: a deposit or a
 * payment creates a new entry keyed `cash ~ accountId ~ <txId>.<n>`, a debit deletes whole entries and writes
 * the change as a new one. So no transaction ever rewrites a per-account balance key, two accounts never share
 * a key, and each entry carries a key-level endorsement policy naming the owner's org: a debit needs the owner.
 */
export interface CashEntry {
  readonly id: string;
  readonly accountId: string;
  /** Fen, as a decimal string. */
  readonly amount: string;
  readonly origin: CashOrigin;
  /** Free text reference (bank transfer id, order id, trade id). */
  readonly reference?: string;
  /** Entries spent to create this one (change). */
  readonly parentEntryIds?: readonly string[];
  readonly createdAt: string;
  readonly createdTxId: string;
}
