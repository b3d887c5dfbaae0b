import type { Context } from 'fabric-contract-api';
import {
  failedPrecondition,
  forbidden,
  invalidArgument,
  MAX_LOTS_PER_CONSOLIDATION,
  MAX_SERIAL_RANGES,
  mergeSerialRanges,
  notFound,
  serialFields,
  serialRangesOf,
  type ConsolidationResult,
  type SerialRange,
} from '@carbon-ets/contract';
import { requireActingRepresentative } from '../approval/representatives';
import type { Caller } from '../identity/caller';
import { actsFor } from '../identity/access';
import { Role } from '../identity/msp';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { compareText } from '../ledger/text-order';
import { txTime } from '../ledger/tx-time';
import { isNational, type Account } from '../registry/account';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { compareLots, type Lot } from './lot';
import { LotLedger } from './lot-ledger';
import { requireOpen } from './transfer';

/**
 * Lots that may be merged: the same unit type, vintage and project — or device and production period, for green
 * certificates (serials are numbered per project or device, and a merged lot keeps one production period).
 */
function kindOf(lot: Lot): string {
  const period =
    lot.productionPeriod === undefined ? '' : `${lot.productionPeriod.from}_${lot.productionPeriod.to}`;
  return `${lot.unitType}|${lot.vintage}|${lot.projectId ?? ''}|${lot.deviceId ?? ''}|${period}`;
}

function describeKind(lot: Lot): string {
  const project = lot.projectId === undefined ? '' : ` of project ${lot.projectId}`;
  const device =
    lot.deviceId === undefined
      ? ''
      : ` of device ${lot.deviceId}${lot.productionPeriod === undefined ? '' : ` (${lot.productionPeriod.from}..${lot.productionPeriod.to})`}`;
  return `${lot.unitType} ${lot.vintage}${project}${device}`;
}

/** Available: held and not locked by an order, proposal or approval request (those are never touched). */
function isAvailable(lot: Lot): boolean {
  return lot.status === 'held' && lot.lockedBy === undefined;
}

/** Kind first, then spending order: deterministic on every endorser. */
function compareForMerge(a: Lot, b: Lot): number {
  return compareText(a.unitType, b.unitType) || compareLots(a, b);
}

/** Groups sorted lots by kind, keeping the order. */
function byKind(lots: readonly Lot[]): Lot[][] {
  const groups = new Map<string, Lot[]>();
  for (const lot of lots) {
    const kind = kindOf(lot);
    groups.set(kind, [...(groups.get(kind) ?? []), lot]);
  }
  return [...groups.values()];
}

/**
 * Who may consolidate: the regulator for national accounts; for an enterprise account its entity's users, and
 * once it has representatives only its proposers and approvers — the same people who may move its units (the
 * lots' key-level endorsement still requires the owner's org). Checked before anything is written.
 */
async function requireHolder(ctx: Context, store: Store, caller: Caller, account: Account): Promise<void> {
  const action = 'ConsolidateLots';
  if (account.kind === 'deletion') {
    throw failedPrecondition(
      `${action}: the lots of ${account.id} are surrendered or retired units, recorded as they arrived and never changed`,
    );
  }
  if (isNational(account)) {
    if (caller.role !== Role.regulator) {
      throw forbidden(
        `${action}: only the regulator consolidates the lots of national account ${account.id}`,
      );
    }
  } else {
    const owner = await requireEntity(store, account.entityId ?? '');
    if (!actsFor(caller, owner)) {
      throw forbidden(
        `${action}: only users of entity ${owner.id} (${owner.ownerMsp}) may consolidate the lots of account ${account.id}`,
      );
    }
    await requireActingRepresentative(ctx, store, account, action);
  }
  requireOpen(account, 'source');
}

/** Reads the named lots: each in the account, available, and with another named lot of its kind. */
async function namedLots(store: Store, accountId: string, lotIds: readonly string[]): Promise<Lot[]> {
  const lots: Lot[] = [];
  for (const lotId of lotIds) {
    const lot = await store.get<Lot>(ObjectType.lot, [accountId, lotId]);
    if (lot === undefined) {
      throw notFound(`lot ${lotId} is not in account ${accountId}`);
    }
    if (lot.status !== 'held') {
      throw failedPrecondition(`lot ${lotId} is ${lot.status} and never changes again`);
    }
    if (lot.lockedBy !== undefined) {
      throw failedPrecondition(`lot ${lotId} is locked by ${lot.lockedBy}; it is merged once released`);
    }
    lots.push(lot);
  }
  for (const group of byKind(lots)) {
    const [only] = group;
    if (group.length === 1 && only !== undefined) {
      throw invalidArgument(
        `consolidation.lotIds: lot ${only.id} is the only ${describeKind(only)} lot named; name two or more lots of one kind`,
      );
    }
  }
  return lots;
}

/**
 * The mergeable lots of the whole account (a range read: a unit arriving meanwhile makes the transaction fail
 * with a phantom read, and the client retries), at most `MAX_LOTS_PER_CONSOLIDATION` of them; `leftOver`
 * counts the mergeable ones left for a next transaction.
 */
async function accountLots(ledger: LotLedger, accountId: string): Promise<{ lots: Lot[]; leftOver: number }> {
  const groups = byKind((await ledger.lotsOf(accountId)).filter(isAvailable).sort(compareForMerge)).filter(
    (group) => group.length > 1,
  );
  const lots: Lot[] = [];
  let leftOver = 0;
  for (const group of groups) {
    const room = MAX_LOTS_PER_CONSOLIDATION - lots.length;
    // A kind cut by the bound merges its first lots only if two or more fit.
    const taken = room >= 2 ? group.slice(0, room) : [];
    lots.push(...taken);
    leftOver += group.length - taken.length;
  }
  if (lots.length === 0) {
    throw failedPrecondition(
      `account ${accountId} has nothing to consolidate: at most one available lot of each unit type, vintage and project`,
    );
  }
  return { lots, leftOver };
}

/**
 * Splits a kind's lots (in spending order) into merges: each takes lots while its serial ranges stay within
 * `MAX_SERIAL_RANGES`. A merge of one lot writes nothing.
 */
export function planMerges(group: readonly Lot[]): Lot[][] {
  const merges: { lots: Lot[]; ranges: SerialRange[] }[] = [];
  for (const lot of group) {
    const current = merges[merges.length - 1];
    const joined = mergeSerialRanges([...(current?.ranges ?? []), ...serialRangesOf(lot)]);
    if (current !== undefined && joined.length <= MAX_SERIAL_RANGES) {
      current.lots.push(lot);
      current.ranges = joined;
    } else {
      merges.push({ lots: [lot], ranges: [...serialRangesOf(lot)] });
    }
  }
  return merges.map((merge) => merge.lots).filter((lots) => lots.length > 1);
}

/**
 * `Allowance:ConsolidateLots`: merges an account's available lots of one unit type, vintage and project into one
 * lot — the first in spending order, keeping its id, key and key-level endorsement — which then holds every
 * serial of the merged lots as ascending ranges (touching ranges joined); the others are deleted. Serials are
 * never renumbered: a serial identifies a unit for as long as it exists. Locked, surrendered and retired lots
 * are never touched. Everything is read and checked before the first write.
 */
export async function consolidateLots(
  ctx: Context,
  store: Store,
  caller: Caller,
  request: { readonly accountId: string; readonly lotIds?: readonly string[] | undefined },
): Promise<ConsolidationResult> {
  const account = await requireAccount(store, request.accountId);
  await requireHolder(ctx, store, caller, account);
  const ledger = new LotLedger(ctx, store);
  const { lots, leftOver } =
    request.lotIds === undefined
      ? await accountLots(ledger, account.id)
      : { lots: (await namedLots(store, account.id, request.lotIds)).sort(compareForMerge), leftOver: 0 };
  const merges = byKind(lots).flatMap(planMerges);
  if (merges.length === 0) {
    throw failedPrecondition(
      `the lots given hold so many separate serial ranges that merging any two would exceed ${MAX_SERIAL_RANGES} ranges a lot`,
    );
  }
  const at = txTime(ctx);
  const txId = ctx.stub.getTxID();
  const consolidated: ConsolidationResult['consolidated'][number][] = [];
  const deleted: string[] = [];
  for (const merge of merges) {
    const [target, ...others] = merge;
    if (target === undefined) continue;
    const lot: Lot = {
      ...target,
      ...serialFields(mergeSerialRanges(merge.flatMap(serialRangesOf))),
      // Several parents now: the event and the deleted keys' history name them (canonical JSON drops undefined).
      parentLotId: undefined,
      origin: 'consolidation',
      createdAt: at,
      createdTxId: txId,
    };
    // The target's key keeps the owner's key-level endorsement policy set when it was created.
    await store.put(ObjectType.lot, [account.id, lot.id], lot);
    for (const other of others) {
      await store.delete(ObjectType.lot, [account.id, other.id]);
      deleted.push(other.id);
    }
    consolidated.push({ lot, mergedLotIds: merge.map((merged) => merged.id) });
  }
  return { accountId: account.id, consolidated, deletedLotIds: deleted, leftOver };
}
