import type { EmissionReport } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Select, useAction } from '../../components/ui';
import { formatTonnes } from '../../format';
import { isMaterial, reportPath } from './report-ref';
import { FORM_LAYOUT } from '../operator/form-layout';

const OPINIONS = ['positive', 'positive-with-comments'] as const;

/**
 * Verifies the report's current version: the verified emissions (prefilled with the computed tonnes), an
 * opinion, and a reason when the figure differs from the computed one beyond the period's materiality.
 */
export function VerifyForm({
  report,
  materialityBasisPoints,
  onDone,
}: {
  report: EmissionReport;
  materialityBasisPoints: number | undefined;
  onDone: () => void;
}) {
  const [emissions, setEmissions] = useState(String(report.emissionsTonnes));
  const [opinion, setOpinion] = useState<string>('positive');
  const [reason, setReason] = useState('');
  const [comment, setComment] = useState('');
  const verify = useAction(
    () =>
      api<EmissionReport>(
        'POST',
        `${reportPath(report)}/verification`,
        {
          version: report.version,
          verifiedEmissions: /^\s*\d+\s*$/.test(emissions) ? Number(emissions) : emissions.trim(),
          opinion,
          ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
          ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
        },
        newRequestId(),
      ),
    onDone,
  );
  const verified = /^\s*\d+\s*$/.test(emissions) ? Number(emissions) : undefined;
  const threshold = materialityBasisPoints ?? 500;
  const material = verified !== undefined && isMaterial(verified, report.emissionsTonnes, threshold);
  const open = report.status === 'submitted';
  return (
    <form
      style={FORM_LAYOUT}
      aria-label="Verification"
      onSubmit={(event) => {
        verify.submit(
          event,
          (answer) =>
            `Verified version ${answer.version}: ${formatTonnes(answer.verification?.verifiedEmissionsTonnes ?? 0)}, ${answer.verification?.opinion ?? opinion}.`,
        );
      }}
    >
      <div className="row">
        <Field
          label="Verified emissions (t)"
          name="verified-emissions"
          value={emissions}
          onChange={setEmissions}
          inputMode="numeric"
          suffix="t"
          error={verify.fieldError('verifiedEmissions')}
        />
        <Select label="Opinion" name="opinion" value={opinion} options={OPINIONS} onChange={setOpinion} />
      </div>
      <p className={material ? 'error' : 'muted'}>
        {verified === undefined
          ? 'Whole tonnes.'
          : verified === report.emissionsTonnes
            ? 'Same as computed.'
            : `${verified > report.emissionsTonnes ? '+' : ''}${(verified - report.emissionsTonnes).toLocaleString('en-US')} t from the computed ${formatTonnes(report.emissionsTonnes)}${material ? `: beyond the ${threshold / 100} % materiality threshold, a reason is needed` : `, within the ${threshold / 100} % materiality threshold`}.`}
      </p>
      <Field
        label="Reason"
        name="verification-reason"
        value={reason}
        onChange={setReason}
        error={verify.fieldError('reason')}
      />
      <Field
        label="Comment"
        name="verification-comment"
        value={comment}
        onChange={setComment}
        error={verify.fieldError('comment')}
      />
      <Outcome error={verify.formError} done={verify.done} />
      {!open && verify.done === undefined && (
        <p className="muted">Only a submitted report can be verified.</p>
      )}
      <div>
        <button type="submit" disabled={verify.busy || !open}>
          Verify
        </button>
      </div>
    </form>
  );
}
