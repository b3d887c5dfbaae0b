import type { Context } from 'fabric-contract-api';
import { CashLedger } from '../funds/cash-ledger';
import {
  failedPrecondition,
  forbidden,
  formatFen,
  invalidArgument,
  type Market,
  type ParsedRequestOf,
  tradeValue,
} from '@carbon-ets/contract';
import { representationGate } from '../approval/representatives';
import { actsFor, requireActsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { Role } from '../identity/msp';
import { requireOwnerEndorsement } from '../ledger/endorsement';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import type { Account } from '../registry/account';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { LotLedger } from '../units/lot-ledger';
import { releaseOrder } from './escrow';
import { isBlock } from './instrument';
import type { Order } from './order';
import { OrderBookIndex } from './order-book';
import { bandFor, checkPrice, previousClose } from './price-band';
import {
  checkHoldingLimit,
  requireInstrument,
  requireMarketOpen,
  requireTradingAccount,
} from './supervision';
import { endOfDay, endOfPeriod, tradingDay } from './trading-day';

/** The account an order or proposal trades from, checked: it exists, can trade and the caller acts for it. */
export async function tradingAccountFor(
  store: Store,
  caller: Caller,
  accountId: string,
  action: string,
): Promise<Account> {
  const account = await requireAccount(store, accountId);
  if (account.entityId === undefined) {
    throw forbidden(`${action}: national account ${account.id} cannot trade`);
  }
  requireActsFor(caller, await requireEntity(store, account.entityId), action);
  requireTradingAccount(account, action);
  return account;
}

/**
 * Places a limit order and locks what backs it. Reads: the account, its entity, the instrument, the market
 * status, the previous days' market data, the holding limit, and the lots or cash entries it locks. Writes: the
 * new order key, its entry in the book's not-yet-matched stage (`orderNew`, see order-book.ts), the locked lots
 * and the spent cash entries with their change. No key is shared with another account's placement. With named
 * `lotIds` / `cashEntryIds` it reads no key a clearing writes, so placements and clearings never conflict; the
 * convenience path (the account's whole lot or cash range) conflicts with a clearing that delivers to or pays
 * this same account in the same block, and so does the holding-limit check (it reads the entity's lots and
 * orders) for an entity with a limit.
 */
export async function placeOrder(
  ctx: Context,
  caller: Caller,
  request: ParsedRequestOf<typeof Market.placeOrder>,
): Promise<Order> {
  const { accountId, side, price, quantity, lotIds, cashEntryIds } = request;
  const { unitType, vintage } = request.instrument;
  const goodTill = request.goodTill ?? 'day';
  if (side === 'buy' && lotIds !== undefined) {
    throw invalidArgument('order.lotIds is for sell orders; a buy order locks funds (cashEntryIds)');
  }
  if (side === 'sell' && cashEntryIds !== undefined) {
    throw invalidArgument('order.cashEntryIds is for buy orders; a sell order locks units (lotIds)');
  }
  const store = new Store(ctx);
  const account = await tradingAccountFor(store, caller, accountId, 'PlaceOrder');
  // Representatives only; above the two-person threshold an order is refused (it cannot wait for approval).
  await representationGate(ctx, store, account, quantity, 'PlaceOrder', false);
  await requireMarketOpen(store, 'PlaceOrder');
  const instrument = await requireInstrument(store, request.instrument.id);
  if (quantity < instrument.minQuantity) {
    throw invalidArgument(`order.quantity must be at least ${instrument.minQuantity} t`);
  }
  const now = txTime(ctx);
  const day = tradingDay(now);
  const band = bandFor(instrument, await previousClose(store, instrument, day), quantity);
  checkPrice(instrument, band, price, 'order.price');
  const id = ctx.stub.getTxID();
  const entityId = account.entityId ?? '';
  let escrow = 0n;
  let lockedLotIds: string[] = [];
  if (side === 'buy') {
    await checkHoldingLimit(store, entityId, instrument, quantity);
    escrow = tradeValue(price, quantity);
    await new CashLedger(ctx, store).debit(account, escrow, cashEntryIds);
  } else {
    const locked = await new LotLedger(ctx, store).lock(
      account,
      { quantity, ...(lotIds === undefined ? {} : { lotIds }), filter: { unitType, vintage } },
      id,
    );
    lockedLotIds = locked.map((lot) => lot.id);
  }
  const order: Order = {
    id,
    accountId: account.id,
    entityId,
    instrument: instrument.id,
    unitType,
    vintage,
    side,
    price,
    quantity,
    remaining: quantity,
    block: isBlock(instrument, quantity),
    status: 'open',
    goodTill,
    placedAt: now,
    expiresAt: goodTill === 'day' ? endOfDay(day) : endOfPeriod(now),
    placedBy: { mspId: caller.mspId, role: caller.role ?? '' },
    escrow: formatFen(escrow),
    lockedLotIds,
  };
  const key = await store.put(ObjectType.order, [account.id, id], order);
  // The order holds the buyer's escrow: changing it needs the owner's org as well.
  await requireOwnerEndorsement(ctx, key, account.ownerMsp);
  await new OrderBookIndex(ctx).addNew(order);
  const large = quantity >= instrument.largeOrderThreshold;
  if (large) {
    emitEvent(ctx, 'LargeOrderPlaced', { order, band, largeOrderThreshold: instrument.largeOrderThreshold });
  } else {
    emitEvent(ctx, 'OrderPlaced', { order, band });
  }
  return order;
}

/**
 * Cancels an open order and releases its units or escrow. The owning entity's users may cancel their orders;
 * the regulator may cancel any (market supervision). Request: `{ accountId, orderId, reason? }`.
 */
export async function cancelOrder(
  ctx: Context,
  caller: Caller,
  request: ParsedRequestOf<typeof Market.cancelOrder>,
): Promise<Order> {
  const { accountId, orderId, reason } = request;
  const store = new Store(ctx);
  const account = await requireAccount(store, accountId);
  const order = await store.require<Order>(
    ObjectType.order,
    [accountId, orderId],
    `order ${orderId} of account ${accountId}`,
  );
  if (caller.role !== Role.regulator) {
    const owner = await requireEntity(store, order.entityId);
    if (!actsFor(caller, owner)) {
      throw forbidden(
        `CancelOrder: order ${orderId} belongs to entity ${owner.id}; caller is ${caller.mspId}/${caller.entity ?? 'no entity'}`,
      );
    }
  }
  if (order.status !== 'open') {
    throw failedPrecondition(`order ${orderId} is ${order.status} and can no longer be cancelled`);
  }
  const released = await releaseOrder(new LotLedger(ctx, store), new CashLedger(ctx, store), order, account);
  const now = txTime(ctx);
  const cancelled: Order = {
    ...order,
    status: 'cancelled',
    escrow: '0',
    lockedLotIds: [],
    closedAt: now,
    closeReason:
      reason ?? (caller.role === Role.regulator ? 'cancelled by the regulator' : 'cancelled by the owner'),
  };
  await store.put(ObjectType.order, [accountId, orderId], cancelled);
  await new OrderBookIndex(ctx).removeAnywhere(order);
  emitEvent(ctx, 'OrderCancelled', { order: cancelled, released });
  return cancelled;
}
