import { ObjectType } from '../ledger/keys';
import { addQuantities } from '../ledger/quantity';
import type { Store } from '../ledger/store';

/** A (covered), B (short: surrendered less than owed), C (no verified emissions). */
export type ComplianceCode = 'A' | 'B' | 'C';

/**
 * `compliance ~ period ~ installationId`: what an installation owes and has surrendered for a period. Written
 * by the regulator's acceptance of verified emissions, the operator's surrenders and the period's closing.
 */
export interface ComplianceRecord {
  readonly period: number;
  readonly installationId: string;
  /** Accepted verified emissions in whole tonnes; absent until the regulator accepts a report. */
  readonly verifiedEmissions?: number;
  readonly surrenderedAllowances: number;
  readonly surrenderedOffsets: number;
  /** Shortfall carried from the previous period's closing, added to this period's obligation. */
  readonly carriedShortfall: number;
  /** Set when the period is closed. */
  readonly final?: {
    readonly code: ComplianceCode;
    readonly shortfall: number;
    /** shortfall × penalty per tonne, in minor units, as a decimal string (may exceed 2^53). */
    readonly penalty: string;
    readonly currency: string;
    readonly closedAt: string;
  };
}

/** The computed status a client sees. */
export interface ComplianceStatus {
  readonly period: number;
  readonly installationId: string;
  readonly verifiedEmissions: number | null;
  readonly carriedShortfall: number;
  readonly obligation: number;
  readonly surrendered: number;
  readonly surrenderedAllowances: number;
  readonly surrenderedOffsets: number;
  /** surrendered − obligation (negative when short). */
  readonly balance: number;
  readonly code: ComplianceCode;
}

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

/** balance = surrendered − (verified emissions + carried shortfall); code A, B or C. */
export function complianceStatus(record: ComplianceRecord): ComplianceStatus {
  const obligation = addQuantities(record.verifiedEmissions ?? 0, record.carriedShortfall);
  const surrendered = addQuantities(record.surrenderedAllowances, record.surrenderedOffsets);
  const balance = surrendered - obligation;
  const code: ComplianceCode = record.verifiedEmissions === undefined ? 'C' : balance >= 0 ? 'A' : 'B';
  return {
    period: record.period,
    installationId: record.installationId,
    verifiedEmissions: record.verifiedEmissions ?? null,
    carriedShortfall: record.carriedShortfall,
    obligation,
    surrendered,
    surrenderedAllowances: record.surrenderedAllowances,
    surrenderedOffsets: record.surrenderedOffsets,
    balance,
    code,
  };
}
