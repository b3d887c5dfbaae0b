import type { CarbonConnection } from '../connect';
import { ContractClient, type ContractClientOptions } from './contract-client';

/** One line of activity data: fuel burnt or grid electricity bought (quantities are decimal strings). */
export type ActivityLine =
  | { readonly kind: 'fuel'; readonly fuel: string; readonly quantity: string; readonly unit: 't' | 'kt' }
  | { readonly kind: 'electricity'; readonly quantity: string; readonly unit: 'MWh' | 'GWh' };

/** A supporting document kept off-chain; the ledger keeps its SHA-256. */
export interface DocumentRef {
  readonly name: string;
  readonly sha256: string;
}

export interface ReportSubmission {
  readonly period: number;
  readonly installationId: string;
  readonly factorSetId: string;
  readonly factorSetVersion: number;
  readonly activity: readonly ActivityLine[];
  readonly documents: readonly DocumentRef[];
}

export interface ReportCorrection extends ReportSubmission {
  readonly reason: string;
}

/** Names the version being acted on, so a verifier never signs off a version it has not seen. */
export interface ReportVersionRef {
  readonly period: number;
  readonly installationId: string;
  readonly version: number;
}

export interface Verification extends ReportVersionRef {
  /**
   * Whole tonnes. Zero is refused for a report whose computed emissions are not zero; a figure further from
   * the computed one than the period's materiality threshold (default 5 %) needs a `reason`.
   */
  readonly verifiedEmissions: number;
  readonly opinion: 'positive' | 'positive-with-comments';
  readonly comment?: string;
  /** Why the verified figure differs from the computed one; stored with the verification. */
  readonly reason?: string;
}

export type ReportStatus = 'submitted' | 'verified' | 'rejected' | 'accepted';

export interface EmissionReport {
  readonly period: number;
  readonly installationId: string;
  readonly entityId: string;
  readonly version: number;
  readonly status: ReportStatus;
  readonly factorSet: { readonly id: string; readonly version: number };
  readonly emissionsKg: number;
  /** Whole tonnes, rounded up: what the operator claims. */
  readonly emissionsTonnes: number;
  readonly submittedAt: string;
  readonly late: boolean;
  readonly verification?: {
    readonly verifiedEmissionsTonnes: number;
    /** Verified − computed (`emissionsTonnes`), whole tonnes. */
    readonly differenceTonnes: number;
    readonly opinion: string;
    readonly comment?: string;
    /** The verifier's reason for the difference, if given. */
    readonly reason?: string;
    readonly verifier: string;
    readonly verifiedAt: string;
  };
  readonly rejection?: { readonly reason: string; readonly by: string; readonly at: string };
  /** What the regulator accepted: the difference verified − computed in tonnes and the verifier's reason. */
  readonly acceptance?: {
    readonly by: string;
    readonly at: string;
    readonly differenceTonnes: number;
    readonly reason?: string;
  };
}

/** `Mrv`: emission reports — submitted by operators, verified by verifiers, accepted by the regulator. */
export class MrvClient extends ContractClient {
  constructor(connection: CarbonConnection, options?: ContractClientOptions) {
    super(connection, 'Mrv', options);
  }

  /** Version 1; the chaincode computes the emissions from the named factor set. */
  submitReport(request: ReportSubmission): Promise<EmissionReport> {
    return this.write('SubmitReport', request);
  }

  /** The next version of a report not yet accepted; it needs verification again. */
  correctReport(request: ReportCorrection): Promise<EmissionReport> {
    return this.write('CorrectReport', request);
  }

  verifyReport(request: Verification): Promise<EmissionReport> {
    return this.write('VerifyReport', request);
  }

  rejectReport(request: ReportVersionRef & { readonly reason: string }): Promise<EmissionReport> {
    return this.write('RejectReport', request);
  }

  /**
   * Verified emissions become the installation's obligation for the period; the answer's `acceptance` shows
   * the difference from the computed emissions and its reason.
   */
  acceptReport(request: ReportVersionRef): Promise<EmissionReport> {
    return this.write('AcceptReport', request);
  }

  /** The current version (earlier ones: the report's history). */
  getReport(period: number, installationId: string): Promise<EmissionReport> {
    return this.read('GetReport', period, installationId);
  }
}
