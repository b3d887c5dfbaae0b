import type { EmissionReport, ObjectHistory } from '@carbon-ets/contract';
import { api } from '../../api';
import { Loadable, type LoadState, Section, useLoad } from '../../components/ui';
import { ReportSteps } from './ReportSteps';
import { ReportVersions } from './ReportVersions';
import type { ReportKey } from './useCurrentReport';

interface Timeline {
  readonly report: EmissionReport;
  readonly history: ObjectHistory;
}

/**
 * The report named in the form above, from the ledger: its steps (submitted → verified → accepted, with who and
 * when) and every version the ledger kept, with the transaction that wrote it.
 */
export function ReportTimeline({
  reportKey,
  current,
}: {
  reportKey: ReportKey;
  current: LoadState<EmissionReport | null>;
}) {
  const exists = current.value !== undefined && current.value !== null;
  const path = `${encodeURIComponent(reportKey.period.trim())}/${encodeURIComponent(reportKey.installationId.trim())}`;
  const timeline = useLoad<Timeline | null>(async () => {
    if (!exists) return null;
    const [report, history] = await Promise.all([
      api<EmissionReport>('GET', `/api/v1/reports/${path}`),
      api<ObjectHistory>('GET', `/api/v1/history/report/${path}`),
    ]);
    return { report, history };
  }, [exists, path, current.value?.version, current.value?.status]);
  return (
    <Section title="Report timeline">
      <p className="muted">
        Report {reportKey.period || '…'} of {reportKey.installationId || '…'}
      </p>
      {current.value === null ? (
        <p className="muted">No report for this period and installation yet.</p>
      ) : (
        <Loadable state={timeline}>
          {(value) =>
            value === null ? (
              <p className="muted">Loading…</p>
            ) : (
              <>
                <ReportSteps report={value.report} />
                <ReportVersions history={value.history.history} />
              </>
            )
          }
        </Loadable>
      )}
    </Section>
  );
}
