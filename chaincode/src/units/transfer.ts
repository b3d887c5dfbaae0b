import type { Context } from 'fabric-contract-api';
import { failedPrecondition, forbidden, invalidArgument } from '../errors';
import { actsFor, Operator, Regulator, Trader, authorize } from '../identity/access';
import { Role } from '../identity/msp';
import { emitEvent } from '../ledger/events';
import { InputReader } from '../ledger/input';
import { Store } from '../ledger/store';
import { isNational, type Account } from '../registry/account';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import type { UnitType } from './lot';
import { LotLedger, type Movement } from './lot-ledger';

/** Who may ask for a transfer; the owner check against the source account follows. */
export const TransferCallers = [Regulator, Operator, Trader];

/** Units move only between open accounts, and never out of or (by transfer) into the deletion account. */
export function requireOpen(account: Account, side: 'source' | 'destination'): void {
  if (account.status !== 'open') {
    throw failedPrecondition(`${side} account ${account.id} is ${account.status}`);
  }
}

/** Keys of an Allowance:Transfer request. */
export const ALLOWANCE_TRANSFER_KEYS = ['fromAccount', 'toAccount', 'quantity', 'lotIds', 'vintage'] as const;
/** Keys of an Offset:TransferOffsets request: offsets may also be picked by project. */
export const OFFSET_TRANSFER_KEYS = [...ALLOWANCE_TRANSFER_KEYS, 'projectId'] as const;

/**
 * Transfers units of one type between accounts: the owning entity's users for enterprise accounts, the
 * regulator for national accounts. Request: `{ fromAccount, toAccount, quantity, lotIds?, vintage? }`, plus
 * `projectId?` for offsets.
 */
export async function transferUnits(
  ctx: Context,
  request: string,
  unitType: UnitType,
  action: string,
): Promise<Movement & { fromAccount: string; toAccount: string; quantity: number }> {
  const caller = authorize(ctx, action, TransferCallers);
  const input = InputReader.fromJson<(typeof OFFSET_TRANSFER_KEYS)[number]>(
    request,
    'transfer',
    unitType === 'offset' ? OFFSET_TRANSFER_KEYS : ALLOWANCE_TRANSFER_KEYS,
  );
  const fromId = input.id('fromAccount');
  const toId = input.id('toAccount');
  const quantity = input.quantity('quantity');
  const lotIds = input.has('lotIds') ? input.ids('lotIds') : undefined;
  const vintage = input.has('vintage') ? input.year('vintage') : undefined;
  const projectId = unitType === 'offset' ? input.optionalId('projectId') : undefined;
  if (fromId === toId) {
    throw invalidArgument('transfer.toAccount must differ from transfer.fromAccount');
  }
  const store = new Store(ctx);
  const from = await requireAccount(store, fromId);
  const to = await requireAccount(store, toId);
  if (isNational(from)) {
    if (caller.role !== Role.regulator) {
      throw forbidden(`${action}: only the regulator moves units out of national account ${from.id}`);
    }
  } else {
    const owner = await requireEntity(store, from.entityId ?? '');
    if (!actsFor(caller, owner)) {
      throw forbidden(
        `${action}: only users of entity ${owner.id} (${owner.ownerMsp}) may debit account ${from.id}`,
      );
    }
  }
  if (from.kind === 'deletion' || to.kind === 'deletion') {
    throw failedPrecondition(
      'units reach the deletion account only by surrender or retirement, and never leave it',
    );
  }
  requireOpen(from, 'source');
  requireOpen(to, 'destination');
  const movement = await new LotLedger(ctx, store).move(
    from,
    to,
    {
      quantity,
      ...(lotIds === undefined ? {} : { lotIds }),
      filter: {
        unitType,
        ...(vintage === undefined ? {} : { vintage }),
        ...(projectId === undefined ? {} : { projectId }),
      },
    },
    { status: 'held', origin: 'transfer' },
  );
  emitEvent(ctx, unitType === 'allowance' ? 'AllowancesTransferred' : 'OffsetsTransferred', {
    fromAccount: from.id,
    toAccount: to.id,
    quantity,
    spentLotIds: movement.spentLotIds,
    newLots: movement.moved.map((lot) => lot.id),
  });
  return { ...movement, fromAccount: from.id, toAccount: to.id, quantity };
}
