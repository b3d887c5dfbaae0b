import type { Context } from 'fabric-contract-api';
import { forbidden } from '@carbon-ets/contract';
import { representationGate } from '../approval/representatives';
import { actsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { Store } from '../ledger/store';
import { NationalAccount } from '../registry/account';
import type { Entity } from '../registry/entity';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import type { LotFilter } from './lot';
import { LotLedger, type Movement } from './lot-ledger';
import { requireOpen } from './transfer';

/** Units given up for a beneficiary: how many, from which account, and optionally which lots. */
export interface RetirementRequest {
  readonly accountId: string;
  readonly quantity: number;
  readonly beneficiary: string;
  readonly reason?: string | undefined;
  readonly lotIds?: readonly string[] | undefined;
}

/**
 * Moves units out of an account into the deletion account as `retired` lots naming the beneficiary (offset
 * retirement, certificate cancellation). Terminal: retired lots never move again. Only users of the entity
 * owning the account may do it, from an open account; it cannot wait for a second representative, so above the
 * account's approval threshold it is refused. `nameEntity` also records the retiring entity on the lots.
 */
export async function retireUnits(
  ctx: Context,
  caller: Caller,
  request: RetirementRequest,
  filter: LotFilter,
  action: { readonly transaction: string; readonly verb: string; readonly nameEntity: boolean },
): Promise<{ owner: Entity; movement: Movement }> {
  const { accountId, quantity, beneficiary, reason, lotIds } = request;
  const store = new Store(ctx);
  const account = await requireAccount(store, accountId);
  const owner = account.entityId === undefined ? undefined : await requireEntity(store, account.entityId);
  if (owner === undefined || !actsFor(caller, owner)) {
    throw forbidden(
      `${action.transaction}: only users of the entity owning account ${accountId} may ${action.verb} from it`,
    );
  }
  requireOpen(account, 'source');
  await representationGate(ctx, store, account, quantity, action.transaction, false);
  const deletion = await requireAccount(store, NationalAccount.deletion);
  const movement = await new LotLedger(ctx, store).move(
    account,
    deletion,
    { quantity, ...(lotIds === undefined ? {} : { lotIds }), filter },
    {
      status: 'retired',
      origin: 'retirement',
      retirement: {
        beneficiary,
        ...(reason === undefined ? {} : { reason }),
        ...(action.nameEntity ? { entityId: owner.id } : {}),
      },
    },
  );
  return { owner, movement };
}
