/** Compliance periods: their schemas are the wire contract's (`@carbon-ets/contract`). */
export {
  DEFAULT_MATERIALITY_THRESHOLD_BASIS_POINTS,
  type Benchmark,
  type CompliancePeriod,
  type Deadlines,
} from '@carbon-ets/contract';
