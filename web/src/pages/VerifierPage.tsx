import { useState } from 'react';
import { useLoad } from '../components/ui';
import { useRefreshOnNotice } from '../notifications';
import { ReportDetail } from './verifier/ReportDetail';
import type { ReportRef } from './verifier/report-ref';
import { loadReports, VerificationQueue } from './verifier/VerificationQueue';

/** The verifier: the queue of submitted reports, and one report's detail to verify or reject. */
export function VerifierPage() {
  const reports = useLoad(loadReports, []);
  useRefreshOnNotice(() => {
    reports.reload();
  });
  const [open, setOpen] = useState<ReportRef | undefined>();
  return (
    <>
      <VerificationQueue reports={reports} open={open} onOpen={setOpen} />
      <ReportDetail
        open={open}
        onDone={() => {
          reports.reload();
        }}
      />
    </>
  );
}
