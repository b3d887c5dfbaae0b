import {
  addQuantities,
  failedPrecondition,
  type AccountRepresentatives,
  type ApprovalRequest,
} from '@carbon-ets/contract';
import type { Context } from 'fabric-contract-api';
import type { CertificateIdentity } from '../identity/certificate-identity';
import { requireOwnerEndorsement } from '../ledger/endorsement';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { txTime, txTimestampMillis } from '../ledger/tx-time';
import type { Account } from '../registry/account';
import type { Lot } from '../units/lot';
import { LotLedger, type Spend } from '../units/lot-ledger';

/** What an approval request would do, as recorded on it (see the wire contract's `ApprovalRequest`). */
export type ApprovalDetails = Pick<
  ApprovalRequest,
  'operation' | 'unitType' | 'quantity' | 'toAccount' | 'period' | 'installationId' | 'vintage' | 'projectId'
>;

/** The locked lots an approved request spends: its id and the lots, read and checked. */
export interface ApprovedSpend {
  readonly approvalId: string;
  readonly lots: readonly Lot[];
}

/**
 * Turns a debit above the threshold into an approval request: locks exactly `spend.quantity` units for it (id =
 * this transaction's id), records it with its deadline and emits `ApprovalRequested`. The caller has checked
 * everything the operation needs; the lock itself refuses (before writing) when the units are not there.
 */
export async function proposeApproval(
  ctx: Context,
  store: Store,
  account: Account,
  settings: AccountRepresentatives,
  proposer: CertificateIdentity,
  details: ApprovalDetails,
  spend: Spend,
): Promise<ApprovalRequest> {
  const id = ctx.stub.getTxID();
  const locked = await new LotLedger(ctx, store).lock(account, spend, id);
  const approval: ApprovalRequest = {
    id,
    accountId: account.id,
    entityId: account.entityId ?? '',
    ...details,
    lockedLotIds: locked.map((lot) => lot.id),
    proposedBy: proposer,
    proposedAt: txTime(ctx),
    deadline: new Date(txTimestampMillis(ctx) + settings.approvalWindowSeconds * 1000).toISOString(),
    status: 'pending',
  };
  const key = await store.put(ObjectType.approval, [account.id, id], approval);
  // The request decides where locked units go: changing it needs the holder's org, like its lots.
  await requireOwnerEndorsement(ctx, key, account.ownerMsp);
  emitEvent(ctx, 'ApprovalRequested', { approval });
  return approval;
}

/** A request that must still be pending; `action` names what was attempted. */
export async function requirePending(
  store: Store,
  accountId: string,
  approvalId: string,
  action: string,
): Promise<ApprovalRequest> {
  const approval = await store.require<ApprovalRequest>(
    ObjectType.approval,
    [accountId, approvalId],
    `approval request ${approvalId} of account ${accountId}`,
  );
  if (approval.status !== 'pending') {
    throw failedPrecondition(
      `${action}: approval request ${approvalId} is already ${approval.status}${approval.decidedAt === undefined ? '' : ` (${approval.decidedAt})`}`,
    );
  }
  return approval;
}

/** The lots a pending request locked, checked to hold exactly its quantity and still be locked by it. */
export async function lockedLotsOf(store: Store, ctx: Context, approval: ApprovalRequest): Promise<Lot[]> {
  const lots = await new LotLedger(ctx, store).read(approval.accountId, approval.lockedLotIds);
  const held = lots
    .filter((lot) => lot.lockedBy === approval.id)
    .reduce((sum, lot) => addQuantities(sum, lot.quantity), 0);
  if (lots.length !== approval.lockedLotIds.length || held !== approval.quantity) {
    // Locked lots cannot move, so this means a ledger out of line with its own rules: refuse, change nothing.
    throw failedPrecondition(
      `approval request ${approval.id} should hold ${approval.quantity} locked units but its lots hold ${held}`,
    );
  }
  return lots;
}

/** Records a request's decision and emits `ApprovalDecided`; returns the request as now recorded. */
export async function recordDecision(
  ctx: Context,
  store: Store,
  approval: ApprovalRequest,
  decision: Pick<ApprovalRequest, 'status' | 'decidedBy' | 'reason'>,
  lots: { readonly spentLotIds: readonly string[]; readonly newLots: readonly string[] },
): Promise<ApprovalRequest> {
  const decided: ApprovalRequest = { ...approval, ...decision, decidedAt: txTime(ctx) };
  await store.put(ObjectType.approval, [approval.accountId, approval.id], decided);
  emitEvent(ctx, 'ApprovalDecided', {
    approval: decided,
    spentLotIds: [...lots.spentLotIds],
    newLots: [...lots.newLots],
  });
  return decided;
}
