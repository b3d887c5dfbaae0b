import type { EmissionReport } from '@carbon-ets/contract';

/** What made one version of a report what it is: its status, who did it, when, and anything they said. */
export interface ReportAction {
  readonly status: EmissionReport['status'];
  readonly who: string | undefined;
  readonly at: string | undefined;
  readonly note: string | undefined;
}

/** The action behind a report version: submission (or correction), verification, rejection or acceptance. */
export function actionOf(report: EmissionReport): ReportAction {
  switch (report.status) {
    case 'verified':
      return {
        status: 'verified',
        who: report.verification?.verifier,
        at: report.verification?.verifiedAt,
        note: report.verification?.reason ?? report.verification?.comment,
      };
    case 'rejected':
      return {
        status: 'rejected',
        who: report.rejection?.by,
        at: report.rejection?.at,
        note: report.rejection?.reason,
      };
    case 'accepted':
      return {
        status: 'accepted',
        who: report.acceptance?.by,
        at: report.acceptance?.at,
        note: report.acceptance?.reason,
      };
    case 'submitted':
      return {
        status: 'submitted',
        who: report.submittedBy,
        at: report.submittedAt,
        note: report.version > 1 ? `correction: ${report.correctionReason ?? ''}` : undefined,
      };
  }
}

/** Whether a value looks like a report (so its versions can say who did what). */
export function isReport(value: unknown): value is EmissionReport {
  return (
    typeof value === 'object' &&
    value !== null &&
    'submittedBy' in value &&
    'status' in value &&
    'installationId' in value
  );
}
