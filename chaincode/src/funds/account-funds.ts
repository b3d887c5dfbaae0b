import { type AccountFunds, fenOf, formatFen } from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import type { CashLedger } from './cash-ledger';

/**
 * What funds reads of an order record (`order ~ accountId ~ orderId`): an open buy order holds `escrow` fen
 * taken out of its account's cash entries. Declared here rather than imported from market/, because the
 * market builds on funds (it takes and releases escrow through the cash ledger), never the other way round.
 */
export interface EscrowHolder {
  readonly status: string;
  readonly side: string;
  readonly escrow: string;
}

/** What an account's funds are made of: its cash entries, and the records that hold escrow out of them. */
export interface FundsParts {
  readonly cash: readonly { readonly amount: string }[];
  readonly orders: readonly EscrowHolder[];
  /** Auction bids' and approval requests' escrow records. */
  readonly escrows: readonly { readonly escrow: string }[];
}

/** Available (the cash entries), locked (open buy orders' and every escrow record's escrow) and total. */
export function tallyFunds({ cash, orders, escrows }: FundsParts): AccountFunds {
  const available = cash.reduce((sum, entry) => sum + fenOf(entry.amount), 0n);
  let locked = 0n;
  for (const order of orders) {
    if (order.status === 'open' && order.side === 'buy') {
      locked += fenOf(order.escrow);
    }
  }
  for (const held of escrows) locked += fenOf(held.escrow);
  return { available: formatFen(available), locked: formatFen(locked), total: formatFen(available + locked) };
}

/** The object types whose records hold escrow besides buy orders (see auction/ and approval/). */
export const ESCROW_TYPES = [ObjectType.auctionEscrow, ObjectType.approvalEscrow] as const;

/**
 * Funds an account has and funds locked as escrow by its open buy orders, auction bids and buy orders awaiting
 * approval (fen, decimal strings).
 */
export async function fundsOf(store: Store, cash: CashLedger, accountId: string): Promise<AccountFunds> {
  const escrows: { escrow: string }[] = [];
  // Escrow of the account's open auction bids (`auctionEscrow ~ accountId ~ bidId`, see auction/) and of its
  // buy orders waiting for a second representative (`approvalEscrow ~ accountId ~ approvalId`, see approval/).
  for (const type of ESCROW_TYPES) {
    for (const { value } of await store.list<{ escrow: string }>(type, [accountId])) escrows.push(value);
  }
  return tallyFunds({
    cash: await cash.entriesOf(accountId),
    orders: (await store.list<EscrowHolder>(ObjectType.order, [accountId])).map((kv) => kv.value),
    escrows,
  });
}
