import { ObjectType } from '../ledger/keys';
import { addQuantities, type SupplySummary, type UnitSupply } from '@carbon-ets/contract';
import type { Store } from '../ledger/store';
import { isNational, type Account } from '../registry/account';
import type { OffsetIssuance } from '../offsets/offset-project';
import type { AllocationRecord, IssuanceHead } from '../units/issuance';
import type { Lot, UnitType } from '../units/lot';

/** Supply summaries: their schemas are the wire contract's (`@carbon-ets/contract`). */
export type { SupplySummary, UnitSupply };

interface Tally {
  heldNational: number;
  heldParticipants: number;
  locked: number;
  surrendered: number;
  retired: number;
}

const emptyTally = (): Tally => ({
  heldNational: 0,
  heldParticipants: 0,
  locked: 0,
  surrendered: 0,
  retired: 0,
});

function toSupply(issued: number, tally: Tally): UnitSupply {
  const held = addQuantities(tally.heldNational, tally.heldParticipants);
  return {
    issued,
    heldInNationalAccounts: tally.heldNational,
    heldByParticipants: tally.heldParticipants,
    held,
    locked: tally.locked,
    surrendered: tally.surrendered,
    retired: tally.retired,
    reconciles: issued === addQuantities(addQuantities(held, tally.surrendered), tally.retired),
  };
}

/**
 * Derives the supply of a period's vintage by scanning every lot: totals are never stored as hot keys
 * (they would make every transfer conflict), so they are computed here, in a query.
 */
export async function supplySummary(
  store: Store,
  period: number,
  cap: number | null,
): Promise<SupplySummary> {
  const accounts = new Map<string, Account>();
  for (const { value } of await store.list<Account>(ObjectType.account, [])) {
    accounts.set(value.id, value);
  }
  const tallies: Record<UnitType, Tally> = {
    allowance: emptyTally(),
    offset: emptyTally(),
    // Counted, not reported: green certificates are no part of the compliance supply.
    greenCertificate: emptyTally(),
  };
  const surrenderedForPeriod = { allowances: 0, offsets: 0 };
  for (const { value: lot } of await store.list<Lot>(ObjectType.lot, [])) {
    if (lot.surrender?.period === period) {
      const field = lot.unitType === 'allowance' ? 'allowances' : 'offsets';
      surrenderedForPeriod[field] = addQuantities(surrenderedForPeriod[field], lot.quantity);
    }
    if (lot.vintage !== period) {
      continue;
    }
    const tally = tallies[lot.unitType];
    if (lot.status === 'surrendered') {
      tally.surrendered = addQuantities(tally.surrendered, lot.quantity);
    } else if (lot.status === 'retired') {
      tally.retired = addQuantities(tally.retired, lot.quantity);
    } else {
      const account = accounts.get(lot.accountId);
      if (account !== undefined && isNational(account)) {
        tally.heldNational = addQuantities(tally.heldNational, lot.quantity);
      } else {
        tally.heldParticipants = addQuantities(tally.heldParticipants, lot.quantity);
      }
      if (lot.lockedBy !== undefined) {
        tally.locked = addQuantities(tally.locked, lot.quantity);
      }
    }
  }
  const head = await store.get<IssuanceHead>(ObjectType.issuance, ['allowance', period]);
  let offsetsIssued = 0;
  for (const { value } of await store.list<OffsetIssuance>(ObjectType.offsetIssuance, [])) {
    if (value.vintage === period) {
      offsetsIssued = addQuantities(offsetsIssued, value.quantity);
    }
  }
  let allocated = 0;
  for (const { value } of await store.list<AllocationRecord>(ObjectType.allocation, [period])) {
    allocated = addQuantities(allocated, value.quantity);
  }
  return {
    period,
    cap,
    allocated,
    allowances: toSupply(head?.issued ?? 0, tallies.allowance),
    offsets: toSupply(offsetsIssued, tallies.offset),
    surrenderedForPeriod,
  };
}
