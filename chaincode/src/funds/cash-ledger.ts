import type { Context } from 'fabric-contract-api';
import {
  type CashDebit,
  failedPrecondition,
  type Fen,
  fenOf,
  formatFen,
  notFound,
} from '@carbon-ets/contract';
import { requireOwnerEndorsement } from '../ledger/endorsement';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import type { Account } from '../registry/account';
import type { CashEntry, CashOrigin } from './cash-entry';
import { compareText } from '../ledger/text-order';

/** What a debit took: the entries deleted and the change written back (see the wire contract). */
export type { CashDebit };

/**
 * Creates and spends cash entries within one transaction. Entry ids are `<txId>.<n>`, like lot ids: unique,
 * deterministic, no shared counter.
 */
export class CashLedger {
  private sequence = 0;

  constructor(
    private readonly ctx: Context,
    private readonly store: Store,
  ) {}

  /** Writes a new entry for `account` and makes its owner's org a required endorser of spending it. */
  async credit(
    account: Account,
    amount: Fen,
    origin: CashOrigin,
    reference?: string,
    parentEntryIds?: readonly string[],
  ): Promise<CashEntry> {
    this.sequence += 1;
    const entry: CashEntry = {
      id: `${this.ctx.stub.getTxID()}.${this.sequence}`,
      accountId: account.id,
      amount: formatFen(amount),
      origin,
      ...(reference === undefined ? {} : { reference }),
      ...(parentEntryIds === undefined ? {} : { parentEntryIds }),
      createdAt: txTime(this.ctx),
      createdTxId: this.ctx.stub.getTxID(),
    };
    const key = await this.store.put(ObjectType.cash, [account.id, entry.id], entry);
    await requireOwnerEndorsement(this.ctx, key, account.ownerMsp);
    return entry;
  }

  /** Every entry of an account (a range read: a concurrent credit to the account makes a writer retry). */
  async entriesOf(accountId: string): Promise<CashEntry[]> {
    return (await this.store.list<CashEntry>(ObjectType.cash, [accountId])).map((kv) => kv.value);
  }

  /** Available funds of an account: the sum of its entries. */
  async balanceOf(accountId: string): Promise<Fen> {
    return (await this.entriesOf(accountId)).reduce((sum, entry) => sum + fenOf(entry.amount), 0n);
  }

  /**
   * Takes `amount` out of `account`: from the named entries (point reads, so concurrent debits of other
   * entries never conflict) or else from all its entries, oldest first. Spent entries are deleted whole and the
   * change is written back as a new entry. Fails, writing nothing, when the funds do not cover the amount.
   */
  async debit(account: Account, amount: Fen, entryIds: readonly string[] | undefined): Promise<CashDebit> {
    const candidates: CashEntry[] = [];
    if (entryIds === undefined) {
      const all = await this.entriesOf(account.id);
      candidates.push(
        ...all.sort((a, b) => compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id)),
      );
    } else {
      for (const id of entryIds) {
        const entry = await this.store.get<CashEntry>(ObjectType.cash, [account.id, id]);
        if (entry === undefined) {
          throw notFound(`cash entry ${id} is not in account ${account.id}`);
        }
        candidates.push(entry);
      }
    }
    const available = candidates.reduce((sum, entry) => sum + fenOf(entry.amount), 0n);
    if (available < amount) {
      throw failedPrecondition(
        `insufficient funds: account ${account.id} has ${formatFen(available)} fen available${entryIds === undefined ? '' : ' in the entries named'}, ${formatFen(amount)} fen needed`,
      );
    }
    const spentEntryIds: string[] = [];
    let taken = 0n;
    for (const entry of candidates) {
      if (taken >= amount) {
        break;
      }
      taken += fenOf(entry.amount);
      spentEntryIds.push(entry.id);
      await this.store.delete(ObjectType.cash, [account.id, entry.id]);
    }
    const changeAmount = taken - amount;
    const change =
      changeAmount > 0n
        ? await this.credit(account, changeAmount, 'change', undefined, spentEntryIds)
        : undefined;
    return { amount: formatFen(amount), spentEntryIds, ...(change === undefined ? {} : { change }) };
  }
}
