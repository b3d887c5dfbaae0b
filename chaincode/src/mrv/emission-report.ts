import type { ActivityLine, DocumentRef } from './activity';

/** submitted → verified → accepted, or submitted/verified → rejected → (correction) submitted. */
export type ReportStatus = 'submitted' | 'verified' | 'rejected' | 'accepted';

/**
 * The annual emissions report of one installation for one period: `report ~ period ~ installationId`. A
 * correction replaces it with the next version; earlier versions stay in the key's history.
 */
export interface EmissionReport {
  readonly period: number;
  readonly installationId: string;
  readonly entityId: string;
  readonly version: number;
  readonly status: ReportStatus;
  readonly factorSet: { readonly id: string; readonly version: number };
  readonly activity: readonly ActivityLine[];
  readonly documents: readonly DocumentRef[];
  /** Per line, whole kg (rounded half-up). */
  readonly lineEmissionsKg: readonly number[];
  readonly emissionsKg: number;
  /** Whole tonnes, rounded up: what the operator claims. */
  readonly emissionsTonnes: number;
  readonly submittedAt: string;
  readonly submittedBy: string;
  /** Submitted (this version) after the period's reportBy deadline. */
  readonly late: boolean;
  readonly correctionReason?: string;
  readonly verification?: {
    readonly verifiedEmissionsTonnes: number;
    /** verifiedEmissionsTonnes − emissionsTonnes (negative when the verifier found less). */
    readonly differenceTonnes: number;
    readonly opinion: 'positive' | 'positive-with-comments';
    readonly comment?: string;
    /** Why the verified figure differs; required when the difference exceeds the period's materiality. */
    readonly reason?: string;
    readonly verifier: string;
    readonly verifiedAt: string;
    readonly late: boolean;
  };
  readonly rejection?: { readonly reason: string; readonly by: string; readonly at: string };
  readonly acceptance?: {
    readonly by: string;
    readonly at: string;
    /** The difference accepted: verified − computed emissions, in tonnes. */
    readonly differenceTonnes: number;
    /** The verifier's reason for it, if one was given. */
    readonly reason?: string;
  };
}
