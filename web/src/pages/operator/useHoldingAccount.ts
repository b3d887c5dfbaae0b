import type { Installation } from '@carbon-ets/contract';
import { api } from '../../api';
import { type LoadState, useLoad } from '../../components/ui';
import { useDebounced } from './useDebounced';
import { ID_PATTERN } from './useCurrentReport';

/**
 * The holding account of an installation: from the installations already loaded when it is one of them, else
 * from `GET /installations/{id}` once the typed id has settled. `null` while there is none to show.
 */
export function useHoldingAccount(
  installationId: string,
  known: readonly Installation[] | undefined,
): LoadState<string | null> {
  const id = useDebounced(installationId.trim());
  const listed = known?.find((installation) => installation.id === id);
  return useLoad(async () => {
    if (listed !== undefined) return listed.holdingAccountId ?? null;
    if (known === undefined || !ID_PATTERN.test(id)) return null;
    return (
      (await api<Installation>('GET', `/api/v1/installations/${encodeURIComponent(id)}`)).holdingAccountId ??
      null
    );
  }, [id, listed?.holdingAccountId, known === undefined]);
}
