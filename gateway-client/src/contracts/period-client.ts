import { Period } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type {
  Benchmark,
  BenchmarkSpec,
  CompliancePeriod,
  Deadlines,
  EmissionFactorSet,
  FactorSet,
  FactorSetDefinition,
  FuelFactors,
  PeriodDeadlines,
  PeriodDefinition,
} from '@carbon-ets/contract';

/** `Period`: compliance periods and versioned emission-factor sets (writes: the regulator). */
export const PeriodClient = facadeOf(Period);
export type PeriodClient = Facade<typeof Period>;
