import {
  addQuantities,
  failedPrecondition,
  forbidden,
  type HoldingLimit,
  type MarketStatus,
} from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import type { Account } from '../registry/account';
import type { Lot } from '../units/lot';
import type { Instrument } from './instrument';
import type { Order } from './order';

/** `marketStatus ~ market` (absent means trading) and `holdingLimit ~ entityId ~ instrumentId`. */
export type { HoldingLimit, MarketStatus };

/** The single key of the market status. Placement reads it; only halt and resume write it. */
export const MARKET_STATUS_ID = 'market';

export async function marketStatus(store: Store): Promise<MarketStatus> {
  return (
    (await store.get<MarketStatus>(ObjectType.marketStatus, [MARKET_STATUS_ID])) ?? {
      halted: false,
      reason: 'never halted',
      changedAt: '',
    }
  );
}

/** Fails while the regulator has halted trading. */
export async function requireMarketOpen(store: Store, action: string): Promise<void> {
  const status = await marketStatus(store);
  if (status.halted) {
    throw failedPrecondition(`${action}: the market is halted since ${status.changedAt}: ${status.reason}`);
  }
}

export function requireInstrument(store: Store, id: string): Promise<Instrument> {
  return store.require<Instrument>(ObjectType.instrument, [id], `instrument ${id}`);
}

/** Orders and proposals come from open trading or operator holding accounts only. */
export function requireTradingAccount(account: Account, action: string): void {
  if (account.kind !== 'trading' && account.kind !== 'holding') {
    throw forbidden(`${action}: ${account.kind} account ${account.id} cannot trade`);
  }
  if (account.status === 'blocked') {
    throw failedPrecondition(`${action}: account ${account.id} is frozen by the regulator`);
  }
  if (account.status !== 'open') {
    throw failedPrecondition(`${action}: account ${account.id} is ${account.status}`);
  }
}

/**
 * Checks an entity's holding limit, if the regulator set one, before it buys `quantity` more: units of the
 * instrument held in all its accounts (locked included) plus what its open buy orders may still bring. The
 * range reads happen only for entities with a limit, so other placements stay free of them.
 */
export async function checkHoldingLimit(
  store: Store,
  entityId: string,
  instrument: Instrument,
  quantity: number,
): Promise<void> {
  const limit = await store.get<HoldingLimit>(ObjectType.holdingLimit, [entityId, instrument.id]);
  if (limit === undefined) {
    return;
  }
  let exposure = quantity;
  const accounts = (await store.list<Account>(ObjectType.account, [])).filter(
    (a) => a.value.entityId === entityId,
  );
  for (const { value: account } of accounts) {
    for (const { value: lot } of await store.list<Lot>(ObjectType.lot, [account.id])) {
      if (
        lot.status === 'held' &&
        lot.unitType === instrument.unitType &&
        lot.vintage === instrument.vintage
      ) {
        exposure = addQuantities(exposure, lot.quantity);
      }
    }
    for (const { value: order } of await store.list<Order>(ObjectType.order, [account.id])) {
      if (order.status === 'open' && order.side === 'buy' && order.instrument === instrument.id) {
        exposure = addQuantities(exposure, order.remaining);
      }
    }
  }
  if (exposure > limit.limit) {
    throw failedPrecondition(
      `holding limit: entity ${entityId} may hold at most ${limit.limit} t of ${instrument.id}; this would bring it to ${exposure} t`,
    );
  }
}
