import type { EmissionReport } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { reportPath } from './report-ref';
import { FORM_LAYOUT } from '../operator/form-layout';

/** Rejects the report's current version (submitted or verified) with a reason; the operator may then correct it. */
export function RejectForm({ report, onDone }: { report: EmissionReport; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const reject = useAction(
    () =>
      api<EmissionReport>(
        'POST',
        `${reportPath(report)}/rejection`,
        { version: report.version, reason: reason.trim() },
        newRequestId(),
      ),
    onDone,
  );
  const open = report.status === 'submitted' || report.status === 'verified';
  return (
    <form
      style={FORM_LAYOUT}
      aria-label="Rejection"
      onSubmit={(event) => {
        reject.submit(event, (answer) => `Rejected version ${answer.version}.`);
      }}
    >
      <Field
        label="Rejection reason"
        name="rejection-reason"
        value={reason}
        onChange={setReason}
        error={reject.fieldError('reason')}
      />
      <Outcome error={reject.formError} done={reject.done} />
      <div>
        <button type="submit" style={{ background: 'var(--danger)' }} disabled={reject.busy || !open}>
          Reject
        </button>
      </div>
    </form>
  );
}
