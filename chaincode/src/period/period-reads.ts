import { failedPrecondition } from '../errors';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import type { CompliancePeriod } from './compliance-period';
import type { EmissionFactorSet } from './emission-factors';

export function requirePeriod(store: Store, year: number): Promise<CompliancePeriod> {
  return store.require<CompliancePeriod>(ObjectType.period, [year], `compliance period ${year}`);
}

/** A period that still accepts reports, allocations and surrenders. */
export async function requireOpenPeriod(store: Store, year: number): Promise<CompliancePeriod> {
  const period = await requirePeriod(store, year);
  if (period.status !== 'open') {
    throw failedPrecondition(`compliance period ${year} is closed`);
  }
  return period;
}

/** Factor-set versions are zero-padded in keys so a range scan lists them in order. */
export function versionKey(version: number): string {
  return String(version).padStart(6, '0');
}

export function requireFactorSet(store: Store, id: string, version: number): Promise<EmissionFactorSet> {
  return store.require<EmissionFactorSet>(
    ObjectType.factorSet,
    [id, versionKey(version)],
    `emission factor set ${id} version ${version}`,
  );
}
