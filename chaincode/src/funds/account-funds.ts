import { type AccountFunds, fenOf, formatFen } from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import type { CashLedger } from './cash-ledger';

/**
 * What funds reads of an order record (`order ~ accountId ~ orderId`): an open buy order holds `escrow` fen
 * taken out of its account's cash entries. Declared here rather than imported from market/, because the
 * market builds on funds (it takes and releases escrow through the cash ledger), never the other way round.
 */
interface EscrowHolder {
  readonly status: string;
  readonly side: string;
  readonly escrow: string;
}

/**
 * Funds an account has and funds locked as escrow by its open buy orders, auction bids and buy orders awaiting
 * approval (fen, decimal strings).
 */
export async function fundsOf(store: Store, cash: CashLedger, accountId: string): Promise<AccountFunds> {
  const available = await cash.balanceOf(accountId);
  let locked = 0n;
  for (const { value: order } of await store.list<EscrowHolder>(ObjectType.order, [accountId])) {
    if (order.status === 'open' && order.side === 'buy') {
      locked += fenOf(order.escrow);
    }
  }
  // Escrow of the account's open auction bids (`auctionEscrow ~ accountId ~ bidId`, see auction/) and of its
  // buy orders waiting for a second representative (`approvalEscrow ~ accountId ~ approvalId`, see approval/).
  for (const type of [ObjectType.auctionEscrow, ObjectType.approvalEscrow]) {
    for (const { value } of await store.list<{ escrow: string }>(type, [accountId])) {
      locked += fenOf(value.escrow);
    }
  }
  return { available: formatFen(available), locked: formatFen(locked), total: formatFen(available + locked) };
}
