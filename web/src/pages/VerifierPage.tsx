import { useState } from 'react';
import { useLoad } from '../components/ui';
import { useRefreshOnNotice } from '../notifications';
import { useUser } from '../session';
import { loadQueue } from './verifier/assignments';
import { ReportDetail } from './verifier/ReportDetail';
import type { ReportRef } from './verifier/report-ref';
import { VerificationQueue } from './verifier/VerificationQueue';

/**
 * The verifier: the queue of submitted reports assigned to the user's verifier entity (and those not yet
 * assigned), and one report's detail to verify or reject.
 */
export function VerifierPage() {
  const { entity } = useUser();
  const reports = useLoad(loadQueue, []);
  useRefreshOnNotice(() => {
    reports.reload();
  });
  const [open, setOpen] = useState<ReportRef | undefined>();
  return (
    <>
      <VerificationQueue reports={reports} entity={entity} open={open} onOpen={setOpen} />
      <ReportDetail
        open={open}
        onDone={() => {
          reports.reload();
        }}
      />
    </>
  );
}
