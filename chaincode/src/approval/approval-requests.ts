import {
  addQuantities,
  failedPrecondition,
  fenOf,
  formatFen,
  type AccountRepresentatives,
  type ApprovalEscrow,
  type ApprovalRequest,
  type Fen,
  type Order,
} from '@carbon-ets/contract';
import type { Context } from 'fabric-contract-api';
import type { CertificateIdentity } from '../identity/certificate-identity';
import { requireOwnerEndorsement } from '../ledger/endorsement';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { txTime, txTimestampMillis } from '../ledger/tx-time';
import { CashLedger } from '../funds/cash-ledger';
import type { Account } from '../registry/account';
import type { Lot } from '../units/lot';
import { LotLedger, type Spend } from '../units/lot-ledger';

/** What an approval request would do, as recorded on it (see the wire contract's `ApprovalRequest`). */
export type ApprovalDetails = Pick<
  ApprovalRequest,
  | 'operation'
  | 'unitType'
  | 'quantity'
  | 'toAccount'
  | 'period'
  | 'installationId'
  | 'vintage'
  | 'projectId'
  | 'deviceId'
  | 'side'
  | 'instrument'
  | 'price'
  | 'goodTill'
>;

/** Funds a request reserves instead of units (a buy order): `amount` fen, from the named cash entries if any. */
export interface FundsReservation {
  readonly funds: Fen;
  readonly cashEntryIds?: readonly string[];
}

/** The locked lots an approved request spends: its id and the lots, read and checked. */
export interface ApprovedSpend {
  readonly approvalId: string;
  readonly lots: readonly Lot[];
}

/**
 * Turns a debit above the threshold into an approval request: reserves what it spends for it (id = this
 * transaction's id) — locks exactly `spend.quantity` units, or takes `funds` fen out of the account's cash into
 * `approvalEscrow ~ accountId ~ id` —, records it with its deadline and emits `ApprovalRequested`. The caller
 * has checked everything the operation needs; the lock or debit itself refuses (before writing) when the units
 * or funds are not there.
 */
export async function proposeApproval(
  ctx: Context,
  store: Store,
  account: Account,
  settings: AccountRepresentatives,
  proposer: CertificateIdentity,
  details: ApprovalDetails,
  reserve: Spend | FundsReservation,
): Promise<ApprovalRequest> {
  const id = ctx.stub.getTxID();
  let lockedLotIds: string[] = [];
  let escrow: string | undefined;
  if ('funds' in reserve) {
    await new CashLedger(ctx, store).debit(account, reserve.funds, reserve.cashEntryIds);
    escrow = formatFen(reserve.funds);
    const held: ApprovalEscrow = { accountId: account.id, approvalId: id, escrow };
    const escrowKey = await store.put(ObjectType.approvalEscrow, [account.id, id], held);
    await requireOwnerEndorsement(ctx, escrowKey, account.ownerMsp);
  } else {
    const locked = await new LotLedger(ctx, store).lock(account, reserve, id);
    lockedLotIds = locked.map((lot) => lot.id);
  }
  const approval: ApprovalRequest = {
    id,
    accountId: account.id,
    entityId: account.entityId ?? '',
    ...details,
    ...(escrow === undefined ? {} : { escrow }),
    lockedLotIds,
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

/** True for a request that reserves funds rather than units: a buy order. */
export function reservesFunds(approval: ApprovalRequest): boolean {
  return approval.escrow !== undefined;
}

/**
 * The lots a pending request locked, checked to hold exactly its quantity (none for a buy order, which reserves
 * funds) and still be locked by it.
 */
export async function lockedLotsOf(store: Store, ctx: Context, approval: ApprovalRequest): Promise<Lot[]> {
  const lots = await new LotLedger(ctx, store).read(approval.accountId, approval.lockedLotIds);
  const held = lots
    .filter((lot) => lot.lockedBy === approval.id)
    .reduce((sum, lot) => addQuantities(sum, lot.quantity), 0);
  const expected = reservesFunds(approval) ? 0 : approval.quantity;
  if (lots.length !== approval.lockedLotIds.length || held !== expected) {
    // Locked lots cannot move, so this means a ledger out of line with its own rules: refuse, change nothing.
    throw failedPrecondition(
      `approval request ${approval.id} should hold ${approval.quantity} locked units but its lots hold ${held}`,
    );
  }
  return lots;
}

/**
 * The fen a pending request reserved (0 for one that reserves units), checked against its escrow key. Deletes
 * the key: the caller either hands the funds to the order it places or credits them back.
 */
export async function takeReservedFunds(store: Store, approval: ApprovalRequest): Promise<Fen> {
  if (!reservesFunds(approval)) return 0n;
  const held = await store.get<ApprovalEscrow>(ObjectType.approvalEscrow, [approval.accountId, approval.id]);
  if (held === undefined || held.escrow !== approval.escrow) {
    // Only the request's decision deletes the key, so this means a ledger out of line with its own rules.
    throw failedPrecondition(
      `approval request ${approval.id} should hold ${approval.escrow ?? '0'} fen but its escrow holds ${held === undefined ? 'nothing' : `${held.escrow} fen`}`,
    );
  }
  await store.delete(ObjectType.approvalEscrow, [approval.accountId, approval.id]);
  return fenOf(held.escrow);
}

/**
 * Records a request's decision and emits `ApprovalDecided` (with the order an approved order request placed);
 * returns the request as now recorded.
 */
export async function recordDecision(
  ctx: Context,
  store: Store,
  approval: ApprovalRequest,
  decision: Pick<ApprovalRequest, 'status' | 'decidedBy' | 'reason'>,
  lots: { readonly spentLotIds: readonly string[]; readonly newLots: readonly string[] },
  order?: Order,
): Promise<ApprovalRequest> {
  const decided: ApprovalRequest = { ...approval, ...decision, decidedAt: txTime(ctx) };
  await store.put(ObjectType.approval, [approval.accountId, approval.id], decided);
  emitEvent(ctx, 'ApprovalDecided', {
    approval: decided,
    spentLotIds: [...lots.spentLotIds],
    newLots: [...lots.newLots],
    ...(order === undefined ? {} : { order }),
  });
  return decided;
}
