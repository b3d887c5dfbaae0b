import type { CashLedger } from '../funds/cash-ledger';
import { fenOf, formatFen } from '@carbon-ets/contract';
import type { Account } from '../registry/account';
import type { LotLedger } from '../units/lot-ledger';
import type { Order } from './order';

/**
 * Gives back what an open order holds: a sell order's lots are unlocked in place, a buy order's escrow returns
 * to the buyer's account as a new cash entry. Returns the released tonnes and fen.
 */
export async function releaseOrder(
  lots: LotLedger,
  cash: CashLedger,
  order: Order,
  account: Account,
): Promise<{ units: number; funds: string }> {
  if (order.side === 'sell') {
    const locked = await lots.read(order.accountId, order.lockedLotIds);
    return { units: await lots.unlock(locked, order.id), funds: '0' };
  }
  const escrow = fenOf(order.escrow);
  if (escrow > 0n) {
    await cash.credit(account, escrow, 'release', order.id);
  }
  return { units: 0, funds: formatFen(escrow) };
}
