import type { EntityWithInstallations } from '@carbon-ets/contract';
import { useState } from 'react';
import { api } from '../api';
import { Section, useLoad } from '../components/ui';
import { useRefreshOnNotice } from '../notifications';
import { useUser } from '../session';
import { ApprovalsSection } from './approvals/ApprovalsSection';
import { CarbonIndexSection } from './carbon-index/CarbonIndexSection';
import { CertificatesSection } from './certificates/CertificatesSection';
import { TransferForm } from './approvals/TransferForm';
import { TrustedAccountsSection } from './approvals/TrustedAccountsSection';
import { ComplianceStatusSection } from './operator/ComplianceStatusSection';
import { EmissionsReportForm } from './operator/EmissionsReportForm';
import { InstallationsSection } from './operator/InstallationsSection';
import { MyReportsSection } from './operator/MyReportsSection';
import { draftOf, emptyDraft, type ReportDraft } from './operator/report-draft';
import { ReportTimeline } from './operator/ReportTimeline';
import { SurrenderForm } from './operator/SurrenderForm';
import { useCurrentReport } from './operator/useCurrentReport';

/** This year: the period a form starts with. */
const THIS_YEAR = String(new Date().getFullYear());

/**
 * The covered enterprise's operator: its installations, the annual emissions report (with corrections and its
 * timeline), surrender from the installations' holding accounts, compliance status, the monthly carbon index
 * and green electricity certificates.
 */
export function OperatorPage() {
  const user = useUser();
  if (user.entity === undefined) {
    return (
      <Section title="Installations">
        <p className="muted">
          {user.name} belongs to no entity: an operator reports for their entity&apos;s installations.
        </p>
      </Section>
    );
  }
  return <OperatorWorkspace entityId={user.entity} />;
}

function OperatorWorkspace({ entityId }: { entityId: string }) {
  const entity = useLoad(
    () => api<EntityWithInstallations>('GET', `/api/v1/entities/${encodeURIComponent(entityId)}`),
    [entityId],
  );
  const firstInstallation = entity.value?.installations[0]?.id ?? '';
  const holdingAccount = entity.value?.installations[0]?.holdingAccountId;
  const [typedDraft, setDraft] = useState<ReportDraft | undefined>();
  const draft = typedDraft ?? emptyDraft(THIS_YEAR, firstInstallation);
  const current = useCurrentReport(draft);
  useRefreshOnNotice(() => {
    current.reload();
  });
  return (
    <>
      <InstallationsSection entity={entity} />
      <EmissionsReportForm
        draft={draft}
        onDraft={(update) => {
          setDraft((before) => update(before ?? emptyDraft(THIS_YEAR, firstInstallation)));
        }}
        current={current}
        onChanged={() => {
          current.reload();
        }}
      />
      <ReportTimeline reportKey={draft} current={current} />
      <MyReportsSection
        onOpen={(report) => {
          setDraft(draftOf(report));
        }}
      />
      <SurrenderForm
        installations={entity.value?.installations}
        defaultPeriod={THIS_YEAR}
        defaultInstallation={firstInstallation}
      />
      <ComplianceStatusSection defaultPeriod={THIS_YEAR} defaultInstallation={firstInstallation} canReturn />
      <CarbonIndexSection defaultInstallation={firstInstallation} defaultPeriod={THIS_YEAR} />
      <CertificatesSection defaultAccount={holdingAccount} />
      <TransferForm defaultAccount={holdingAccount} />
      <ApprovalsSection defaultAccount={holdingAccount} />
      <TrustedAccountsSection defaultAccount={holdingAccount} />
    </>
  );
}
