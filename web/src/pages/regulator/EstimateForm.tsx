import type { ComplianceStatus } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { formatTonnes } from '../../format';
import { otherError, required, segment, wholeTonnes, year } from './forms';
import { statusText } from './status-text';

const SHOWN = ['period', 'installationId', 'estimatedEmissions', 'reason'];

/**
 * After the reporting deadline, sets a conservative estimate for an installation without an accepted report: it
 * counts as its verified emissions.
 */
export function EstimateForm() {
  const [period, setPeriod] = useState('');
  const [installationId, setInstallationId] = useState('');
  const [emissions, setEmissions] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction(() => {
    const path = `/api/v1/periods/${year(period, 'period', 'Estimate period')}/compliance/${segment(
      required(installationId, 'installationId', 'Estimate installation'),
    )}/estimate`;
    const request = {
      estimatedEmissions: wholeTonnes(emissions, 'estimatedEmissions', 'Estimated emissions'),
      reason: required(reason, 'reason', 'Estimate reason'),
    };
    return api<ComplianceStatus>('PUT', path, request, newRequestId());
  });
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        action.submit(
          event,
          (status) =>
            `Estimate set for ${status.installationId} in ${status.period}: ${formatTonnes(status.verifiedEmissions ?? 0)}; ${statusText(status)}.`,
        );
      }}
    >
      <h3>Estimate</h3>
      <div className="row">
        <Field
          label="Estimate period"
          name="estimate-period"
          value={period}
          onChange={setPeriod}
          inputMode="numeric"
          placeholder="2025"
          error={action.fieldError('period')}
        />
        <Field
          label="Estimate installation"
          name="estimate-installation"
          value={installationId}
          onChange={setInstallationId}
          error={action.fieldError('installationId')}
        />
      </div>
      <Field
        label="Estimated emissions (t)"
        name="estimate-emissions"
        value={emissions}
        onChange={setEmissions}
        inputMode="numeric"
        suffix="t"
        error={action.fieldError('estimatedEmissions')}
      />
      <Field
        label="Estimate reason"
        name="estimate-reason"
        value={reason}
        onChange={setReason}
        placeholder="no report by the deadline: estimate from the rated capacity"
        error={action.fieldError('reason')}
      />
      <p className="muted">
        After the reporting deadline, for an installation without an accepted report. A later estimate
        replaces it, and so does a report accepted while the period is open.
      </p>
      <Outcome error={otherError(action, SHOWN)} done={action.done} />
      <div className="reg-actions">
        <button type="submit" disabled={action.busy}>
          Set estimate
        </button>
      </div>
    </form>
  );
}
