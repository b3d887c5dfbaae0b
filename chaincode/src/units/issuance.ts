/**
 * `issuance ~ allowance ~ vintage`: how many allowances of a vintage exist. Written only by issuance, a
 * regulator transaction checked against the cap, where concurrent writers *should* conflict (the cap is one
 * shared limit). Serials of a vintage run 1..issued.
 */
export interface IssuanceHead {
  readonly vintage: number;
  readonly issued: number;
}

/**
 * `allocation ~ period ~ installationId`: the one free allocation of an installation for a period, written once;
 * its key is what refuses a second allocation.
 */
export interface AllocationRecord {
  readonly period: number;
  readonly installationId: string;
  readonly accountId: string;
  readonly quantity: number;
  readonly method: 'explicit' | 'benchmark';
  readonly benchmark?: {
    readonly id: string;
    readonly value: string;
    readonly output: string;
    readonly correctionFactors: readonly string[];
  };
  readonly txId: string;
  readonly allocatedAt: string;
}
