import { AccountStatement } from './auditor/AccountStatement';
import { HistoryExplorer } from './auditor/HistoryExplorer';
import { ReconcileSection } from './auditor/ReconcileSection';
import { ComplianceStatusSection } from './operator/ComplianceStatusSection';

/** The auditor: any object's history, account statements, compliance status and the reconcile (read only). */
export function AuditorPage() {
  return (
    <>
      <HistoryExplorer />
      <AccountStatement />
      <ComplianceStatusSection />
      <ReconcileSection />
    </>
  );
}
