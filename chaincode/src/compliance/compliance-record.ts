import { ObjectType } from '../ledger/keys';
import {
  addQuantities,
  type ComplianceCode,
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
