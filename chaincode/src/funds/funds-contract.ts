import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import { failedPrecondition, forbidden } from '../errors';
import { Anyone, Regulator, actsFor, authorize, isSupervisor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { emitEvent } from '../ledger/events';
import { InputReader, parseId } from '../ledger/input';
import { ObjectType } from '../ledger/keys';
import { fenOf, formatFen } from '../ledger/money';
import { Store } from '../ledger/store';
import type { Order } from '../market/order';
import { isNational, type Account } from '../registry/account';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { CashLedger } from './cash-ledger';

/** Only enterprise accounts hold settlement funds; national accounts hold units only. */
function requireFundsAccount(account: Account): void {
  if (isNational(account)) {
    throw failedPrecondition(`national account ${account.id} holds no settlement funds`);
  }
}

/** Supervisors, or users of the entity owning the account. */
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

/** Funds an account has and funds locked as escrow by its open buy orders (fen, decimal strings). */
export async function fundsOf(
  store: Store,
  cash: CashLedger,
  accountId: string,
): Promise<{ available: string; locked: string; total: string }> {
  const available = await cash.balanceOf(accountId);
  let locked = 0n;
  for (const { value: order } of await store.list<Order>(ObjectType.order, [accountId])) {
    if (order.status === 'open' && order.side === 'buy') {
      locked += fenOf(order.escrow);
    }
  }
  return { available: formatFen(available), locked: formatFen(locked), total: formatFen(available + locked) };
}

/** Keys of a Funds:Deposit request. */
const DEPOSIT_KEYS = ['accountId', 'amount', 'reference'] as const;
/** Keys of a Funds:Withdraw request. */
const WITHDRAWAL_KEYS = ['accountId', 'amount', 'entryIds', 'reference'] as const;

/**
 * Settlement funds in integer fen per account. The regulator's org stands in for the exchange's settlement
 * bank: it pays funds in and out of an enterprise account. Entries carry key-level endorsement naming the
 * owner's org, so a withdrawal (a debit) also needs the owner's peer.
 */
@Info({ title: 'Funds', description: 'Settlement funds: deposits, withdrawals and balances in fen' })
export class FundsContract extends CarbonContract {
  constructor() {
    super('Funds');
  }

  /**
   * Pays funds into an enterprise account (open or frozen, not closed) as a new cash entry.
   * Request: `{ accountId, amount: "<fen>", reference? }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async Deposit(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'Deposit', [Regulator]);
    const input = InputReader.fromJson(request, 'deposit', DEPOSIT_KEYS);
    const accountId = input.id('accountId');
    const amount = input.amount('amount');
    const reference = input.optionalText('reference');
    const store = new Store(ctx);
    const account = await requireAccount(store, accountId);
    requireFundsAccount(account);
    if (account.status === 'closed') {
      throw failedPrecondition(`account ${accountId} is closed`);
    }
    const entry = await new CashLedger(ctx, store).credit(account, amount, 'deposit', reference);
    emitEvent(ctx, 'FundsDeposited', { accountId, amount: entry.amount, entryId: entry.id });
    return JSON.stringify(entry);
  }

  /**
   * Pays funds out of an open enterprise account; never more than it has available (escrow is not available).
   * Request: `{ accountId, amount: "<fen>", entryIds?, reference? }`. Caller: RegulatorMSP / regulator (the
   * owner's org endorses the debit through the entries' key-level policy).
   */
  @Transaction()
  @Returns('string')
  public async Withdraw(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'Withdraw', [Regulator]);
    const input = InputReader.fromJson(request, 'withdrawal', WITHDRAWAL_KEYS);
    const accountId = input.id('accountId');
    const amount = input.amount('amount');
    const entryIds = input.has('entryIds') ? input.ids('entryIds') : undefined;
    // The bank's reference is kept with the withdrawal's event and result (the debit deletes entries whole).
    const reference = input.optionalText('reference');
    const store = new Store(ctx);
    const account = await requireAccount(store, accountId);
    requireFundsAccount(account);
    if (account.status !== 'open') {
      throw failedPrecondition(`account ${accountId} is ${account.status}; its funds cannot leave it`);
    }
    const debit = await new CashLedger(ctx, store).debit(account, amount, entryIds);
    const noted = reference === undefined ? {} : { reference };
    emitEvent(ctx, 'FundsWithdrawn', { accountId, ...debit, change: debit.change?.id ?? null, ...noted });
    return JSON.stringify({ ...debit, ...noted });
  }

  /**
   * An account's funds: available (its cash entries), locked (escrow of its open buy orders) and total, with
   * the entries. Caller: regulator, auditor, verifier, or users of the owning entity.
   */
  @Transaction(false)
  @Returns('string')
  public async GetBalance(ctx: Context, accountId: string): Promise<string> {
    const caller = authorize(ctx, 'GetBalance', Anyone);
    const store = new Store(ctx);
    const account = await requireAccount(store, parseId(accountId, 'accountId'));
    await requireAccountReader(store, caller, account, 'GetBalance');
    const cash = new CashLedger(ctx, store);
    return JSON.stringify({
      accountId: account.id,
      currency: 'fen',
      ...(await fundsOf(store, cash, account.id)),
      entries: await cash.entriesOf(account.id),
    });
  }
}
