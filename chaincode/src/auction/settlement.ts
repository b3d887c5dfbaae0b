import type { Context } from 'fabric-contract-api';
import {
  type AuctionAllocation,
  type AuctionBid,
  type AuctionRecord,
  type AuctionResult,
  type Fen,
  fenOf,
  formatFen,
  tradeValue,
} from '@carbon-ets/contract';
import { CashLedger } from '../funds/cash-ledger';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import type { Account } from '../registry/account';
import { requireAccount } from '../registry/registry-reads';
import { compareLots, type Lot } from '../units/lot';
import { LotLedger } from '../units/lot-ledger';
import type { ClearingOutcome } from './clearing-rule';
import { auctionLock } from './sealed-bid';

/**
 * Applies a clearing outcome to the ledger, after every check: each bid is closed (won, lost, unrevealed or
 * cancelled) and its escrow spent or released, winners receive their units from the auction's locked lots,
 * the revenue goes to NATIONAL-AUCTION's funds and every lot left is unlocked there. Money is conserved:
 * the bids' escrow = revenue + released, to the fen.
 */
export async function settleAuction(
  ctx: Context,
  store: Store,
  auction: AuctionRecord,
  national: Account,
  bids: readonly AuctionBid[],
  outcome: ClearingOutcome,
): Promise<{ auction: AuctionRecord; bids: AuctionBid[] }> {
  const lotLedger = new LotLedger(ctx, store);
  const cash = new CashLedger(ctx, store);
  const allocated = new Map(
    outcome.kind === 'cleared' ? outcome.allocations.map((a) => [a.bidId, a.quantity] as const) : [],
  );
  const clearingPrice = outcome.kind === 'cleared' ? outcome.clearingPrice : 0;
  // Every account a bid names, read before the first write.
  const accounts = new Map<string, Account>();
  for (const bid of bids) {
    if (!accounts.has(bid.accountId)) accounts.set(bid.accountId, await requireAccount(store, bid.accountId));
  }
  let lots: Lot[] = await lotLedger.read(national.id, auction.lockedLotIds);

  let revenue: Fen = 0n;
  let released: Fen = 0n;
  const allocations: AuctionAllocation[] = [];
  const settled: AuctionBid[] = [];
  const ordered = [...bids].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const bid of ordered) {
    const account = accounts.get(bid.accountId) ?? (await requireAccount(store, bid.accountId));
    const quantity = allocated.get(bid.id) ?? 0;
    const paid = tradeValue(clearingPrice, quantity);
    const escrow = fenOf(bid.escrow);
    const back = escrow - paid;
    if (quantity > 0) {
      const movement = await lotLedger.moveFrom(lots, account, quantity, {
        status: 'held',
        origin: 'auction',
      });
      // The transaction does not read its own writes: carry the locked lots left over to the next winner.
      const spent = new Set(movement.spentLotIds);
      lots = [...lots.filter((lot) => !spent.has(lot.id)), ...movement.remainders].sort(compareLots);
      allocations.push({
        bidId: bid.id,
        entityId: bid.entityId,
        accountId: bid.accountId,
        quantity,
        paid: formatFen(paid),
      });
    }
    if (back > 0n) await cash.credit(account, back, 'release', `auction ${auction.id}`);
    revenue += paid;
    released += back;
    const status =
      outcome.kind === 'cancelled'
        ? 'cancelled'
        : bid.status === 'committed'
          ? 'unrevealed'
          : quantity > 0
            ? 'won'
            : 'lost';
    const closed: AuctionBid = {
      ...bid,
      status,
      allocated: quantity,
      paid: formatFen(paid),
      released: formatFen(back),
    };
    await store.put(ObjectType.auctionBid, [bid.auctionId, bid.entityId, bid.id], closed);
    settled.push(closed);
    await store.delete(ObjectType.auctionEscrow, [bid.accountId, bid.id]);
  }
  if (revenue > 0n) await cash.credit(national, revenue, 'auction', `auction ${auction.id}`);
  const unsold = await lotLedger.unlock(lots, auctionLock(auction.id));
  const sold = allocations.reduce((sum, a) => sum + a.quantity, 0);
  const result: AuctionResult = {
    ...(outcome.clearingPrice === undefined ? {} : { clearingPrice: outcome.clearingPrice }),
    ...(outcome.kind === 'cancelled' ? { cancellation: outcome.cancellation } : {}),
    demand: outcome.demand,
    sold,
    unsold,
    revenue: formatFen(revenue),
    released: formatFen(released),
    bidsRevealed: bids.filter((bid) => bid.status === 'revealed').length,
    bidsUnrevealed: bids.filter((bid) => bid.status === 'committed').length,
    allocations,
    clearedAt: txTime(ctx),
    clearedTxId: ctx.stub.getTxID(),
  };
  const closed: AuctionRecord = {
    ...auction,
    status: outcome.kind === 'cleared' ? 'cleared' : 'cancelled',
    lockedLotIds: [],
    result,
  };
  await store.put(ObjectType.auction, [auction.id], closed);
  return { auction: closed, bids: settled };
}
