import type { Context } from 'fabric-contract-api';
import {
  addQuantities,
  failedPrecondition,
  invalidArgument,
  notFound,
  serialCount,
  serialFields,
  serialRangesOf,
  takeLowestSerials,
  type SerialRange,
} from '@carbon-ets/contract';
import { requireOwnerEndorsement } from '../ledger/endorsement';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import type { Account } from '../registry/account';
import { compareLots, lineageOf, matchesFilter, type Lot, type LotFilter } from './lot';

/** The fields a new lot takes from its creator; id, account, quantity and creation stamp are added here. */
export type NewLot = Omit<Lot, 'id' | 'accountId' | 'quantity' | 'createdAt' | 'createdTxId'>;

/** Extra fields set on units arriving in the destination (e.g. `status: 'surrendered'`). */
export type Arrival = Pick<Lot, 'status' | 'origin'> & Partial<Pick<Lot, 'surrender' | 'retirement'>>;

/** What a movement spends: a quantity, optionally from named lots (UTXO style, no range read). */
export interface Spend {
  readonly quantity: number;
  readonly lotIds?: readonly string[];
  readonly filter: LotFilter;
}

/** Result of a movement: new lots in the destination and the shrunk remainders left behind. */
export interface Movement {
  readonly moved: Lot[];
  readonly remainders: Lot[];
  readonly spentLotIds: string[];
}

/**
 * Creates, splits and moves lots within one transaction. New lot ids are `<txId>.<n>`: unique, deterministic
 * on every endorser, and never a shared counter.
 */
/**
 * Refuses when `lots` hold fewer than `quantity` units. Callers run it before their first write: a refused
 * transaction must not have attempted any.
 */
export function requireCovers(lots: readonly Lot[], quantity: number): void {
  const held = lots.reduce((sum, lot) => addQuantities(sum, lot.quantity), 0);
  if (held < quantity) {
    throw failedPrecondition(`the lots given hold ${held} units, ${quantity} needed`);
  }
}

export class LotLedger {
  private sequence = 0;

  constructor(
    private readonly ctx: Context,
    private readonly store: Store,
  ) {}

  private nextLotId(): string {
    this.sequence += 1;
    return `${this.ctx.stub.getTxID()}.${this.sequence}`;
  }

  /** Writes a new lot into `account` and makes its owner's org a required endorser of any later change. */
  async create(account: Account, fields: NewLot): Promise<Lot> {
    const lot: Lot = {
      ...fields,
      id: this.nextLotId(),
      accountId: account.id,
      quantity: serialCount(serialRangesOf(fields)),
      createdAt: txTime(this.ctx),
      createdTxId: this.ctx.stub.getTxID(),
    };
    const key = await this.store.put(ObjectType.lot, [account.id, lot.id], lot);
    await requireOwnerEndorsement(this.ctx, key, account.ownerMsp);
    return lot;
  }

  /** Every lot in an account (a range read: queries, or writers that accept phantom-read conflicts). */
  async lotsOf(accountId: string): Promise<Lot[]> {
    return (await this.store.list<Lot>(ObjectType.lot, [accountId])).map((kv) => kv.value);
  }

  private async candidates(from: Account, spend: Spend): Promise<Lot[]> {
    if (spend.lotIds === undefined) {
      // Convenience path: pick the oldest matching lots. This reads the account's lot range, so a concurrent
      // transfer into the same account makes this transaction fail with a phantom read and be retried.
      const lots = await this.lotsOf(from.id);
      return lots
        .filter(
          (lot) => lot.status === 'held' && lot.lockedBy === undefined && matchesFilter(lot, spend.filter),
        )
        .sort(compareLots);
    }
    const lots: Lot[] = [];
    for (const lotId of spend.lotIds) {
      const lot = await this.store.get<Lot>(ObjectType.lot, [from.id, lotId]);
      if (lot === undefined) {
        throw notFound(`lot ${lotId} is not in account ${from.id}`);
      }
      if (lot.status !== 'held') {
        throw failedPrecondition(`lot ${lotId} is ${lot.status} and can never move again`);
      }
      if (lot.lockedBy !== undefined) {
        throw failedPrecondition(`lot ${lotId} is locked by ${lot.lockedBy}`);
      }
      if (!matchesFilter(lot, spend.filter)) {
        throw invalidArgument(
          `lot ${lotId} (${lot.unitType}, vintage ${lot.vintage}) does not match what was asked: ${describe(spend.filter)}`,
        );
      }
      lots.push(lot);
    }
    return lots;
  }

  /**
   * Moves `spend.quantity` units from `from` to `to`, whole lots first and splitting the last one: the moved
   * serials are the lowest of the lot, the remainder keeps the same lot id (and key) with a higher serialStart.
   */
  async move(from: Account, to: Account, spend: Spend, arrival: Arrival): Promise<Movement> {
    const lots = await this.candidates(from, spend);
    const available = lots.reduce((sum, lot) => addQuantities(sum, lot.quantity), 0);
    if (available < spend.quantity) {
      throw failedPrecondition(
        `account ${from.id} has ${available} ${describe(spend.filter)} available, ${spend.quantity} needed`,
      );
    }
    return this.moveFrom(lots, to, spend.quantity, arrival);
  }

  /**
   * Moves `quantity` units out of `lots` (already read, in spending order, all in one account) into `to`.
   * A remainder keeps its fields, `lockedBy` included, so the rest of an order stays locked.
   */
  async moveFrom(lots: readonly Lot[], to: Account, quantity: number, arrival: Arrival): Promise<Movement> {
    const movement = await this.deliverFrom(lots, to, quantity, arrival);
    await this.writeBack(lots, [
      ...movement.remainders,
      ...lots.filter((lot) => !movement.spentLotIds.includes(lot.id)),
    ]);
    return movement;
  }

  /**
   * Like {@link moveFrom} but writes only the new lots in `to`: the spent and shrunk source lots are returned,
   * for a caller that delivers from the same lots several times in one transaction (the market, fill after
   * fill) and writes each source lot once at the end with {@link writeBack}. The caller has checked the lots.
   */
  async deliverFrom(
    lots: readonly Lot[],
    to: Account,
    quantity: number,
    arrival: Arrival,
  ): Promise<Movement> {
    requireCovers(lots, quantity);
    const movement: Movement = { moved: [], remainders: [], spentLotIds: [] };
    let remaining = quantity;
    for (const lot of lots) {
      if (remaining === 0) {
        break;
      }
      const take = Math.min(remaining, lot.quantity);
      remaining -= take;
      const { taken, rest } = takeLowestSerials(serialRangesOf(lot), take);
      movement.moved.push(
        await this.create(to, {
          unitType: lot.unitType,
          vintage: lot.vintage,
          ...lineageOf(lot),
          ...serialsOf(taken),
          parentLotId: lot.id,
          ...arrival,
        }),
      );
      movement.spentLotIds.push(lot.id);
      if (take < lot.quantity) {
        movement.remainders.push({ ...lot, ...serialFields(rest) });
      }
    }
    return movement;
  }

  /**
   * Writes what deliveries left of source lots: each lot of `before` (as read) that is missing from `after` is
   * deleted, each that changed is written once.
   */
  async writeBack(before: readonly Lot[], after: readonly Lot[]): Promise<void> {
    const left = new Map(after.map((lot) => [lot.id, lot]));
    for (const lot of before) {
      const now = left.get(lot.id);
      if (now === undefined) {
        await this.store.delete(ObjectType.lot, [lot.accountId, lot.id]);
      } else if (now.quantity !== lot.quantity || now.serialStart !== lot.serialStart) {
        await this.store.put(ObjectType.lot, [lot.accountId, lot.id], now);
      }
    }
  }

  /**
   * Locks exactly `spend.quantity` units of `account` for `lockedBy` (an order or proposal id): whole lots are
   * marked, and the last one is split in place — the locked lowest serials become a new lot, the rest keeps its
   * id unlocked. Returns the locked lots; locked units cannot be transferred, surrendered or locked again.
   */
  async lock(account: Account, spend: Spend, lockedBy: string): Promise<Lot[]> {
    const lots = await this.candidates(account, spend);
    const available = lots.reduce((sum, lot) => addQuantities(sum, lot.quantity), 0);
    if (available < spend.quantity) {
      throw failedPrecondition(
        `account ${account.id} has ${available} ${describe(spend.filter)} available, ${spend.quantity} needed`,
      );
    }
    const locked: Lot[] = [];
    let remaining = spend.quantity;
    for (const lot of lots) {
      if (remaining === 0) {
        break;
      }
      const take = Math.min(remaining, lot.quantity);
      remaining -= take;
      if (take === lot.quantity) {
        const whole: Lot = { ...lot, lockedBy };
        await this.store.put(ObjectType.lot, [account.id, lot.id], whole);
        locked.push(whole);
      } else {
        const serials = takeLowestSerials(serialRangesOf(lot), take);
        locked.push(
          await this.create(account, {
            unitType: lot.unitType,
            vintage: lot.vintage,
            ...lineageOf(lot),
            ...serialsOf(serials.taken),
            parentLotId: lot.id,
            status: 'held',
            origin: 'split',
            lockedBy,
          }),
        );
        const rest: Lot = { ...lot, ...serialFields(serials.rest) };
        await this.store.put(ObjectType.lot, [account.id, lot.id], rest);
      }
    }
    return locked;
  }

  /** Clears the lock of lots (already read) that `lockedBy` holds; other lots are left alone. */
  async unlock(lots: readonly Lot[], lockedBy: string): Promise<number> {
    let released = 0;
    for (const lot of lots) {
      if (lot.lockedBy === lockedBy) {
        // canonicalJson drops undefined fields, so the stored lot simply has no lockedBy any more.
        const free: Lot = { ...lot, lockedBy: undefined };
        await this.store.put(ObjectType.lot, [lot.accountId, lot.id], free);
        released = addQuantities(released, lot.quantity);
      }
    }
    return released;
  }

  /** Reads the lots of an account named by id, in spending order (missing ones are skipped). */
  async read(accountId: string, lotIds: readonly string[]): Promise<Lot[]> {
    const lots: Lot[] = [];
    for (const lotId of lotIds) {
      const lot = await this.store.get<Lot>(ObjectType.lot, [accountId, lotId]);
      if (lot !== undefined) {
        lots.push(lot);
      }
    }
    return lots.sort(compareLots);
  }
}

/** A new lot's serial fields (its quantity is counted by `create`). */
function serialsOf(ranges: readonly SerialRange[]): Pick<Lot, 'serialStart' | 'serialEnd' | 'serialRanges'> {
  const { serialStart, serialEnd, serialRanges } = serialFields(ranges);
  return { serialStart, serialEnd, ...(serialRanges === undefined ? {} : { serialRanges }) };
}

const UNIT_NAMES: Readonly<Record<Lot['unitType'], string>> = {
  allowance: 'allowances',
  offset: 'offset credits',
  greenCertificate: 'green certificates',
};

function describe(filter: LotFilter): string {
  const parts: string[] = [UNIT_NAMES[filter.unitType]];
  if (filter.vintage !== undefined) parts.push(`of vintage ${filter.vintage}`);
  if (filter.maxVintage !== undefined) parts.push(`of vintage ≤ ${filter.maxVintage}`);
  if (filter.projectId !== undefined) parts.push(`of project ${filter.projectId}`);
  if (filter.deviceId !== undefined) parts.push(`of device ${filter.deviceId}`);
  return parts.join(' ');
}
