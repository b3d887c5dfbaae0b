import type { EmissionFactorSet } from '@carbon-ets/contract';
import { api } from '../../api';
import { type LoadState, useLoad } from '../../components/ui';
import { useDebounced } from './useDebounced';
import { ID_PATTERN } from './useCurrentReport';

/** The factor set a report names (`null` until its id and version are typed), read once they have settled. */
export function useFactorSet(id: string, version: string): LoadState<EmissionFactorSet | null> {
  const settledId = useDebounced(id.trim());
  const settledVersion = useDebounced(version.trim());
  return useLoad(async () => {
    if (!ID_PATTERN.test(settledId) || !/^\d+$/.test(settledVersion)) return null;
    return api<EmissionFactorSet>(
      'GET',
      `/api/v1/factor-sets/${encodeURIComponent(settledId)}/${settledVersion}`,
    );
  }, [settledId, settledVersion]);
}
