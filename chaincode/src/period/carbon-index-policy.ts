import {
  FUEL_SOURCES,
  notFound,
  type CarbonIndexPolicy,
  type ParsedRequestOf,
  type Period,
} from '@carbon-ets/contract';
import type { Store } from '../ledger/store';
import { requireFactorSet } from './period-reads';

type PolicyRequest = NonNullable<ParsedRequestOf<typeof Period.createPeriod>['carbonIndex']>;

/**
 * A period's carbon-index policy from its request, checked now so that no month can later fail on it: the
 * factor set version is published (it never changes afterwards) and has every fuel the sources name.
 */
export async function carbonIndexPolicyOf(
  store: Store,
  request: PolicyRequest | undefined,
): Promise<CarbonIndexPolicy | undefined> {
  if (request === undefined) return undefined;
  const factorSet = await requireFactorSet(store, request.factorSetId, request.factorSetVersion);
  for (const source of FUEL_SOURCES) {
    const fuel = request.fuels[source];
    if (factorSet.fuels[fuel] === undefined) {
      throw notFound(
        `carbonIndex.fuels.${source}: fuel ${fuel} is not in emission factor set ${factorSet.id} version ${factorSet.version}; publish it there or name another fuel`,
      );
    }
  }
  return {
    factorSetId: request.factorSetId,
    factorSetVersion: request.factorSetVersion,
    fuels: { coal: request.fuels.coal, oil: request.fuels.oil, gas: request.fuels.gas },
    ...(request.thresholdBasisPoints === undefined
      ? {}
      : { thresholdBasisPoints: request.thresholdBasisPoints }),
  };
}
