import type { Context } from 'fabric-contract-api';
import {
  invalidArgument,
  WORLD_STATE_PAGE_BYTES,
  WORLD_STATE_PAGE_SIZE,
  type FundsPage,
  type LotsPage,
} from '@carbon-ets/contract';
import { ESCROW_TYPES, tallyFunds, type EscrowHolder } from '../funds/account-funds';
import { objectsBetween, pageAfter } from '../ledger/key-range';
import { ObjectType } from '../ledger/keys';
import type { Lot } from '../units/lot';

/**
 * Bulk reads of the world state for reconciliation: every lot and every account's funds in key order, a
 * bounded page per evaluate, so an auditor compares thousands of accounts in a handful of calls instead of two
 * calls per account.
 */

function requirePageSize(pageSize: number | undefined): number {
  const size = pageSize ?? WORLD_STATE_PAGE_SIZE;
  if (size > WORLD_STATE_PAGE_SIZE) {
    throw invalidArgument(
      `pageSize ${size} is above the most one page holds (${WORLD_STATE_PAGE_SIZE}); page on with \`next\``,
    );
  }
  return size;
}

/** Lots of every account in key order (`lot ~ accountId ~ lotId`), just after the lot named, if any. */
export async function lotsPage(
  ctx: Context,
  request: {
    afterAccountId?: string | undefined;
    afterLotId?: string | undefined;
    pageSize?: number | undefined;
  },
): Promise<LotsPage> {
  const { afterAccountId, afterLotId } = request;
  if ((afterAccountId === undefined) !== (afterLotId === undefined)) {
    throw invalidArgument(
      'lotsPage.afterAccountId and lotsPage.afterLotId go together: pass both (the last lot of the page before) or neither',
    );
  }
  const after =
    afterAccountId === undefined || afterLotId === undefined ? null : [afterAccountId, afterLotId];
  const size = requirePageSize(request.pageSize);
  const { objects, more } = await pageAfter<Lot>(ctx, ObjectType.lot, after, size, WORLD_STATE_PAGE_BYTES);
  const last = objects.at(-1);
  // The next page starts after the last key read: its parts, whatever the stored lot says of itself.
  const [accountId, lotId] = last === undefined ? [] : ctx.stub.splitCompositeKey(last.key).attributes;
  return {
    lots: objects.map(({ value }) => value),
    next:
      more && accountId !== undefined && lotId !== undefined
        ? { afterAccountId: accountId, afterLotId: lotId }
        : null,
  };
}

/** Groups objects keyed `type ~ accountId ~ …` by their account. */
function byAccount<T>(ctx: Context, objects: readonly { key: string; value: T }[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const { key, value } of objects) {
    const [accountId = ''] = ctx.stub.splitCompositeKey(key).attributes;
    const group = groups.get(accountId);
    if (group === undefined) groups.set(accountId, [value]);
    else group.push(value);
  }
  return groups;
}

/**
 * Funds of every account in key order, just after account `afterAccountId`, if any: the same tally as
 * `Funds:GetBalance`, from one range read per object type over the page's accounts rather than four per account.
 */
export async function fundsPage(
  ctx: Context,
  request: { afterAccountId?: string | undefined; pageSize?: number | undefined },
): Promise<FundsPage> {
  const size = requirePageSize(request.pageSize);
  const after = request.afterAccountId === undefined ? null : [request.afterAccountId];
  const { objects, more } = await pageAfter<unknown>(ctx, ObjectType.account, after, size, Infinity);
  // Account ids as their keys hold them: the page's bounds, and what the funds records are keyed under.
  const accounts = objects.map(({ key }) => ctx.stub.splitCompositeKey(key).attributes[0] ?? '');
  const first = accounts.at(0);
  const last = accounts.at(-1);
  if (first === undefined || last === undefined) return { funds: [], next: null };
  const between = async <T>(type: Parameters<typeof objectsBetween>[1]) =>
    byAccount(ctx, await objectsBetween<T>(ctx, type, first, last));
  const cash = await between<{ amount: string }>(ObjectType.cash);
  const orders = await between<EscrowHolder>(ObjectType.order);
  const escrows: Map<string, { escrow: string }[]>[] = [];
  for (const type of ESCROW_TYPES) escrows.push(await between<{ escrow: string }>(type));
  return {
    funds: accounts.map((id) => ({
      accountId: id,
      ...tallyFunds({
        cash: cash.get(id) ?? [],
        orders: orders.get(id) ?? [],
        escrows: escrows.flatMap((held) => held.get(id) ?? []),
      }),
    })),
    next: more ? { afterAccountId: last } : null,
  };
}
