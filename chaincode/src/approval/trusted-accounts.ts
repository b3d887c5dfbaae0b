import {
  DEFAULT_TRUSTED_ACCOUNT_DELAY_SECONDS,
  failedPrecondition,
  type TrustedAccountList,
} from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { isNational, type Account } from '../registry/account';

/** An account's trusted account list, or the empty list of an account that never had one (`exists: false`). */
export async function loadTrustedAccounts(store: Store, accountId: string): Promise<TrustedAccountList> {
  return (
    (await store.get<TrustedAccountList>(ObjectType.trustedAccounts, [accountId])) ?? {
      accountId,
      exists: false,
      delaySeconds: DEFAULT_TRUSTED_ACCOUNT_DELAY_SECONDS,
      accounts: [],
    }
  );
}

/** `86400 s (24 h)`: a delay as refusals give it. */
export function delayText(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds} s (${seconds / 3600} h)` : `${seconds} s`;
}

/**
 * Refuses a transfer from `from` to `to` that its trusted account list does not allow. The national accounts
 * and the holder's own accounts are always allowed (as the EU registry's list includes them automatically); an
 * account without a list sends anywhere; otherwise `to` must be on the list with its addition in effect.
 */
export async function requireTrustedDestination(
  store: Store,
  now: string,
  from: Account,
  to: Account,
  action: string,
): Promise<void> {
  if (isNational(from) || isNational(to)) return;
  if (to.entityId !== undefined && to.entityId === from.entityId) return;
  const list = await loadTrustedAccounts(store, from.id);
  if (!list.exists) return;
  const entry = list.accounts.find((trusted) => trusted.accountId === to.id);
  if (entry === undefined) {
    throw failedPrecondition(
      `${action}: account ${to.id} is not on account ${from.id}'s trusted account list; the holder adds it (Approval:AddTrustedAccount) and it takes effect after ${delayText(list.delaySeconds)}`,
    );
  }
  if (now < entry.effectiveAt) {
    throw failedPrecondition(
      `${action}: account ${to.id} was added to account ${from.id}'s trusted account list at ${entry.addedAt} and takes effect only at ${entry.effectiveAt}`,
    );
  }
}
