import type { CompliancePeriod, EmissionReport } from '@carbon-ets/contract';
import { api } from '../../api';
import { Loadable, Section, useLoad } from '../../components/ui';
import { useRefreshOnNotice } from '../../notifications';
import { RejectForm } from './RejectForm';
import { ReportContents } from './ReportContents';
import { type ReportRef, reportPath } from './report-ref';
import { VerifyForm } from './VerifyForm';

/** The open report from the ledger, with its period's materiality threshold, and the verify and reject forms. */
export function ReportDetail({ open, onDone }: { open: ReportRef | undefined; onDone: () => void }) {
  const detail = useLoad(async () => {
    if (open === undefined) return null;
    const [report, period] = await Promise.all([
      api<EmissionReport>('GET', reportPath(open)),
      api<CompliancePeriod>('GET', `/api/v1/periods/${open.period}`),
    ]);
    return { report, period };
  }, [open?.period, open?.installationId]);
  useRefreshOnNotice(() => {
    detail.reload();
  });
  const done = () => {
    detail.reload();
    onDone();
  };
  return (
    <Section title="Report detail">
      {open === undefined ? (
        <p className="muted">Open a report of the queue to verify or reject it.</p>
      ) : (
        <Loadable state={detail}>
          {(value) =>
            value?.report.period !== open.period || value.report.installationId !== open.installationId ? (
              <p className="muted">Loading…</p>
            ) : (
              <>
                <ReportContents report={value.report} />
                <VerifyForm
                  key={`verify/${open.period}/${open.installationId}/${value.report.version}`}
                  report={value.report}
                  materialityBasisPoints={value.period.materialityThresholdBasisPoints}
                  onDone={done}
                />
                <RejectForm
                  key={`reject/${open.period}/${open.installationId}/${value.report.version}`}
                  report={value.report}
                  onDone={done}
                />
              </>
            )
          }
        </Loadable>
      )}
    </Section>
  );
}
