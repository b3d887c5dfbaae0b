import { z } from 'zod';
import { Amount, distinctIds, Id, optional, strictObject, Text } from './fields';
import { ANYONE, read, write } from './transaction';

/**
 * How funds came into an account: `deposit` (paid in by the settlement bank, the regulator's org), `change`
 * (what was left of spent entries after a withdrawal or escrow), `trade` (a seller's proceeds of a settled
 * trade), `release` (escrow given back: a cancelled or expired buy order, price improvement on a fill, or
 * what an auction bid's escrow did not pay), `auction` (an auction's revenue, paid to NATIONAL-AUCTION).
 */
export const CashOrigin = z.enum(['deposit', 'change', 'trade', 'release', 'auction']);
export type CashOrigin = z.infer<typeof CashOrigin>;

/**
 * One entry of settlement funds held by an account, in fen (minor units, decimal string). Cash is UTXO-like, as
 * lots are: a deposit or a payment creates a new entry keyed `cash ~ accountId ~ <txId>.<n>`, a debit deletes
 * whole entries and writes the change as a new one.
 */
export const CashEntry = z
  .object({
    id: z.string(),
    accountId: z.string(),
    /** Fen, as a decimal string. */
    amount: z.string(),
    origin: CashOrigin,
    /** Free text reference (bank transfer id, order id, trade id). */
    reference: z.string().optional(),
    /** Entries spent to create this one (change). */
    parentEntryIds: z.array(z.string()).readonly().optional(),
    createdAt: z.string(),
    createdTxId: z.string(),
  })
  .readonly();
export type CashEntry = z.infer<typeof CashEntry>;

const cashDebitShape = {
  /** Fen, decimal string. */
  amount: z.string(),
  spentEntryIds: z.array(z.string()),
  change: CashEntry.optional(),
};

/** What a debit took: the entries deleted and the change written back. */
export const CashDebit = z.object(cashDebitShape).readonly();
export type CashDebit = z.infer<typeof CashDebit>;

/** Funds of an account in fen (decimal strings): available, locked as buy-order escrow, and their total. */
export const AccountFunds = z
  .object({ available: z.string(), locked: z.string(), total: z.string() })
  .readonly();
export type AccountFunds = z.infer<typeof AccountFunds>;

/**
 * Funds of an account in minor units, as decimal strings, with its cash entries. `currency: 'fen'` is the
 * chaincode's name for the minor unit, whatever the period's currency; format the amounts with `formatMoney`.
 */
export const FundsBalance = z
  .object({
    accountId: z.string(),
    currency: z.literal('fen'),
    available: z.string(),
    locked: z.string(),
    total: z.string(),
    entries: z.array(CashEntry).readonly(),
  })
  .readonly();
export type FundsBalance = z.infer<typeof FundsBalance>;

/** `Funds`: settlement funds in fen; the regulator's org stands in for the exchange's settlement bank. */
export const Funds = {
  deposit: write({
    contract: 'Funds',
    name: 'Deposit',
    roles: ['regulator'],
    label: 'deposit',
    summary: 'Pays funds into an enterprise account (open or frozen, not closed) as a new cash entry',
    request: strictObject({ accountId: Id, amount: Amount, reference: optional(Text()) }),
    answer: CashEntry,
  }),
  withdraw: write({
    contract: 'Funds',
    name: 'Withdraw',
    roles: ['regulator'],
    label: 'withdrawal',
    summary:
      "Pays funds out of an open enterprise account, never more than it has available; the owner's org endorses the debit",
    request: strictObject({
      accountId: Id,
      amount: Amount,
      /** Spend these entries (point reads), else the oldest first. */
      entryIds: optional(distinctIds()),
      /** The bank's reference, kept with the withdrawal's event and answer. */
      reference: optional(Text()),
    }),
    answer: z.object({ ...cashDebitShape, reference: z.string().optional() }).readonly(),
  }),
  getBalance: read({
    contract: 'Funds',
    name: 'GetBalance',
    roles: ANYONE,
    label: 'balance',
    summary: "An account's funds: available, locked as escrow and total, with its cash entries",
    args: [Id],
    answer: FundsBalance,
  }),
} as const;
