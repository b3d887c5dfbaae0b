import type { EmissionsCorrectionResult } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { formatTonnes } from '../../format';
import { sha256Hex } from '../operator/sha256';
import { otherError, required, segment, wholeTonnes, year } from './forms';
import { signedTonnes, statusText } from './status-text';

const SHOWN = ['period', 'installationId', 'verifiedEmissions', 'reason', 'documentName', 'documents'];

/** What a correction did: the figures, the status and where the difference of the obligation went. */
function correctionText({ status, correction }: EmissionsCorrectionResult): string {
  const difference =
    correction.carriedTo === null
      ? 'the period is open: the difference is in its balance'
      : `the period is closed: ${signedTonnes(correction.carriedTonnes)} carried into ${correction.carriedTo}`;
  return `Corrected ${status.installationId} in ${status.period}: ${formatTonnes(correction.previousTonnes)} → ${formatTonnes(correction.tonnes)}; ${statusText(status)}; ${difference}.`;
}

/**
 * Corrects an installation's accepted or estimated emissions, with a reason and a document's SHA-256 (of the
 * name when none is typed), even after the period is closed.
 */
export function CorrectionForm() {
  const [period, setPeriod] = useState('');
  const [installationId, setInstallationId] = useState('');
  const [emissions, setEmissions] = useState('');
  const [reason, setReason] = useState('');
  const [documentName, setDocumentName] = useState('');
  const [documentSha256, setDocumentSha256] = useState('');
  const action = useAction(async () => {
    const path = `/api/v1/periods/${year(period, 'period', 'Correction period')}/compliance/${segment(
      required(installationId, 'installationId', 'Correction installation'),
    )}/corrections`;
    const verifiedEmissions = wholeTonnes(emissions, 'verifiedEmissions', 'Corrected emissions', true);
    const correctionReason = required(reason, 'reason', 'Correction reason');
    const name = required(documentName, 'documentName', 'Correction document name');
    const typed = documentSha256.trim().toLowerCase();
    const request = {
      verifiedEmissions,
      reason: correctionReason,
      documents: [{ name, sha256: typed === '' ? await sha256Hex(name) : typed }],
    };
    return api<EmissionsCorrectionResult>('POST', path, request, newRequestId());
  });
  // The ledger names `documents[0].sha256` or `documents[0].name`: the message goes next to that input.
  const documentsError = action.fieldError('documents');
  const hashError = documentsError?.includes('sha256') === true ? documentsError : undefined;
  const nameError =
    action.fieldError('documentName') ?? (hashError === undefined ? documentsError : undefined);
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        action.submit(event, correctionText);
      }}
    >
      <h3>Correction</h3>
      <div className="row">
        <Field
          label="Correction period"
          name="correction-period"
          value={period}
          onChange={setPeriod}
          inputMode="numeric"
          placeholder="2025"
          error={action.fieldError('period')}
        />
        <Field
          label="Correction installation"
          name="correction-installation"
          value={installationId}
          onChange={setInstallationId}
          error={action.fieldError('installationId')}
        />
      </div>
      <Field
        label="Corrected emissions (t)"
        name="correction-emissions"
        value={emissions}
        onChange={setEmissions}
        inputMode="numeric"
        suffix="t"
        error={action.fieldError('verifiedEmissions')}
      />
      <Field
        label="Correction reason"
        name="correction-reason"
        value={reason}
        onChange={setReason}
        placeholder="re-verification found an unreported fuel stream"
        error={action.fieldError('reason')}
      />
      <div className="row">
        <Field
          label="Correction document name"
          name="correction-document-name"
          value={documentName}
          onChange={setDocumentName}
          placeholder="reverification-2025.pdf"
          error={nameError}
        />
        <Field
          label="Correction document SHA-256"
          name="correction-document-sha256"
          value={documentSha256}
          onChange={setDocumentSha256}
          placeholder="empty: SHA-256 of the name"
          error={hashError}
        />
      </div>
      <p className="muted">
        The document stays off the ledger; its SHA-256 is kept. Once the period is closed, the difference of
        the obligation is carried into the next period.
      </p>
      <Outcome error={otherError(action, SHOWN)} done={action.done} />
      <div className="reg-actions">
        <button type="submit" disabled={action.busy}>
          Correct emissions
        </button>
      </div>
    </form>
  );
}
