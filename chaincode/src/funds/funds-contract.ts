import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import { failedPrecondition, Funds, parseArgs, parseRequest } from '@carbon-ets/contract';
import { authorizeTransaction } from '../identity/access';
import { emitEvent } from '../ledger/events';
import { Store } from '../ledger/store';
import { isNational, type Account } from '../registry/account';
import { requireAccountReader } from '../registry/account-access';
import { requireAccount } from '../registry/registry-reads';
import { fundsOf } from './account-funds';
import { CashLedger } from './cash-ledger';

/** Only enterprise accounts hold settlement funds; national accounts hold units only. */
function requireFundsAccount(account: Account): void {
  if (isNational(account)) {
    throw failedPrecondition(`national account ${account.id} holds no settlement funds`);
  }
}

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
    authorizeTransaction(ctx, Funds.deposit);
    const { accountId, amount, reference } = parseRequest(Funds.deposit, request);
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
    authorizeTransaction(ctx, Funds.withdraw);
    // The bank's reference is kept with the withdrawal's event and result (the debit deletes entries whole).
    const { accountId, amount, entryIds, reference } = parseRequest(Funds.withdraw, request);
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
    const caller = authorizeTransaction(ctx, Funds.getBalance);
    const [id] = parseArgs(Funds.getBalance, ['accountId'], [accountId]);
    const store = new Store(ctx);
    const account = await requireAccount(store, id);
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
