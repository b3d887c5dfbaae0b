import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  Approval,
  conflict,
  DEFAULT_APPROVAL_WINDOW_SECONDS,
  failedPrecondition,
  forbidden,
  invalidArgument,
  notFound,
  parseArgs,
  parseRequest,
  type AccountRepresentatives,
  type ApprovalOutcome,
  type ApprovalRequest,
  type Order,
  type TrustedAccountList,
} from '@carbon-ets/contract';
import { CarbonContract } from '../contracts/carbon-contract';
import { authorizeTransaction, requireActsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { certificateIdentityOf, identityText, sameIdentity } from '../identity/certificate-identity';
import { requireOwnerEndorsement } from '../ledger/endorsement';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime, txTimestampMillis } from '../ledger/tx-time';
import { compareText } from '../ledger/text-order';
import { surrenderUnits } from '../compliance/surrender';
import { CashLedger } from '../funds/cash-ledger';
import { placeApprovedOrder } from '../market/placement';
import { isNational, type Account } from '../registry/account';
import { requireAccountReader } from '../registry/account-access';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { LotLedger } from '../units/lot-ledger';
import { moveUnits } from '../units/transfer';
import { lockedLotsOf, recordDecision, requirePending, takeReservedFunds } from './approval-requests';
import { loadRepresentatives, representationGate, representativeOf } from './representatives';
import { delayText, loadTrustedAccounts } from './trusted-accounts';

/** The longest approval window or trusted-account delay: a year, so deadlines stay ordinary dates. */
const MAX_SECONDS = 366 * 24 * 3600;

function requireSeconds(value: number, field: string): number {
  if (value > MAX_SECONDS) {
    throw invalidArgument(`${field} must be at most ${MAX_SECONDS} s (a year)`);
  }
  return value;
}

/** An enterprise account that is not closed: the only kind with representatives and trusted lists. */
async function requireEnterpriseAccount(store: Store, accountId: string, action: string): Promise<Account> {
  const account = await requireAccount(store, accountId);
  if (isNational(account) || account.entityId === undefined) {
    throw failedPrecondition(
      `${action}: national account ${accountId} is the regulator's and has no representatives`,
    );
  }
  if (account.status === 'closed') {
    throw failedPrecondition(`${action}: account ${accountId} is closed`);
  }
  return account;
}

/**
 * Account representatives and the two-person rule, and trusted account lists. The regulator records who
 * represents an account (at the holder's request); a transfer, surrender or order above the account's threshold
 * waits as an approval request, its units (or a buy order's funds) reserved, until a second representative
 * approves, someone rejects it, or its deadline passes. A holder's trusted account list limits where its account's units may be transferred.
 */
@Info({
  title: 'Approval',
  description: 'Account representatives, two-person approval and trusted account lists',
})
export class ApprovalContract extends CarbonContract {
  constructor() {
    super('Approval');
  }

  /**
   * Records an enterprise account's representatives, approval threshold and window, replacing what was there.
   * Every representative is a user of the account holder's org; a threshold needs two people able to act, one
   * of them an approver. Request: `{ accountId, representatives?, approvalThreshold?, approvalWindowSeconds?,
   * requestReference }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async SetRepresentatives(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Approval.setRepresentatives);
    const input = parseRequest(Approval.setRepresentatives, request);
    const store = new Store(ctx);
    const account = await requireEnterpriseAccount(store, input.accountId, 'SetRepresentatives');
    const owner = await requireEntity(store, account.entityId ?? '');
    const representatives = input.representatives ?? [];
    const seen = new Set<string>();
    for (const representative of representatives) {
      const who = identityText(representative);
      if (representative.mspId !== owner.ownerMsp) {
        throw invalidArgument(
          `representatives: ${who} cannot represent account ${account.id}: its holder ${owner.id}'s users are issued by ${owner.ownerMsp}`,
        );
      }
      if (seen.has(who)) throw invalidArgument(`representatives: ${who} is named twice`);
      seen.add(who);
    }
    if (input.approvalThreshold !== undefined) {
      const actors = representatives.filter((r) => r.role !== 'viewer');
      if (actors.length < 2 || !actors.some((r) => r.role === 'approver')) {
        throw invalidArgument(
          'representatives: an approval threshold needs two people who can act, at least one of them an approver',
        );
      }
    }
    const windowSeconds = requireSeconds(
      input.approvalWindowSeconds ?? DEFAULT_APPROVAL_WINDOW_SECONDS,
      'representatives.approvalWindowSeconds',
    );
    if (windowSeconds === 0) {
      throw invalidArgument('representatives.approvalWindowSeconds must be greater than zero');
    }
    const settings: AccountRepresentatives = {
      accountId: account.id,
      representatives: representatives.map(({ mspId, userName, role }) => ({ mspId, userName, role })),
      ...(input.approvalThreshold === undefined ? {} : { approvalThreshold: input.approvalThreshold }),
      approvalWindowSeconds: windowSeconds,
      requestReference: input.requestReference,
      recordedAt: txTime(ctx),
      txId: ctx.stub.getTxID(),
    };
    await store.put(ObjectType.representatives, [account.id], settings);
    emitEvent(ctx, 'RepresentativesSet', { representatives: settings });
    return JSON.stringify(settings);
  }

  /**
   * A second representative approves a pending request before its deadline: the transfer or surrender is
   * executed with the units it locked, the order placed with what it reserved (order id = the request's id),
   * every rule of the operation checked again; a refusal refuses the approval. The proposer cannot approve
   * its own request; only representatives with the approver role approve. Request: `{ accountId, approvalId }`.
   * Caller: an approver representative of the account (operator or trader of its holder).
   */
  @Transaction()
  @Returns('string')
  public async Approve(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Approval.approve);
    const { accountId, approvalId } = parseRequest(Approval.approve, request);
    const store = new Store(ctx);
    const approval = await requirePending(store, accountId, approvalId, 'Approve');
    const me = certificateIdentityOf(ctx);
    const representative = representativeOf(await loadRepresentatives(store, accountId), me);
    if (representative === undefined) {
      throw forbidden(`Approve: ${identityText(me)} is not a representative of account ${accountId}`);
    }
    if (sameIdentity(me, approval.proposedBy)) {
      throw forbidden(
        `Approve: ${identityText(me)} proposed request ${approvalId}; a second representative must approve it`,
      );
    }
    if (representative.role !== 'approver') {
      throw forbidden(
        `Approve: ${identityText(me)} is a ${representative.role} of account ${accountId}; only approvers approve`,
      );
    }
    if (txTime(ctx) > approval.deadline) {
      throw failedPrecondition(
        `Approve: approval request ${approvalId} expired at ${approval.deadline}; Approval:Expire unlocks its units`,
      );
    }
    const locked = { approvalId, lots: await lockedLotsOf(store, ctx, approval) };
    const executed = await this.execute(ctx, caller, approval, locked);
    const decided = await recordDecision(
      ctx,
      store,
      approval,
      { status: 'executed', decidedBy: me },
      { spentLotIds: executed.spentLotIds, newLots: executed.lots.map((lot) => lot.id) },
      executed.order,
    );
    return JSON.stringify({
      approval: decided,
      lots: executed.lots,
      ...(executed.order === undefined ? {} : { order: executed.order }),
    } satisfies ApprovalOutcome);
  }

  /** Runs the request's operation with what it reserved. */
  private async execute(
    ctx: Context,
    caller: Caller,
    approval: ApprovalRequest,
    locked: { approvalId: string; lots: Awaited<ReturnType<typeof lockedLotsOf>> },
  ): Promise<{ spentLotIds: string[]; lots: ApprovalOutcome['lots']; order?: Order }> {
    if (approval.operation === 'order') {
      // The order takes over the reservation (its id is the request's): no lot is spent or created.
      return {
        spentLotIds: [],
        lots: [],
        order: await placeApprovedOrder(ctx, caller, approval, locked.lots),
      };
    }
    const optional = {
      ...(approval.vintage === undefined ? {} : { vintage: approval.vintage }),
      ...(approval.projectId === undefined ? {} : { projectId: approval.projectId }),
      ...(approval.deviceId === undefined ? {} : { deviceId: approval.deviceId }),
    };
    if (approval.operation === 'transfer') {
      const moved = await moveUnits(
        ctx,
        caller,
        {
          fromAccount: approval.accountId,
          toAccount: approval.toAccount ?? '',
          quantity: approval.quantity,
          ...optional,
        },
        approval.unitType,
        'Approve',
        locked,
      );
      return { spentLotIds: moved.spentLotIds, lots: moved.moved };
    }
    if (approval.unitType === 'greenCertificate') {
      // Unreachable: a surrender request names a compliance unit type only.
      throw failedPrecondition(
        `approval ${approval.id}: green certificates are cancelled, never surrendered`,
      );
    }
    const surrendered = await surrenderUnits(
      ctx,
      caller,
      {
        period: approval.period ?? 0,
        installationId: approval.installationId ?? '',
        unitType: approval.unitType,
        quantity: approval.quantity,
        ...(approval.vintage === undefined ? {} : { vintage: approval.vintage }),
      },
      locked,
    );
    return { spentLotIds: locked.lots.map((lot) => lot.id), lots: [...surrendered.lots] };
  }

  /**
   * Rejects a pending request (an approver of the account), or withdraws it (its proposer): its units are
   * unlocked, a buy order's reserved funds credited back. Request: `{ accountId, approvalId, reason? }`. Caller: an approver representative or the proposer.
   */
  @Transaction()
  @Returns('string')
  public async Reject(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Approval.reject);
    const { accountId, approvalId, reason } = parseRequest(Approval.reject, request);
    const store = new Store(ctx);
    const approval = await requirePending(store, accountId, approvalId, 'Reject');
    const me = certificateIdentityOf(ctx);
    const representative = representativeOf(await loadRepresentatives(store, accountId), me);
    if (!sameIdentity(me, approval.proposedBy) && representative?.role !== 'approver') {
      throw forbidden(
        `Reject: only an approver of account ${accountId} or the request's proposer (${identityText(approval.proposedBy)}) may reject it; caller is ${identityText(me)}`,
      );
    }
    return JSON.stringify(
      await this.release(ctx, store, approval, {
        status: 'rejected',
        decidedBy: me,
        ...(reason === undefined ? {} : { reason }),
      }),
    );
  }

  /**
   * Marks a pending request expired once its deadline has passed; its units are unlocked (or its funds credited
   * back). Anyone may do it, so that locked units never depend on the representatives. Request: `{ accountId, approvalId }`.
   * Caller: anyone with a carbon role.
   */
  @Transaction()
  @Returns('string')
  public async Expire(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Approval.expire);
    const { accountId, approvalId } = parseRequest(Approval.expire, request);
    const store = new Store(ctx);
    const approval = await requirePending(store, accountId, approvalId, 'Expire');
    if (txTime(ctx) <= approval.deadline) {
      throw failedPrecondition(
        `Expire: approval request ${approvalId} is open for approval until ${approval.deadline}`,
      );
    }
    return JSON.stringify(
      await this.release(ctx, store, approval, { status: 'expired', decidedBy: certificateIdentityOf(ctx) }),
    );
  }

  /** Unlocks a request's lots or gives its reserved funds back to the account, and records why. */
  private async release(
    ctx: Context,
    store: Store,
    approval: ApprovalRequest,
    decision: Pick<ApprovalRequest, 'status' | 'decidedBy' | 'reason'>,
  ): Promise<ApprovalOutcome> {
    const lots = await lockedLotsOf(store, ctx, approval);
    await new LotLedger(ctx, store).unlock(lots, approval.id);
    const funds = await takeReservedFunds(store, approval);
    if (funds > 0n) {
      const account = await requireAccount(store, approval.accountId);
      await new CashLedger(ctx, store).credit(account, funds, 'release', approval.id);
    }
    const decided = await recordDecision(ctx, store, approval, decision, { spentLotIds: [], newLots: [] });
    return { approval: decided, lots: lots.map((lot) => ({ ...lot, lockedBy: undefined })) };
  }

  /**
   * Adds an account to the trusted account list of one of the holder's accounts. The addition takes effect
   * after the list's delay; the first addition creates the list (and may set its delay, 24 hours by default),
   * later ones may only raise the delay. Request: `{ accountId, trustedAccountId, delaySeconds? }`.
   * Caller: the operator or trader of the account's holder (its proposer or approver representatives, if any).
   */
  @Transaction()
  @Returns('string')
  public async AddTrustedAccount(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Approval.addTrustedAccount);
    const input = parseRequest(Approval.addTrustedAccount, request);
    const store = new Store(ctx);
    const account = await this.holderAccount(ctx, store, caller, input.accountId, 'AddTrustedAccount');
    const trusted = await requireAccount(store, input.trustedAccountId);
    if (trusted.id === account.id) {
      throw invalidArgument('trusted.trustedAccountId must differ from trusted.accountId');
    }
    if (isNational(trusted) || trusted.entityId === account.entityId) {
      throw invalidArgument(
        `trusted: account ${trusted.id} is ${isNational(trusted) ? 'a national account' : "one of the holder's own accounts"} and always trusted`,
      );
    }
    const list = await loadTrustedAccounts(store, account.id);
    if (list.accounts.some((entry) => entry.accountId === trusted.id)) {
      throw conflict(`account ${trusted.id} is already on account ${account.id}'s trusted account list`);
    }
    let delaySeconds = list.delaySeconds;
    if (input.delaySeconds !== undefined) {
      requireSeconds(input.delaySeconds, 'trusted.delaySeconds');
      if (list.exists && input.delaySeconds < list.delaySeconds) {
        throw failedPrecondition(
          `AddTrustedAccount: account ${account.id}'s trusted list delay is ${delayText(list.delaySeconds)} and can only be raised`,
        );
      }
      delaySeconds = input.delaySeconds;
    }
    const now = txTime(ctx);
    const updated: TrustedAccountList = {
      accountId: account.id,
      exists: true,
      delaySeconds,
      accounts: [
        ...list.accounts,
        {
          accountId: trusted.id,
          addedAt: now,
          effectiveAt: new Date(txTimestampMillis(ctx) + delaySeconds * 1000).toISOString(),
          addedBy: certificateIdentityOf(ctx),
        },
      ].sort((a, b) => compareText(a.accountId, b.accountId)),
      updatedAt: now,
    };
    await this.writeList(ctx, store, account, updated);
    emitEvent(ctx, 'TrustedAccountsChanged', {
      list: updated,
      change: 'added',
      trustedAccountId: trusted.id,
    });
    return JSON.stringify(updated);
  }

  /**
   * Removes an account from a trusted account list, with immediate effect (the list stays, so transfers still
   * go only to the accounts left on it). Request: `{ accountId, trustedAccountId }`. Caller: as for additions.
   */
  @Transaction()
  @Returns('string')
  public async RemoveTrustedAccount(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Approval.removeTrustedAccount);
    const input = parseRequest(Approval.removeTrustedAccount, request);
    const store = new Store(ctx);
    const account = await this.holderAccount(ctx, store, caller, input.accountId, 'RemoveTrustedAccount');
    const list = await loadTrustedAccounts(store, account.id);
    if (!list.accounts.some((entry) => entry.accountId === input.trustedAccountId)) {
      throw notFound(
        `account ${input.trustedAccountId} is not on account ${account.id}'s trusted account list`,
      );
    }
    const updated: TrustedAccountList = {
      ...list,
      accounts: list.accounts.filter((entry) => entry.accountId !== input.trustedAccountId),
      updatedAt: txTime(ctx),
    };
    await this.writeList(ctx, store, account, updated);
    emitEvent(ctx, 'TrustedAccountsChanged', {
      list: updated,
      change: 'removed',
      trustedAccountId: input.trustedAccountId,
    });
    return JSON.stringify(updated);
  }

  /** The account whose list the caller changes: the holder's users, its representatives only if it has any. */
  private async holderAccount(
    ctx: Context,
    store: Store,
    caller: Caller,
    accountId: string,
    action: string,
  ): Promise<Account> {
    const account = await requireEnterpriseAccount(store, accountId, action);
    requireActsFor(caller, await requireEntity(store, account.entityId ?? ''), action);
    await representationGate(ctx, store, account, 0, action, false);
    return account;
  }

  /** The list guards the holder's units: changing it needs the holder's org, like its lots. */
  private async writeList(
    ctx: Context,
    store: Store,
    account: Account,
    list: TrustedAccountList,
  ): Promise<void> {
    const key = await store.put(ObjectType.trustedAccounts, [account.id], list);
    await requireOwnerEndorsement(ctx, key, account.ownerMsp);
  }

  /** An account's representatives, threshold and window. Caller: supervisors and the holder's users. */
  @Transaction(false)
  @Returns('string')
  public async GetRepresentatives(ctx: Context, accountId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Approval.getRepresentatives);
    const [id] = parseArgs(Approval.getRepresentatives, ['accountId'], [accountId]);
    const store = new Store(ctx);
    await requireAccountReader(store, caller, await requireAccount(store, id), 'GetRepresentatives');
    return JSON.stringify(await loadRepresentatives(store, id));
  }

  /**
   * An account's approval requests: pending ones first, then the newest first. Caller: supervisors and the
   * holder's users.
   */
  @Transaction(false)
  @Returns('string')
  public async ListApprovals(ctx: Context, accountId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Approval.listApprovals);
    const [id] = parseArgs(Approval.listApprovals, ['accountId'], [accountId]);
    const store = new Store(ctx);
    await requireAccountReader(store, caller, await requireAccount(store, id), 'ListApprovals');
    const approvals = (await store.list<ApprovalRequest>(ObjectType.approval, [id])).map((kv) => kv.value);
    approvals.sort(
      (a, b) =>
        Number(b.status === 'pending') - Number(a.status === 'pending') ||
        compareText(b.proposedAt, a.proposedAt) ||
        compareText(a.id, b.id),
    );
    return JSON.stringify(approvals);
  }

  /** An account's trusted account list. Caller: supervisors and the holder's users. */
  @Transaction(false)
  @Returns('string')
  public async GetTrustedAccounts(ctx: Context, accountId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Approval.getTrustedAccounts);
    const [id] = parseArgs(Approval.getTrustedAccounts, ['accountId'], [accountId]);
    const store = new Store(ctx);
    await requireAccountReader(store, caller, await requireAccount(store, id), 'GetTrustedAccounts');
    return JSON.stringify(await loadTrustedAccounts(store, id));
  }
}
