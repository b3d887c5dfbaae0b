import type { CarbonConnection } from '../connect';
import type { Lot, UnitType } from './allowance-client';
import { ContractClient, type ContractClientOptions } from './contract-client';

/** A (covered), B (short), C (no verified emissions). */
export type ComplianceCode = 'A' | 'B' | 'C';

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
  /** The outcome recorded when the period was closed. */
  readonly final: {
    readonly code: ComplianceCode;
    readonly shortfall: number;
    readonly penalty: string;
    readonly currency: string;
    readonly closedAt: string;
  } | null;
}

export interface SurrenderRequest {
  readonly period: number;
  readonly installationId: string;
  readonly unitType: UnitType;
  readonly quantity: number;
  readonly lotIds?: readonly string[];
}

export interface PeriodClosing {
  readonly period: number;
  readonly totalShortfall: number;
  readonly outcomes: readonly {
    readonly installationId: string;
    readonly code: ComplianceCode;
    readonly shortfall: number;
    /** Minor units, decimal string. */
    readonly penalty: string;
  }[];
}

/** `Compliance`: surrender (operators), status (anyone), closing a period (regulator). */
export class ComplianceClient extends ContractClient {
  constructor(connection: CarbonConnection, options?: ContractClientOptions) {
    super(connection, 'Compliance', options);
  }

  /** Surrendered units go to NATIONAL-DELETION and never move again. */
  surrender(
    request: SurrenderRequest,
  ): Promise<{ readonly status: Omit<ComplianceStatus, 'final'>; readonly lots: readonly Lot[] }> {
    return this.write('Surrender', request);
  }

  /** After the surrender deadline: shortfall, penalty and carry-over for every installation. */
  closePeriod(request: { readonly period: number }): Promise<PeriodClosing> {
    return this.write('ClosePeriod', request);
  }

  /** NOT_FOUND when the period (or the installation) does not exist. */
  getComplianceStatus(period: number, installationId: string): Promise<ComplianceStatus> {
    return this.read('GetComplianceStatus', period, installationId);
  }
}
