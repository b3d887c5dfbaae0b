import type { EmissionReport } from '@carbon-ets/contract';
import { Time } from '../../components/ui';

interface Step {
  readonly name: string;
  readonly who: string | undefined;
  readonly at: string | undefined;
  readonly note?: string | undefined;
  readonly failed?: boolean;
}

/** submitted → verified (or rejected) → accepted, for the report's current version, each with who and when. */
function stepsOf(report: EmissionReport): Step[] {
  const submitted: Step = {
    name: report.version > 1 ? `Submitted (version ${report.version})` : 'Submitted',
    who: report.submittedBy,
    at: report.submittedAt,
    note: report.correctionReason,
  };
  if (report.status === 'rejected') {
    return [
      submitted,
      {
        name: 'Rejected',
        who: report.rejection?.by,
        at: report.rejection?.at,
        note: report.rejection?.reason,
        failed: true,
      },
      { name: 'Accepted', who: undefined, at: undefined },
    ];
  }
  const verification = report.verification;
  return [
    submitted,
    {
      name: 'Verified',
      who: verification?.verifier,
      at: verification?.verifiedAt,
      note:
        verification === undefined
          ? undefined
          : `${verification.verifiedEmissionsTonnes.toLocaleString('en-US')} t, ${verification.opinion}${verification.reason !== undefined ? ` — ${verification.reason}` : ''}`,
    },
    { name: 'Accepted', who: report.acceptance?.by, at: report.acceptance?.at },
  ];
}

/** The report's steps side by side: done ones with who and when, the next ones pending. */
export function ReportSteps({ report }: { report: EmissionReport }) {
  return (
    <ol className="stats" aria-label="Steps" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {stepsOf(report).map((step) => (
        <li key={step.name} className="stat">
          <div
            className={
              step.failed === true ? 'value error' : step.at === undefined ? 'value muted' : 'value ok'
            }
          >
            {step.at === undefined ? '○' : step.failed === true ? '✗' : '✓'} {step.name}
          </div>
          {step.at === undefined ? (
            <div className="muted">pending</div>
          ) : (
            <>
              <div>{step.who ?? '–'}</div>
              <div className="muted">
                <Time iso={step.at} />
              </div>
              {step.note !== undefined && <div className="muted">{step.note}</div>}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
