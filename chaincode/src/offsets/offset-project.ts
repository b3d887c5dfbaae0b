import type { MonitoringPeriod } from './monitoring-period';

/** A registered emission-reduction project (CCER-like) whose verified reductions become offset credits. */
export interface OffsetProject {
  readonly id: string;
  readonly name: string;
  readonly methodology: string;
  /** The entity credits are issued to. */
  readonly ownerEntityId: string;
  readonly registeredAt: string;
}

/**
 * `offsetIssuance ~ projectId ~ vintage ~ monitoringPeriod`: one issuance of credits (write once). Each new
 * issuance is checked against all of the project's issuances: its monitoring period shares no day with theirs,
 * whatever vintage they carry, and its serial block overlaps none of theirs.
 */
export interface OffsetIssuance {
  readonly projectId: string;
  /** Always the calendar year in which `monitoringPeriod` ends (see `vintageOf`). */
  readonly vintage: number;
  readonly monitoringPeriod: MonitoringPeriod;
  readonly serialStart: number;
  readonly serialEnd: number;
  readonly quantity: number;
  readonly accountId: string;
  readonly lotId: string;
  readonly issuedAt: string;
  readonly txId: string;
}

/** The key part naming a monitoring period: `2024-01-01_2024-12-31`. */
export function monitoringPeriodKey(from: string, to: string): string {
  return `${from.slice(0, 10)}_${to.slice(0, 10)}`;
}
