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
 * `offsetIssuance ~ projectId ~ vintage ~ monitoringPeriod`: one issuance of credits. Its key makes a second
 * issuance for the same project, vintage and monitoring period impossible; its serial block is checked against
 * the project's other issuances so serials never overlap.
 */
export interface OffsetIssuance {
  readonly projectId: string;
  readonly vintage: number;
  readonly monitoringPeriod: { readonly from: string; readonly to: string };
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
