import type { ComplianceStatusReport } from '@carbon-ets/contract';
import { useState } from 'react';
import { api } from '../../api';
import { Field, Loadable, Section, useLoad } from '../../components/ui';
import { useRefreshOnNotice } from '../../notifications';
import { ComplianceStatusView } from './ComplianceStatusView';
import { FORM_LAYOUT } from './form-layout';
import { ReturnAllocationForm } from './ReturnAllocationForm';

/** Looks up an installation's compliance status for a period (operators: their own; the auditor: any). */
export function ComplianceStatusSection({
  defaultPeriod = '',
  defaultInstallation = '',
  canReturn = false,
}: {
  defaultPeriod?: string;
  defaultInstallation?: string;
  /** The operator: a return obligation left by a true-up can be settled here. */
  canReturn?: boolean;
}) {
  const [period, setPeriod] = useState(defaultPeriod);
  const [typedInstallation, setInstallation] = useState<string | undefined>();
  const installationId = typedInstallation ?? defaultInstallation;
  const [asked, setAsked] = useState<{ period: string; installationId: string } | undefined>();
  const status = useLoad(async () => {
    if (asked === undefined) return null;
    return api<ComplianceStatusReport>(
      'GET',
      `/api/v1/periods/${encodeURIComponent(asked.period)}/compliance/${encodeURIComponent(asked.installationId)}`,
    );
  }, [asked]);
  useRefreshOnNotice(() => {
    if (asked !== undefined) status.reload();
  });
  return (
    <Section title="Compliance status">
      <form
        style={FORM_LAYOUT}
        onSubmit={(event) => {
          event.preventDefault();
          setAsked({ period: period.trim(), installationId: installationId.trim() });
          status.reload();
        }}
      >
        <div className="row">
          <Field
            label="Status period"
            name="status-period"
            value={period}
            onChange={setPeriod}
            inputMode="numeric"
          />
          <Field
            label="Status installation"
            name="status-installation"
            value={installationId}
            onChange={setInstallation}
          />
        </div>
        <div>
          <button type="submit">Check status</button>
        </div>
      </form>
      {asked !== undefined && (
        <Loadable state={status}>
          {(value) =>
            value === null ||
            String(value.period) !== asked.period ||
            value.installationId !== asked.installationId ? (
              <p className="muted">Loading…</p>
            ) : (
              <>
                <ComplianceStatusView status={value} />
                {canReturn && value.final === null && (value.allocationReturnDue ?? 0) > 0 && (
                  <ReturnAllocationForm
                    period={value.period}
                    installationId={value.installationId}
                    due={value.allocationReturnDue ?? 0}
                    onReturned={() => {
                      status.reload();
                    }}
                  />
                )}
              </>
            )
          }
        </Loadable>
      )}
    </Section>
  );
}
