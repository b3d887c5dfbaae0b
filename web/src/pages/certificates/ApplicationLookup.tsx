import type { CertificateApplication } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, ApiFailure } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { formatMwh, localTime } from '../../format';
import { FORM_LAYOUT } from '../operator/form-layout';

/** The report a lot is applied to; null when it is applied to none (the ledger's NOT_FOUND). */
async function applicationOf(lotId: string): Promise<CertificateApplication | null> {
  try {
    return await api<CertificateApplication>(
      'GET',
      `/api/v1/certificates/applications/${encodeURIComponent(lotId)}`,
    );
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

/** Which emissions report a cancelled certificate lot is applied to, if any. */
export function ApplicationLookup({ suggestedLot }: { suggestedLot: string | undefined }) {
  const [typed, setTyped] = useState<string | undefined>();
  const lotId = (typed ?? suggestedLot ?? '').trim();
  const lookUp = useAction(() => applicationOf(lotId));
  return (
    <form
      style={FORM_LAYOUT}
      aria-label="Certificate application"
      onSubmit={(event) => {
        lookUp.submit(event, (application) =>
          application === null
            ? `Lot ${lotId} is applied to no emissions report.`
            : `Lot ${application.lotId} (${formatMwh(application.mwh)}) is applied to the ${application.period} report of ${application.installationId}, version ${application.reportVersion}, since ${localTime(application.appliedAt).text}.`,
        );
      }}
    >
      <h3>Applied to a report?</h3>
      <div className="row">
        <Field
          label="Cancelled lot"
          name="certificate-application-lot"
          value={typed ?? suggestedLot ?? ''}
          onChange={setTyped}
        />
      </div>
      <Outcome error={lookUp.formError} done={lookUp.done} />
      <div>
        <button type="submit" disabled={lookUp.busy}>
          Look up application
        </button>
      </div>
    </form>
  );
}
