/** Which report the verifier has open: its period and installation. */
export interface ReportRef {
  readonly period: number;
  readonly installationId: string;
}

/** `/api/v1/reports/{period}/{installationId}`. */
export const reportPath = (ref: ReportRef): string =>
  `/api/v1/reports/${ref.period}/${encodeURIComponent(ref.installationId)}`;

/**
 * Whether verified emissions differ from the computed ones beyond the period's materiality threshold (then the
 * verifier must give a reason): |verified − computed| × 10,000 > threshold × computed, as the chaincode checks.
 */
export function isMaterial(verified: number, computed: number, thresholdBasisPoints: number): boolean {
  return Math.abs(verified - computed) * 10_000 > thresholdBasisPoints * computed;
}
