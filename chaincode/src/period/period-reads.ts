import {
  DEFAULT_BORROWING_LIMIT_BASIS_POINTS,
  DEFAULT_OVER_SURRENDER,
  failedPrecondition,
} from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { DEFAULT_MATERIALITY_THRESHOLD_BASIS_POINTS, type CompliancePeriod } from './compliance-period';
import type { EmissionFactorSet } from './emission-factors';

export async function requirePeriod(store: Store, year: number): Promise<CompliancePeriod> {
  const stored = await store.require<Partial<Pick<CompliancePeriod, 'materialityThresholdBasisPoints'>>>(
    ObjectType.period,
    [year],
    `compliance period ${year}`,
  );
  // A period created before the materiality threshold (or the compliance policy) was part of a period has the
  // defaults: today's behaviour.
  return {
    materialityThresholdBasisPoints: DEFAULT_MATERIALITY_THRESHOLD_BASIS_POINTS,
    borrowingLimitBasisPoints: DEFAULT_BORROWING_LIMIT_BASIS_POINTS,
    overSurrender: DEFAULT_OVER_SURRENDER,
    ...stored,
  } as CompliancePeriod;
}

/** A period that still accepts reports, allocations and surrenders (not once its closing has begun). */
export async function requireOpenPeriod(store: Store, year: number): Promise<CompliancePeriod> {
  const period = await requirePeriod(store, year);
  if (period.status !== 'open') {
    throw failedPrecondition(`compliance period ${year} is ${period.status}`);
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
