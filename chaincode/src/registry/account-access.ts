import { forbidden } from '@carbon-ets/contract';
import { actsFor, isSupervisor } from '../identity/access';
import type { Caller } from '../identity/caller';
import type { Store } from '../ledger/store';
import type { Account } from './account';
import { requireEntity } from './registry-reads';

/**
 * Who may read an account's funds, orders, position and trades: supervisors, or users of the entity owning
 * it. One rule for the funds and market contracts, kept with the registry both build on.
 */
export async function requireAccountReader(
  store: Store,
  caller: Caller,
  account: Account,
  action: string,
): Promise<void> {
  if (isSupervisor(caller)) {
    return;
  }
  const owner = account.entityId === undefined ? undefined : await requireEntity(store, account.entityId);
  if (owner === undefined || !actsFor(caller, owner)) {
    throw forbidden(
      `${action}: only supervisors and users of the owning entity may read account ${account.id}`,
    );
  }
}
