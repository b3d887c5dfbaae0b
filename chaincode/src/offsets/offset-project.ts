/**
 * A registered offset project and one issuance of its credits (`offsetIssuance ~ projectId ~ vintage ~
 * monitoringPeriod`, write once): declared by the wire contract (`@carbon-ets/contract`).
 */
export type { OffsetIssuance, OffsetProject } from '@carbon-ets/contract';

/** The key part naming a monitoring period: `2024-01-01_2024-12-31`. */
export function monitoringPeriodKey(from: string, to: string): string {
  return `${from.slice(0, 10)}_${to.slice(0, 10)}`;
}
