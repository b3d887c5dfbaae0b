/** Emission reports: their schemas are the wire contract's (`@carbon-ets/contract`). */
export type { EmissionReport, ReportStatus } from '@carbon-ets/contract';
