/**
 * Account kinds. The three national accounts belong to the regulator and have fixed ids; an operator holding
 * account belongs to one installation; trading accounts belong to covered enterprises or traders.
 */
export const ACCOUNT_KINDS = ['allocation', 'auction', 'deletion', 'holding', 'trading'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const NATIONAL_ACCOUNT_KINDS: readonly AccountKind[] = ['allocation', 'auction', 'deletion'];

/** Fixed ids of the national accounts, so every transaction can find them without a lookup table. */
export const NationalAccount = {
  allocation: 'NATIONAL-ALLOCATION',
  auction: 'NATIONAL-AUCTION',
  deletion: 'NATIONAL-DELETION',
} as const;

/** Open accounts can send and receive; blocked accounts are frozen by the regulator; closed is final. */
export const ACCOUNT_STATUSES = ['open', 'blocked', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export interface Account {
  readonly id: string;
  readonly kind: AccountKind;
  /** Owning entity; absent for national accounts. */
  readonly entityId?: string;
  /** For holding accounts: the installation the account serves. */
  readonly installationId?: string;
  /** Org that must endorse debits of this account's lots (RegulatorMSP for national accounts). */
  readonly ownerMsp: string;
  readonly status: AccountStatus;
  readonly openedAt: string;
  readonly statusChangedAt?: string;
  readonly statusReason?: string;
}

export function isNational(account: Account): boolean {
  return NATIONAL_ACCOUNT_KINDS.includes(account.kind);
}
