import type { EmissionReport } from '@carbon-ets/contract';
import { api } from '../../api';
import { Loadable, Num, Section, Time, useLoad } from '../../components/ui';
import { formatTonnes } from '../../format';
import { useRefreshOnNotice } from '../../notifications';
import { SCROLL_X } from './form-layout';

/** The entity's reports (current versions); opening one puts it in the report form and its timeline. */
export function MyReportsSection({ onOpen }: { onOpen: (report: EmissionReport) => void }) {
  const reports = useLoad(
    () => api<{ items: EmissionReport[] }>('GET', '/api/v1/reports').then((answer) => answer.items),
    [],
  );
  useRefreshOnNotice(() => {
    reports.reload();
  });
  return (
    <Section title="My reports">
      <Loadable state={reports} empty={(items) => items.length === 0}>
        {(items) => (
          <div style={SCROLL_X}>
            <table>
              <thead>
                <tr>
                  <th>Period</th>
                  <th>Installation</th>
                  <th className="num">Version</th>
                  <th>Status</th>
                  <th className="num">Computed</th>
                  <th className="num">Verified</th>
                  <th>Submitted</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {[...items]
                  .sort((a, b) => b.period - a.period || a.installationId.localeCompare(b.installationId))
                  .map((report) => (
                    <tr key={`${report.period}/${report.installationId}`}>
                      <td>{report.period}</td>
                      <td>{report.installationId}</td>
                      <Num>{report.version}</Num>
                      <td>
                        {report.status}
                        {report.late ? ' (late)' : ''}
                      </td>
                      <Num>{formatTonnes(report.emissionsTonnes)}</Num>
                      <Num>
                        {report.verification === undefined
                          ? '–'
                          : formatTonnes(report.verification.verifiedEmissionsTonnes)}
                      </Num>
                      <td>
                        <Time iso={report.submittedAt} />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`Open the ${report.period} report of ${report.installationId}`}
                          onClick={() => {
                            onOpen(report);
                          }}
                        >
                          Open
                        </button>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </Loadable>
    </Section>
  );
}
