import { Loadable, type LoadState, Num, Section, Time } from '../../components/ui';
import { formatTonnes } from '../../format';
import { type QueuedReport, visibleTo } from './assignments';
import type { ReportRef } from './report-ref';
import { SCROLL_X } from '../operator/form-layout';

/**
 * The reports waiting for verification by the user's verifier entity, and those no verifier is assigned to yet
 * (marked, without an Open button: the regulator assigns a verifier first). An installation's newest report
 * opens with "Open <installation>"; an older period's report of the same installation names its period, so
 * every button's name is its own.
 */
export function VerificationQueue({
  reports,
  entity,
  open,
  onOpen,
}: {
  reports: LoadState<QueuedReport[]>;
  /** The user's verifier entity (`carbon.entity`). */
  entity: string | undefined;
  open: ReportRef | undefined;
  onOpen: (ref: ReportRef) => void;
}) {
  return (
    <Section title="Reports to verify">
      <Loadable state={reports}>
        {(queue) => {
          const items = visibleTo(queue, entity);
          if (items.length === 0) return <p className="muted">No reports waiting for verification.</p>;
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
                    <th>Assigned</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {items.map(({ report, assignedTo }) => {
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
                          {assignedTo ?? (
                            <span className="error">unassigned: the regulator assigns a verifier</span>
                          )}
                        </td>
                        <td>
                          {assignedTo !== undefined && (
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
                          )}
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
