import type { Context } from 'fabric-contract-api';
import { CashLedger } from '../funds/cash-ledger';
import {
  type ApprovalRequest,
  failedPrecondition,
  type Fen,
  forbidden,
  formatFen,
  type InstrumentRef,
  invalidArgument,
  type Market,
  type ParsedRequestOf,
  parseInstrumentId,
  type PlacedOrder,
  type PriceBand,
  tradeValue,
} from '@carbon-ets/contract';
import { proposeApproval, takeReservedFunds } from '../approval/approval-requests';
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
import type { Lot } from '../units/lot';
import { LotLedger } from '../units/lot-ledger';
import { releaseOrder } from './escrow';
import { type Instrument, isBlock } from './instrument';
import type { GoodTill, Order, OrderSide } from './order';
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

/** What a limit order states, from a request or from the approval request that recorded it. */
interface OrderTerms {
  readonly side: OrderSide;
  readonly instrument: InstrumentRef;
  readonly price: number;
  readonly quantity: number;
  readonly goodTill: GoodTill;
}

/** An order's terms checked against the ledger now: the instrument, the price band and when it expires. */
interface CheckedOrder {
  readonly instrument: Instrument;
  readonly band: PriceBand;
  readonly now: string;
  readonly expiresAt: string;
}

/**
 * The placement rules after the account's: the market is not halted, the instrument exists, the quantity is at
 * least its minimum, the price within today's band, and a buy stays within the entity's holding limit. Checked
 * when an order is placed, when it becomes an approval request and again when that request is approved.
 */
async function checkOrder(
  ctx: Context,
  store: Store,
  account: Account,
  terms: OrderTerms,
  action: string,
): Promise<CheckedOrder> {
  await requireMarketOpen(store, action);
  const instrument = await requireInstrument(store, terms.instrument.id);
  if (terms.quantity < instrument.minQuantity) {
    throw invalidArgument(`order.quantity must be at least ${instrument.minQuantity} t`);
  }
  const now = txTime(ctx);
  const day = tradingDay(now);
  const band = bandFor(instrument, await previousClose(store, instrument, day), terms.quantity);
  checkPrice(instrument, band, terms.price, 'order.price');
  if (terms.side === 'buy') {
    await checkHoldingLimit(store, account.entityId ?? '', instrument, terms.quantity);
  }
  return { instrument, band, now, expiresAt: terms.goodTill === 'day' ? endOfDay(day) : endOfPeriod(now) };
}

/** The order record of checked terms, holding `escrow` fen (buy) or the `lockedLotIds` (sell). */
function orderOf(
  id: string,
  account: Account,
  caller: Caller,
  terms: OrderTerms,
  checked: CheckedOrder,
  hold: { escrow: Fen; lockedLotIds: readonly string[] },
): Order {
  return {
    id,
    accountId: account.id,
    entityId: account.entityId ?? '',
    instrument: checked.instrument.id,
    unitType: terms.instrument.unitType,
    vintage: terms.instrument.vintage,
    side: terms.side,
    price: terms.price,
    quantity: terms.quantity,
    remaining: terms.quantity,
    block: isBlock(checked.instrument, terms.quantity),
    status: 'open',
    goodTill: terms.goodTill,
    placedAt: checked.now,
    expiresAt: checked.expiresAt,
    placedBy: { mspId: caller.mspId, role: caller.role ?? '' },
    escrow: formatFen(hold.escrow),
    lockedLotIds: [...hold.lockedLotIds],
  };
}

/** Writes a new order and enters it in the book's not-yet-matched stage. */
async function writeOrder(ctx: Context, store: Store, account: Account, order: Order): Promise<void> {
  const key = await store.put(ObjectType.order, [account.id, order.id], order);
  // The order holds the buyer's escrow: changing it needs the owner's org as well.
  await requireOwnerEndorsement(ctx, key, account.ownerMsp);
  await new OrderBookIndex(ctx).addNew(order);
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
 *
 * Above the account's two-person approval threshold the order is not placed: every rule is checked, what it
 * would lock is reserved for an approval request (units locked by the request, a buy's escrow taken into
 * `approvalEscrow`), and the answer is the order as it will be placed, `status: 'pending-approval'`, with the
 * request in `pendingApproval`.
 */
export async function placeOrder(
  ctx: Context,
  caller: Caller,
  request: ParsedRequestOf<typeof Market.placeOrder>,
): Promise<PlacedOrder> {
  const { accountId, side, price, quantity, lotIds, cashEntryIds } = request;
  if (side === 'buy' && lotIds !== undefined) {
    throw invalidArgument('order.lotIds is for sell orders; a buy order locks funds (cashEntryIds)');
  }
  if (side === 'sell' && cashEntryIds !== undefined) {
    throw invalidArgument('order.cashEntryIds is for buy orders; a sell order locks units (lotIds)');
  }
  const terms: OrderTerms = {
    side,
    instrument: request.instrument,
    price,
    quantity,
    goodTill: request.goodTill ?? 'day',
  };
  const store = new Store(ctx);
  const account = await tradingAccountFor(store, caller, accountId, 'PlaceOrder');
  // Representatives only; above the two-person threshold the order waits for a second representative.
  const gate = await representationGate(ctx, store, account, quantity, 'PlaceOrder', true);
  const checked = await checkOrder(ctx, store, account, terms, 'PlaceOrder');
  const id = ctx.stub.getTxID();
  const escrow = side === 'buy' ? tradeValue(price, quantity) : 0n;
  const spend = {
    quantity,
    ...(lotIds === undefined ? {} : { lotIds }),
    filter: { unitType: terms.instrument.unitType, vintage: terms.instrument.vintage },
  };
  if (gate.kind === 'propose') {
    const pendingApproval = await proposeApproval(
      ctx,
      store,
      account,
      gate.settings,
      gate.proposer,
      {
        operation: 'order',
        unitType: terms.instrument.unitType,
        vintage: terms.instrument.vintage,
        quantity,
        side,
        instrument: checked.instrument.id,
        price,
        goodTill: terms.goodTill,
      },
      side === 'buy' ? { funds: escrow, ...(cashEntryIds === undefined ? {} : { cashEntryIds }) } : spend,
    );
    const preview = orderOf(id, account, caller, terms, checked, {
      escrow,
      lockedLotIds: pendingApproval.lockedLotIds,
    });
    return { ...preview, status: 'pending-approval', pendingApproval };
  }
  let lockedLotIds: string[] = [];
  if (side === 'buy') {
    await new CashLedger(ctx, store).debit(account, escrow, cashEntryIds);
  } else {
    const locked = await new LotLedger(ctx, store).lock(account, spend, id);
    lockedLotIds = locked.map((lot) => lot.id);
  }
  const order = orderOf(id, account, caller, terms, checked, { escrow, lockedLotIds });
  await writeOrder(ctx, store, account, order);
  const { band } = checked;
  if (quantity >= checked.instrument.largeOrderThreshold) {
    emitEvent(ctx, 'LargeOrderPlaced', {
      order,
      band,
      largeOrderThreshold: checked.instrument.largeOrderThreshold,
    });
  } else {
    emitEvent(ctx, 'OrderPlaced', { order, band });
  }
  return order;
}

/**
 * Places the order an approval request recorded, on its approval, with what the request reserved: every
 * placement rule is checked again (the account can trade and is not frozen, the market is not halted, the price
 * is within today's band, the holding limit) and any refusal refuses the approval. The order's id is the
 * request's, so the lots the request locked stay locked by the order and the request's escrow becomes the
 * order's (the `approvalEscrow` key is deleted); it enters the book as placed now, by the approver. Emits no
 * event: the approval's `ApprovalDecided` carries the order.
 */
export async function placeApprovedOrder(
  ctx: Context,
  caller: Caller,
  approval: ApprovalRequest,
  lockedLots: readonly Lot[],
): Promise<Order> {
  const { side, instrument, price, goodTill } = approval;
  if (side === undefined || instrument === undefined || price === undefined || goodTill === undefined) {
    throw failedPrecondition(`approval request ${approval.id} does not record an order's terms`);
  }
  const terms: OrderTerms = {
    side,
    instrument: parseInstrumentId(instrument, 'approval.instrument'),
    price,
    quantity: approval.quantity,
    goodTill,
  };
  const store = new Store(ctx);
  const account = await tradingAccountFor(store, caller, approval.accountId, 'Approve');
  const checked = await checkOrder(ctx, store, account, terms, 'Approve');
  const reserved = side === 'buy' ? formatFen(tradeValue(price, approval.quantity)) : undefined;
  if (approval.escrow !== reserved) {
    throw failedPrecondition(
      `approval request ${approval.id} reserved ${approval.escrow ?? 'no'} fen, not the ${side} order's escrow`,
    );
  }
  const escrow = await takeReservedFunds(store, approval);
  const order = orderOf(approval.id, account, caller, terms, checked, {
    escrow,
    lockedLotIds: lockedLots.map((lot) => lot.id),
  });
  await writeOrder(ctx, store, account, order);
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
