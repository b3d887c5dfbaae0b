import { ObjectType } from '../ledger/keys';
import { addQuantities, type SupplySummary, type UnitSupply } from '@carbon-ets/contract';
import type { Store } from '../ledger/store';
import { isNational, type Account } from '../registry/account';
import type { OffsetIssuance } from '../offsets/offset-project';
import type { AllocationRecord, IssuanceHead } from '../units/issuance';
import type { Lot, UnitType } from '../units/lot';
import type { CompliancePeriod } from '../period/compliance-period';

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

/** What one period's summary is built from while the lots are scanned. */
interface PeriodTally {
  cap: number | null;
  allocated: number;
  allowancesIssued: number;
  offsetsIssued: number;
  units: Record<UnitType, Tally>;
  surrenderedForPeriod: { allowances: number; offsets: number };
}

/**
 * Supply is derived by scanning every lot: totals are never stored as hot keys (they would make every transfer
 * conflict), so they are computed here, in a query.
 *
 * The supply summaries of every period the ledger knows — defined, allocated, issued, holding lots of its vintage
 * or having units surrendered against it — in one scan of the lots, by period; or of `only` that period. An
 * auditor's reconciliation needs them all, and one scan per period would read every lot as often as there are
 * periods.
 */
export async function supplySummaries(store: Store, only?: number): Promise<SupplySummary[]> {
  const wanted = (period: number) => only === undefined || period === only;
  const periods = new Map<number, PeriodTally>();
  const at = (period: number): PeriodTally => {
    let tally = periods.get(period);
    if (tally === undefined) {
      tally = {
        cap: null,
        allocated: 0,
        allowancesIssued: 0,
        offsetsIssued: 0,
        // Green certificates are counted, not reported: they are no part of the compliance supply.
        units: { allowance: emptyTally(), offset: emptyTally(), greenCertificate: emptyTally() },
        surrenderedForPeriod: { allowances: 0, offsets: 0 },
      };
      periods.set(period, tally);
    }
    return tally;
  };
  if (only !== undefined) at(only);

  const accounts = new Map<string, Account>();
  for (const { value } of await store.list<Account>(ObjectType.account, [])) {
    accounts.set(value.id, value);
  }
  for (const { value: lot } of await store.list<Lot>(ObjectType.lot, [])) {
    const surrenderedFor = lot.surrender?.period;
    if (surrenderedFor !== undefined && wanted(surrenderedFor)) {
      const counted = at(surrenderedFor).surrenderedForPeriod;
      const field = lot.unitType === 'allowance' ? 'allowances' : 'offsets';
      counted[field] = addQuantities(counted[field], lot.quantity);
    }
    if (!wanted(lot.vintage)) continue;
    const tally = at(lot.vintage).units[lot.unitType];
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
  const heads =
    only === undefined
      ? (await store.list<IssuanceHead>(ObjectType.issuance, ['allowance'])).map((kv) => kv.value)
      : [await store.get<IssuanceHead>(ObjectType.issuance, ['allowance', only])];
  for (const head of heads) {
    if (head !== undefined && wanted(head.vintage)) at(head.vintage).allowancesIssued = head.issued;
  }
  for (const { value } of await store.list<OffsetIssuance>(ObjectType.offsetIssuance, [])) {
    if (wanted(value.vintage)) {
      const tally = at(value.vintage);
      tally.offsetsIssued = addQuantities(tally.offsetsIssued, value.quantity);
    }
  }
  for (const { value } of await store.list<AllocationRecord>(
    ObjectType.allocation,
    only === undefined ? [] : [only],
  )) {
    const tally = at(value.period);
    tally.allocated = addQuantities(tally.allocated, value.quantity);
  }
  const definitions =
    only === undefined
      ? (await store.list<CompliancePeriod>(ObjectType.period, [])).map((kv) => kv.value)
      : [await store.get<CompliancePeriod>(ObjectType.period, [only])];
  for (const definition of definitions) {
    if (definition !== undefined) at(definition.year).cap = definition.cap;
  }
  return [...periods.entries()]
    .sort(([a], [b]) => a - b)
    .map(([period, tally]) => ({
      period,
      cap: tally.cap,
      allocated: tally.allocated,
      allowances: toSupply(tally.allowancesIssued, tally.units.allowance),
      offsets: toSupply(tally.offsetsIssued, tally.units.offset),
      surrenderedForPeriod: tally.surrenderedForPeriod,
    }));
}
