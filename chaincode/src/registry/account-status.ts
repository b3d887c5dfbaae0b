import type { Context } from 'fabric-contract-api';
import { failedPrecondition, parseRequest, Registry, type ParsedRequestOf } from '@carbon-ets/contract';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { isNational, type Account, type AccountStatus } from './account';
import { requireAccount } from './registry-reads';

/** A parsed `{ accountId, reason }` (the wire contract's `AccountStatusChange`). */
export type ParsedAccountStatusChange = ParsedRequestOf<typeof Registry.blockAccount>;

/**
 * Moves an enterprise account between statuses. `blocked` is the regulator's freeze: no orders, transfers,
 * surrenders or withdrawals while it lasts (Registry:BlockAccount and Market:FreezeAccount set the same
 * status). Request: `{ accountId, reason }`, parsed or as its JSON text; the caller has been authorised already.
 */
export async function changeAccountStatus(
  ctx: Context,
  request: ParsedAccountStatusChange | string,
  action: string,
  from: readonly AccountStatus[],
  to: AccountStatus,
): Promise<string> {
  const { accountId, reason } =
    typeof request === 'string' ? parseRequest(Registry.blockAccount, request) : request;
  const store = new Store(ctx);
  const account = await requireAccount(store, accountId);
  if (isNational(account)) {
    throw failedPrecondition(`${action}: national account ${accountId} cannot change status`);
  }
  if (!from.includes(account.status)) {
    throw failedPrecondition(`${action}: account ${accountId} is ${account.status}`);
  }
  if (to === 'closed') {
    const lots = await store.list(ObjectType.lot, [accountId]);
    if (lots.length > 0) {
      throw failedPrecondition(`account ${accountId} still holds ${lots.length} lot(s); transfer them first`);
    }
    // Funds and open orders (whose escrow would be released into the account) must be gone too.
    if ((await store.list(ObjectType.cash, [accountId])).length > 0) {
      throw failedPrecondition(`account ${accountId} still holds settlement funds; withdraw them first`);
    }
    const orders = await store.list<{ status: string }>(ObjectType.order, [accountId]);
    if (orders.some((order) => order.value.status === 'open')) {
      throw failedPrecondition(`account ${accountId} has open orders; cancel them first`);
    }
  }
  const updated: Account = { ...account, status: to, statusChangedAt: txTime(ctx), statusReason: reason };
  await store.put(ObjectType.account, [accountId], updated);
  emitEvent(ctx, 'AccountStatusChanged', { accountId, from: account.status, to, reason });
  return JSON.stringify(updated);
}
