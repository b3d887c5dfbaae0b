import type { EmissionReport } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Loadable, Num, Outcome, Section, Time, useAction, useLoad } from '../../components/ui';
import { formatTonnes } from '../../format';
import { REPORT_EVENTS, useRefreshOn } from './refresh';

/** Verified reports waiting for the regulator's acceptance, optionally of one period. */
export function ReportsToAccept() {
  const [periodText, setPeriodText] = useState('');
  const typed = periodText.trim();
  const period = /^[0-9]{4}$/.test(typed) ? Number(typed) : undefined;
  const reports = useLoad(
    () =>
      api<{ items: EmissionReport[] }>(
        'GET',
        `/api/v1/reports${period === undefined ? '' : `?period=${period}`}`,
      ).then((answer) => answer.items.filter((report) => report.status === 'verified')),
    [period],
  );
  useRefreshOn(REPORT_EVENTS, () => {
    reports.reload();
  });
  const [accepted, setAccepted] = useState<string | undefined>();
  return (
    <div className="reg-wide">
      <Section title="Reports to accept">
        <form
          className="reg-form"
          onSubmit={(event) => {
            event.preventDefault();
            reports.reload();
          }}
        >
          <div className="row">
            <Field
              label="Reports period"
              name="reports-period"
              value={periodText}
              onChange={setPeriodText}
              inputMode="numeric"
              placeholder="all periods"
              error={
                typed !== '' && period === undefined
                  ? 'Reports period must be a year such as 2025'
                  : undefined
              }
            />
          </div>
        </form>
        <Outcome done={accepted} />
        <Loadable state={reports}>
          {(items) => (
            <ReportTable
              reports={items}
              onAccepted={(report) => {
                setAccepted(
                  `Accepted ${report.installationId}'s ${report.period} report (version ${report.version}): its obligation is ${formatTonnes(report.verification?.verifiedEmissionsTonnes ?? report.emissionsTonnes)}.`,
                );
                reports.reload();
              }}
            />
          )}
        </Loadable>
      </Section>
    </div>
  );
}

function ReportTable({
  reports,
  onAccepted,
}: {
  reports: readonly EmissionReport[];
  onAccepted: (report: EmissionReport) => void;
}) {
  if (reports.length === 0) return <p className="muted">No verified report is waiting for acceptance.</p>;
  return (
    <div className="reg-scroll">
      <table>
        <thead>
          <tr>
            <th>Installation</th>
            <th>Entity</th>
            <th>Period</th>
            <th className="num">Version</th>
            <th className="num">Reported (t)</th>
            <th className="num">Verified (t)</th>
            <th className="num">Difference (t)</th>
            <th>Verifier</th>
            <th>Verified at</th>
            <th>Opinion</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <ReportRow
              key={`${report.period}-${report.installationId}`}
              report={report}
              onAccepted={onAccepted}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportRow({
  report,
  onAccepted,
}: {
  report: EmissionReport;
  onAccepted: (report: EmissionReport) => void;
}) {
  const verification = report.verification;
  const action = useAction(
    () =>
      api<EmissionReport>(
        'POST',
        `/api/v1/reports/${report.period}/${encodeURIComponent(report.installationId)}/acceptance`,
        { version: report.version },
        newRequestId(),
      ),
    onAccepted,
  );
  const difference =
    verification === undefined
      ? undefined
      : (verification.differenceTonnes ?? verification.verifiedEmissionsTonnes - report.emissionsTonnes);
  const notes = [
    verification?.reason === undefined ? undefined : `Reason: ${verification.reason}`,
    verification?.comment === undefined ? undefined : `Comment: ${verification.comment}`,
    report.late ? 'reported late' : undefined,
    verification?.late === true ? 'verified late' : undefined,
  ].filter((note) => note !== undefined);
  return (
    <tr>
      <td>{report.installationId}</td>
      <td>{report.entityId}</td>
      <td>{report.period}</td>
      <Num>{report.version}</Num>
      <Num>{report.emissionsTonnes.toLocaleString('en-US')}</Num>
      <Num>{verification?.verifiedEmissionsTonnes.toLocaleString('en-US') ?? '–'}</Num>
      <Num>
        {difference === undefined ? '–' : difference.toLocaleString('en-US', { signDisplay: 'exceptZero' })}
      </Num>
      <td>{verification?.verifier ?? '–'}</td>
      <td>
        <Time iso={verification?.verifiedAt} />
      </td>
      <td>
        {verification?.opinion ?? '–'}
        {notes.length > 0 && <div className="muted">{notes.join('; ')}</div>}
      </td>
      <td>
        <button
          type="button"
          className="primary"
          disabled={action.busy}
          onClick={() => {
            action.submit();
          }}
        >
          Accept {report.installationId}
        </button>
        <Outcome error={action.formError} />
      </td>
    </tr>
  );
}
