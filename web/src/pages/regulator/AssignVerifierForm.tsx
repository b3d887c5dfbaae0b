import type { VerifierAssignment } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { otherError, required, segment, year } from './forms';

const SHOWN = ['period', 'installationId', 'verifierEntityId'];

/**
 * Assigns a verifier entity, accredited for the installation's sector, to its report for a period: only that
 * entity's verifier users may then verify or reject it. Reassignment is possible until the report is verified.
 */
export function AssignVerifierForm() {
  const [period, setPeriod] = useState('');
  const [installationId, setInstallationId] = useState('');
  const [verifierEntityId, setVerifierEntityId] = useState('');
  // Through a resolved promise: an input refused by the form becomes the action's failure, shown by its field.
  const action = useAction(() =>
    Promise.resolve().then(() => {
      const path = `/api/v1/periods/${year(period, 'period', 'Assignment period')}/verifier-assignments/${segment(
        required(installationId, 'installationId', 'Assignment installation'),
      )}`;
      const request = {
        verifierEntityId: required(verifierEntityId, 'verifierEntityId', 'Assigned verifier'),
      };
      return api<VerifierAssignment>('PUT', path, request, newRequestId());
    }),
  );
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        action.submit(
          event,
          (assignment) =>
            `${assignment.verifierEntityId} verifies the ${assignment.period} report of ${assignment.installationId} (${assignment.sector})${
              assignment.previousVerifierEntityId === undefined
                ? ''
                : `, instead of ${assignment.previousVerifierEntityId}`
            }.`,
        );
      }}
    >
      <h3>Assignment</h3>
      <div className="row">
        <Field
          label="Assignment period"
          name="assignment-period"
          value={period}
          onChange={setPeriod}
          inputMode="numeric"
          placeholder="2025"
          error={action.fieldError('period')}
        />
        <Field
          label="Assignment installation"
          name="assignment-installation"
          value={installationId}
          onChange={setInstallationId}
          error={action.fieldError('installationId')}
        />
      </div>
      <Field
        label="Assigned verifier"
        name="assignment-verifier"
        value={verifierEntityId}
        onChange={setVerifierEntityId}
        placeholder="VER1"
        error={action.fieldError('verifierEntityId')}
      />
      <p className="muted">
        The verifier entity must be accredited for the installation&apos;s sector. Until the report is
        verified the regulator may assign another one.
      </p>
      <Outcome error={otherError(action, SHOWN)} done={action.done} />
      <div className="reg-actions">
        <button type="submit" disabled={action.busy}>
          Assign verifier
        </button>
      </div>
    </form>
  );
}
