import {
  ACCOUNT_KINDS,
  ACCOUNT_STATUSES,
  NATIONAL_ACCOUNTS,
  type Account,
  type AccountKind,
  type AccountStatus,
} from '@carbon-ets/contract';

/** Accounts: their schemas are the wire contract's (`@carbon-ets/contract`). */
export { ACCOUNT_KINDS, ACCOUNT_STATUSES, type Account, type AccountKind, type AccountStatus };

const NATIONAL_ACCOUNT_KINDS: readonly AccountKind[] = ['allocation', 'auction', 'deletion'];

/** Fixed ids of the national accounts, so every transaction can find them without a lookup table. */
export const NationalAccount = NATIONAL_ACCOUNTS;

export function isNational(account: Account): boolean {
  return NATIONAL_ACCOUNT_KINDS.includes(account.kind);
}
