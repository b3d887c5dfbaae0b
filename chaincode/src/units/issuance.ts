/**
 * `issuance ~ allowance ~ vintage`: how many allowances of a vintage exist. Written only by issuance, a
 * regulator transaction checked against the cap, where concurrent writers *should* conflict (the cap is one
 * shared limit). Serials of a vintage run 1..issued.
 */
export interface IssuanceHead {
  readonly vintage: number;
  readonly issued: number;
}

export type { AllocationRecord } from '@carbon-ets/contract';
