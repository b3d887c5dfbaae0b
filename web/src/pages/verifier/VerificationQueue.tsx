import type { EmissionReport } from '@carbon-ets/contract';
import { api } from '../../api';
import { Loadable, type LoadState, Num, Section, Time } from '../../components/ui';
import { formatTonnes } from '../../format';
import type { ReportRef } from './report-ref';
import { SCROLL_X } from '../operator/form-layout';

/** The submitted reports, newest period first, each installation's newest first. */
export function queueOf(reports: readonly EmissionReport[]): EmissionReport[] {
  return reports
    .filter((report) => report.status === 'submitted')
    .sort((a, b) => b.period - a.period || a.installationId.localeCompare(b.installationId));
}

/** Loads every report's current version (the queue is those still `submitted`). */
export const loadReports = (): Promise<EmissionReport[]> =>
  api<{ items: EmissionReport[] }>('GET', '/api/v1/reports').then((answer) => answer.items);

/**
 * The reports waiting for verification. An installation's newest waiting report opens with "Open <installation>";
 * an older period's report of the same installation names its period, so every button's name is its own.
 */
export function VerificationQueue({
  reports,
  open,
  onOpen,
}: {
  reports: LoadState<EmissionReport[]>;
  open: ReportRef | undefined;
  onOpen: (ref: ReportRef) => void;
}) {
  return (
    <Section title="Reports to verify">
      <Loadable state={reports}>
        {(items) => {
          if (queueOf(items).length === 0)
            return <p className="muted">No reports waiting for verification.</p>;
          const seen = new Set<string>();
          return (
            <div style={SCROLL_X}>
              <table>
                <thead>
                  <tr>
                    <th>Period</th>
                    <th>Installation</th>
                    <th>Entity</th>
                    <th className="num">Version</th>
                    <th className="num">Computed</th>
                    <th>Submitted</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {queueOf(items).map((report) => {
                    const first = !seen.has(report.installationId);
                    seen.add(report.installationId);
                    const isOpen =
                      open?.period === report.period && open.installationId === report.installationId;
                    return (
                      <tr key={`${report.period}/${report.installationId}`}>
                        <td>{report.period}</td>
                        <td>{report.installationId}</td>
                        <td>{report.entityId}</td>
                        <Num>{report.version}</Num>
                        <Num>{formatTonnes(report.emissionsTonnes)}</Num>
                        <td>
                          <Time iso={report.submittedAt} />
                          {report.late && <span className="error"> late</span>}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="secondary"
                            aria-label={
                              first
                                ? `Open ${report.installationId}`
                                : `Open the ${report.period} report of ${report.installationId}`
                            }
                            onClick={() => {
                              onOpen({ period: report.period, installationId: report.installationId });
                            }}
                          >
                            {isOpen ? 'Opened' : 'Open'}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          );
        }}
      </Loadable>
    </Section>
  );
}
