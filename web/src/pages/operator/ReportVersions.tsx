import type { EmissionReport, HistoryEntry } from '@carbon-ets/contract';
import { Num, Time } from '../../components/ui';
import { formatTonnes } from '../../format';
import { actionOf, isReport } from './report-steps';
import { SCROLL_X } from './form-layout';

/** Every committed version of the report, oldest first: status, who, when, and the transaction that wrote it. */
export function ReportVersions({ history }: { history: readonly HistoryEntry[] }) {
  const versions = [...history].reverse();
  return (
    <div style={SCROLL_X}>
      <table aria-label="Versions">
        <thead>
          <tr>
            <th>Status</th>
            <th className="num">Version</th>
            <th className="num">Emissions</th>
            <th>Who</th>
            <th>When</th>
            <th>Transaction</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((entry) => {
            const report: EmissionReport | undefined = isReport(entry.value) ? entry.value : undefined;
            const action = report === undefined ? undefined : actionOf(report);
            return (
              <tr key={entry.txId}>
                <td>
                  {action?.status ?? (entry.isDelete ? 'deleted' : '–')}
                  {action?.note !== undefined && <div className="muted">{action.note}</div>}
                </td>
                <Num>{report?.version ?? '–'}</Num>
                <Num>
                  {report === undefined
                    ? '–'
                    : formatTonnes(report.verification?.verifiedEmissionsTonnes ?? report.emissionsTonnes)}
                </Num>
                <td>{action?.who ?? '–'}</td>
                <td>
                  <Time iso={entry.timestamp} />
                </td>
                <td>
                  <code title={entry.txId}>{entry.txId.slice(0, 12)}…</code>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
