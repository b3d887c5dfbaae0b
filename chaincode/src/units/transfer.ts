import type { Caller } from '../identity/caller';
import type { Context } from 'fabric-contract-api';
import {
  failedPrecondition,
  forbidden,
  invalidArgument,
  type ApprovalRequest,
  type CarbonEventInput,
} from '@carbon-ets/contract';
import { proposeApproval, type ApprovedSpend } from '../approval/approval-requests';
import { representationGate } from '../approval/representatives';
import { requireTrustedDestination } from '../approval/trusted-accounts';
import { actsFor } from '../identity/access';
import { Role } from '../identity/msp';
import { emitEvent } from '../ledger/events';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { isNational, type Account } from '../registry/account';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import type { UnitType } from './lot';
import { LotLedger, type Movement, type Spend } from './lot-ledger';

/** Units move only between open accounts, and never out of or (by transfer) into the deletion account. */
export function requireOpen(account: Account, side: 'source' | 'destination'): void {
  if (account.status !== 'open') {
    throw failedPrecondition(`${side} account ${account.id} is ${account.status}`);
  }
}

/** A validated transfer request (see the wire contract's `TransferRequest`). */
export interface UnitTransfer {
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly quantity: number;
  readonly lotIds?: readonly string[] | undefined;
  readonly vintage?: number | undefined;
  readonly projectId?: string | undefined;
  readonly deviceId?: string | undefined;
}

/** What a transfer did, or (with `pendingApproval`) the approval request it became, nothing moved yet. */
export type TransferOutcome = Movement & {
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly quantity: number;
  readonly pendingApproval?: ApprovalRequest;
};

/**
 * Moves units of one type between accounts: the owning entity's users for enterprise accounts, the regulator
 * for national accounts. The caller has been authorised by the transaction's roles (regulator, operator, trader).
 * The source's trusted account list must allow the destination. An account with representatives is debited only
 * by them, and above its approval threshold the transfer becomes an approval request with the units locked;
 * `approved` executes such a request with the lots it locked (its event is then the approval's, not emitted
 * here).
 */
export async function moveUnits(
  ctx: Context,
  caller: Caller,
  transfer: UnitTransfer,
  unitType: UnitType,
  action: string,
  approved?: ApprovedSpend,
): Promise<TransferOutcome> {
  const { fromAccount: fromId, toAccount: toId, quantity, lotIds, vintage, projectId, deviceId } = transfer;
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
  await requireTrustedDestination(store, txTime(ctx), from, to, action);
  const spend: Spend = {
    quantity,
    ...(lotIds === undefined ? {} : { lotIds: [...lotIds] }),
    filter: {
      unitType,
      ...(vintage === undefined ? {} : { vintage }),
      ...(projectId === undefined ? {} : { projectId }),
      ...(deviceId === undefined ? {} : { deviceId }),
    },
  };
  if (approved === undefined && !isNational(from)) {
    const gate = await representationGate(ctx, store, from, quantity, action, true);
    if (gate.kind === 'propose') {
      const pendingApproval = await proposeApproval(
        ctx,
        store,
        from,
        gate.settings,
        gate.proposer,
        {
          operation: 'transfer',
          unitType,
          quantity,
          toAccount: to.id,
          ...(vintage === undefined ? {} : { vintage }),
          ...(projectId === undefined ? {} : { projectId }),
          ...(deviceId === undefined ? {} : { deviceId }),
        },
        spend,
      );
      return {
        moved: [],
        remainders: [],
        spentLotIds: [],
        fromAccount: from.id,
        toAccount: to.id,
        quantity,
        pendingApproval,
      };
    }
  }
  const lots = new LotLedger(ctx, store);
  const arrival = { status: 'held', origin: 'transfer' } as const;
  const movement =
    approved === undefined
      ? await lots.move(from, to, spend, arrival)
      : await lots.moveFrom(approved.lots, to, quantity, arrival);
  if (approved === undefined) {
    // `satisfies` keeps the literal's excess-property check, which passing a variable to emitEvent would lose.
    const moved = {
      fromAccount: from.id,
      toAccount: to.id,
      quantity,
      spentLotIds: movement.spentLotIds,
      newLots: movement.moved.map((lot) => lot.id),
    } satisfies CarbonEventInput<'AllowancesTransferred'>;
    // One literal name per call, so each payload is checked against its own event's schema.
    if (unitType === 'allowance') emitEvent(ctx, 'AllowancesTransferred', moved);
    else if (unitType === 'offset') emitEvent(ctx, 'OffsetsTransferred', moved);
    else emitEvent(ctx, 'CertificatesTransferred', moved);
  }
  return { ...movement, fromAccount: from.id, toAccount: to.id, quantity };
}
