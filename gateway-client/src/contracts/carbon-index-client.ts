import { CarbonIndex } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type {
  CarbonIndexPolicy,
  CarbonIndexRanking,
  CarbonIndexRankingRow,
  CarbonIndexSummary,
  InstallationCarbonIndex,
  MonthlyEmissions,
  MonthlyEnergy,
  MonthlyEnergyRequest,
} from '@carbon-ets/contract';

/** `CarbonIndex`: monthly energy use of installations, their carbon index and the period's ranking. */
export const CarbonIndexClient = facadeOf(CarbonIndex);
export type CarbonIndexClient = Facade<typeof CarbonIndex>;
