import { ObjectType } from '../ledger/keys';
import {
  addQuantities,
  obligationCapOf,
  type AllocationRecord,
  type ComplianceCode,
  type CompliancePeriod,
  type ComplianceRecord,
  type ComplianceStatus,
} from '@carbon-ets/contract';
import type { Store } from '../ledger/store';

/** Compliance records and statuses: their schemas are the wire contract's (`@carbon-ets/contract`). */
export type { ComplianceCode, ComplianceRecord, ComplianceStatus };

export async function loadComplianceRecord(
  store: Store,
  period: number,
  installationId: string,
): Promise<ComplianceRecord> {
  return (
    (await store.get<ComplianceRecord>(ObjectType.compliance, [period, installationId])) ?? {
      period,
      installationId,
      surrenderedAllowances: 0,
      surrenderedOffsets: 0,
      carriedShortfall: 0,
    }
  );
}

/** The free allocation of an installation for a period, if it received one. */
export async function loadAllocation(
  store: Store,
  period: number,
  installationId: string,
): Promise<AllocationRecord | undefined> {
  return store.get<AllocationRecord>(ObjectType.allocation, [period, installationId]);
}

/**
 * The allowances an installation keeps of its free allocation: what it was allocated less what it still owes
 * back after a negative true-up (the final allocation once trued up); undefined without an allocation.
 */
export function keptAllocation(allocation: AllocationRecord | undefined): number | undefined {
  return allocation === undefined ? undefined : allocation.quantity - (allocation.returnDue ?? 0);
}

/** The gap cap of an installation for a period (undefined: none), from the period's policy and its allocation. */
export async function loadObligationCap(
  store: Store,
  period: CompliancePeriod,
  installationId: string,
): Promise<number | undefined> {
  if (period.obligationCapBasisPoints === undefined) return undefined;
  const allocation = await loadAllocation(store, period.year, installationId);
  return obligationCapOf(period.obligationCapBasisPoints, keptAllocation(allocation));
}

/** What the installation's own emissions add to its obligation: min(verified emissions, gap cap). */
export function emissionsObligation(verifiedEmissions: number | undefined, obligationCap?: number): number {
  const verified = verifiedEmissions ?? 0;
  return obligationCap === undefined ? verified : Math.min(verified, obligationCap);
}

/**
 * obligation = min(verified emissions, gap cap) + carried shortfall + carried adjustment;
 * balance = surrendered − obligation; code A (covered), B (short) or C (no verified emissions).
 */
export function complianceStatus(record: ComplianceRecord, obligationCap?: number): ComplianceStatus {
  const carriedAdjustment = record.carriedAdjustment ?? 0;
  const obligation = addQuantities(
    addQuantities(emissionsObligation(record.verifiedEmissions, obligationCap), record.carriedShortfall),
    carriedAdjustment,
  );
  const surrendered = addQuantities(record.surrenderedAllowances, record.surrenderedOffsets);
  const balance = surrendered - obligation;
  const code: ComplianceCode = record.verifiedEmissions === undefined ? 'C' : balance >= 0 ? 'A' : 'B';
  return {
    period: record.period,
    installationId: record.installationId,
    verifiedEmissions: record.verifiedEmissions ?? null,
    emissionsSource: record.verifiedEmissions === undefined ? null : (record.emissionsSource ?? 'report'),
    carriedShortfall: record.carriedShortfall,
    carriedAdjustment,
    obligationCap: obligationCap ?? null,
    obligation,
    surrendered,
    surrenderedAllowances: record.surrenderedAllowances,
    surrenderedOffsets: record.surrenderedOffsets,
    borrowedAllowances: record.borrowedAllowances ?? 0,
    balance,
    code,
  };
}
