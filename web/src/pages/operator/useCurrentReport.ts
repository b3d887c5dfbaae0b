import type { EmissionReport } from '@carbon-ets/contract';
import { api } from '../../api';
import { type LoadState, useLoad } from '../../components/ui';
import { useDebounced } from './useDebounced';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const YEAR_PATTERN = /^\d{4}$/;

/** A report's key as typed in a form: the period and the installation. */
export interface ReportKey {
  readonly period: string;
  readonly installationId: string;
}

/** Whether a key is complete enough to ask the server about. */
export const isReportKey = (key: ReportKey): boolean =>
  YEAR_PATTERN.test(key.period.trim()) && ID_PATTERN.test(key.installationId.trim());

/**
 * The current version of the report with this key, found in the read model's list (which answers an empty list,
 * not an error, while no report exists) and then read from the org's peer, which joins in the activity lines and
 * documents from the enterprise's commercial collection (the read model has only the public report); `null`
 * when there is none. Re-asked after the key has settled.
 */
export function useCurrentReport(key: ReportKey): LoadState<EmissionReport | null> {
  const period = useDebounced(key.period.trim());
  const installationId = useDebounced(key.installationId.trim());
  return useLoad(async () => {
    if (!isReportKey({ period, installationId })) return null;
    const query = new URLSearchParams({ period, installationId });
    const { items } = await api<{ items: EmissionReport[] }>('GET', `/api/v1/reports?${query.toString()}`);
    const current = items[0];
    if (current === undefined) return null;
    return api<EmissionReport>(
      'GET',
      `/api/v1/reports/${current.period}/${encodeURIComponent(current.installationId)}`,
    );
  }, [period, installationId]);
}
