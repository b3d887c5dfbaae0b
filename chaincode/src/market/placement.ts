import type { Context } from 'fabric-contract-api';
import { CashLedger } from '../funds/cash-ledger';
import { failedPrecondition, forbidden, invalidArgument } from '../errors';
import { actsFor, requireActsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { Role } from '../identity/msp';
import { requireOwnerEndorsement } from '../ledger/endorsement';
import { emitEvent } from '../ledger/events';
import { NumberLiteral } from '../ledger/exact-json';
import { InputReader } from '../ledger/input';
import { ObjectType } from '../ledger/keys';
import { formatFen, tradeValue } from '../ledger/money';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import type { Account } from '../registry/account';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { LotLedger } from '../units/lot-ledger';
import { releaseOrder } from './escrow';
import { isBlock, parseInstrumentId } from './instrument';
import { GOOD_TILL, ORDER_SIDES, type Order } from './order';
import { OrderBookIndex } from './order-book';
import { bandFor, checkPrice, previousClose } from './price-band';
import {
  checkHoldingLimit,
  requireInstrument,
  requireMarketOpen,
  requireTradingAccount,
} from './supervision';
import { endOfDay, endOfPeriod, tradingDay } from './trading-day';

/** Keys of a Market:PlaceOrder request. */
const ORDER_KEYS = [
  'accountId',
  'side',
  'instrument',
  'price',
  'quantity',
  'goodTill',
  'lotIds',
  'cashEntryIds',
] as const;
/** Keys of a Market:CancelOrder request. */
const CANCEL_ORDER_KEYS = ['accountId', 'orderId', 'reason'] as const;

/** A limit price (`price`): a positive whole number of fen (the 0.01 CNY tick is 1 fen). */
export function readPrice(input: InputReader<'price'>, path: string): number {
  const raw = input.raw('price');
  // A fractional literal (`60.5`) arrives as its text, never as a double that might round to a whole number.
  const written = raw instanceof NumberLiteral ? raw.text : typeof raw === 'string' ? `"${raw}"` : '';
  if (/^"?[0-9]*\.[0-9]*"?$/.test(written)) {
    throw invalidArgument(
      `${path}.price must be a whole number of fen (tick 0.01 CNY = 1 fen), got ${written}`,
    );
  }
  return input.quantity('price');
}

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
 * new order key, its book index entry, the locked lots and the spent cash entries with their change. No key is
 * shared with another account's placement.
 */
export async function placeOrder(ctx: Context, caller: Caller, request: string): Promise<Order> {
  const input = InputReader.fromJson(request, 'order', ORDER_KEYS);
  const accountId = input.id('accountId');
  const side = input.oneOf('side', ORDER_SIDES);
  const { unitType, vintage } = parseInstrumentId(input.raw('instrument'), 'order.instrument');
  const price = readPrice(input, 'order');
  const quantity = input.quantity('quantity');
  const goodTill = input.has('goodTill') ? input.oneOf('goodTill', GOOD_TILL) : 'day';
  const lotIds = input.has('lotIds') ? input.ids('lotIds') : undefined;
  const cashEntryIds = input.has('cashEntryIds') ? input.ids('cashEntryIds') : undefined;
  if (side === 'buy' && lotIds !== undefined) {
    throw invalidArgument('order.lotIds is for sell orders; a buy order locks funds (cashEntryIds)');
  }
  if (side === 'sell' && cashEntryIds !== undefined) {
    throw invalidArgument('order.cashEntryIds is for buy orders; a sell order locks units (lotIds)');
  }
  const store = new Store(ctx);
  const account = await tradingAccountFor(store, caller, accountId, 'PlaceOrder');
  await requireMarketOpen(store, 'PlaceOrder');
  const instrument = await requireInstrument(store, `${unitType}-${vintage}`);
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
  await new OrderBookIndex(ctx).add(order);
  const large = quantity >= instrument.largeOrderThreshold;
  emitEvent(ctx, large ? 'LargeOrderPlaced' : 'OrderPlaced', {
    order,
    band,
    ...(large ? { largeOrderThreshold: instrument.largeOrderThreshold } : {}),
  });
  return order;
}

/**
 * Cancels an open order and releases its units or escrow. The owning entity's users may cancel their orders;
 * the regulator may cancel any (market supervision). Request: `{ accountId, orderId, reason? }`.
 */
export async function cancelOrder(ctx: Context, caller: Caller, request: string): Promise<Order> {
  const input = InputReader.fromJson(request, 'cancel', CANCEL_ORDER_KEYS);
  const accountId = input.id('accountId');
  const orderId = input.id('orderId');
  const reason = input.optionalText('reason', 1000);
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
  await new OrderBookIndex(ctx).remove(order);
  emitEvent(ctx, 'OrderCancelled', { order: cancelled, released });
  return cancelled;
}
