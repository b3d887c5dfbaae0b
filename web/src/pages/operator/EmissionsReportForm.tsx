import type { EmissionReport } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, type LoadState, Outcome, Section, useAction } from '../../components/ui';
import { formatTonnes } from '../../format';
import { DocumentFileField } from './DocumentFileField';
import { EmissionsEstimate } from './EmissionsEstimate';
import { FactorSetSummary } from './FactorSetSummary';
import { LedgerReport } from './LedgerReport';
import { activityOf, fuelName, NATURAL_GAS, type ReportDraft, requestOf } from './report-draft';
import { useFactorSet } from './useFactorSet';
import { FORM_LAYOUT } from './form-layout';

const reportPath = (draft: ReportDraft): string =>
  `/api/v1/reports/${encodeURIComponent(draft.period.trim())}/${encodeURIComponent(draft.installationId.trim())}`;

const computed = (report: EmissionReport): string =>
  `the ledger computed ${formatTonnes(report.emissionsTonnes)} (${report.emissionsKg.toLocaleString('en-US')} kg)`;

/**
 * The annual emissions report: activity lines (fuels in t, electricity in MWh) under a published factor set, and
 * the supporting document's SHA-256. The estimate shows before submitting; the ledger's own figure after.
 */
export function EmissionsReportForm({
  draft,
  onDraft,
  current,
  onChanged,
}: {
  draft: ReportDraft;
  onDraft: (update: (draft: ReportDraft) => ReportDraft) => void;
  current: LoadState<EmissionReport | null>;
  onChanged: () => void;
}) {
  const [reason, setReason] = useState('');
  const factorSet = useFactorSet(draft.factorSetId, draft.factorSetVersion);
  const submit = useAction(
    async () => api<EmissionReport>('POST', '/api/v1/reports', await requestOf(draft), newRequestId()),
    onChanged,
  );
  const correct = useAction(
    async () =>
      api<EmissionReport>('PUT', reportPath(draft), { ...(await requestOf(draft)), reason }, newRequestId()),
    () => {
      setReason('');
      onChanged();
    },
  );
  const set = (field: keyof Omit<ReportDraft, 'fuels'>) => (value: string) => {
    onDraft((before) => ({ ...before, [field]: value }));
  };
  const fuels = [
    ...new Set([NATURAL_GAS, ...Object.keys(draft.fuels), ...Object.keys(factorSet.value?.fuels ?? {})]),
  ];
  const report = current.value ?? undefined;
  const correctable = report !== undefined && report.status !== 'accepted';
  return (
    <Section title="Emissions report">
      <form
        style={FORM_LAYOUT}
        onSubmit={(event) => {
          submit.submit(event, (answer) => `Submitted version ${answer.version}: ${computed(answer)}.`);
        }}
      >
        <div className="row">
          <Field
            label="Report period"
            name="report-period"
            value={draft.period}
            onChange={set('period')}
            inputMode="numeric"
            error={submit.fieldError('period')}
          />
          <Field
            label="Installation"
            name="report-installation"
            value={draft.installationId}
            onChange={set('installationId')}
            error={submit.fieldError('installationId')}
          />
        </div>
        <div className="row">
          <Field
            label="Factor set id"
            name="factor-set-id"
            value={draft.factorSetId}
            onChange={set('factorSetId')}
            error={submit.fieldError('factorSetId') ?? factorSet.error}
          />
          <Field
            label="Factor set version"
            name="factor-set-version"
            value={draft.factorSetVersion}
            onChange={set('factorSetVersion')}
            inputMode="numeric"
            error={submit.fieldError('factorSetVersion')}
          />
        </div>
        {factorSet.value !== undefined && factorSet.value !== null && (
          <FactorSetSummary set={factorSet.value} />
        )}
        <div className="row">
          {fuels.map((fuel) => (
            <Field
              key={fuel}
              label={`${fuelName(fuel)} (t)`}
              name={`fuel-${fuel}`}
              value={draft.fuels[fuel] ?? ''}
              inputMode="decimal"
              suffix="t"
              onChange={(value) => {
                onDraft((before) => ({ ...before, fuels: { ...before.fuels, [fuel]: value } }));
              }}
              error={fuel === NATURAL_GAS ? submit.fieldError('activity') : undefined}
            />
          ))}
          <Field
            label="Electricity (MWh)"
            name="electricity"
            value={draft.electricityMWh}
            onChange={set('electricityMWh')}
            inputMode="decimal"
            suffix="MWh"
          />
        </div>
        <div className="row">
          <Field
            label="Document name"
            name="document-name"
            value={draft.documentName}
            onChange={set('documentName')}
            error={submit.fieldError('documents')}
          />
          <Field
            label="Document SHA-256"
            name="document-sha256"
            value={draft.documentSha256}
            onChange={set('documentSha256')}
            placeholder="empty: the SHA-256 of the name"
          />
        </div>
        <Field
          label="Green certificate lots"
          name="green-certificate-lots"
          value={draft.greenCertificateLots}
          onChange={set('greenCertificateLots')}
          placeholder="cancelled lot ids, comma separated"
          error={submit.fieldError('greenCertificateLotIds')}
        />
        <DocumentFileField
          onDigest={(name, sha256) => {
            onDraft((before) => ({ ...before, documentName: name, documentSha256: sha256 }));
          }}
        />
        {factorSet.value !== undefined && factorSet.value !== null && (
          <EmissionsEstimate lines={activityOf(draft)} set={factorSet.value} />
        )}
        {draft.greenCertificateLots.trim() !== '' && (
          <p className="muted">
            The estimate leaves the green certificates out: the ledger counts their MWh of the electricity at
            zero grid factor.
          </p>
        )}
        <Outcome error={submit.formError} done={submit.done} />
        <div>
          <button type="submit" disabled={submit.busy}>
            Submit report
          </button>
        </div>
      </form>
      {report !== undefined && <LedgerReport report={report} />}
      <form
        style={FORM_LAYOUT}
        aria-label="Correction"
        onSubmit={(event) => {
          correct.submit(event, (answer) => `Corrected: version ${answer.version}, ${computed(answer)}.`);
        }}
      >
        <Field
          label="Correction reason"
          name="correction-reason"
          value={reason}
          onChange={setReason}
          error={correct.fieldError('reason')}
        />
        <p className="muted">
          {correctable
            ? `Replaces version ${report.version} (${report.status}) with the form above; it needs verification again.`
            : report?.status === 'accepted'
              ? 'This report is accepted: it can no longer be corrected.'
              : 'A submitted, verified or rejected report can be corrected.'}
        </p>
        <Outcome error={correct.formError} done={correct.done} />
        <div>
          <button type="submit" disabled={correct.busy || !correctable}>
            Correct report
          </button>
        </div>
      </form>
    </Section>
  );
}
