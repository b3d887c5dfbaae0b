/**
 * `issuance ~ allowance ~ vintage` (how many allowances of a vintage exist) and the free allocation record:
 * declared by the wire contract (`@carbon-ets/contract`), which the auditor's replay reads them back with.
 */
export type { AllocationRecord, IssuanceHead } from '@carbon-ets/contract';
