import type { EmissionReport } from '@carbon-ets/contract';
import { formatKgAsTonnes, formatMwh, formatTonnes } from '../../format';

/** What the ledger holds for the report: its version, status and the emissions the chaincode computed. */
export function LedgerReport({ report }: { report: EmissionReport }) {
  return (
    <div className="stats" aria-label="On the ledger">
      <div className="stat">
        <div className="muted">Computed by the ledger</div>
        <div className="value" data-testid="ledger-emissions">
          {formatTonnes(report.emissionsTonnes)}
        </div>
        <div className="muted">{report.emissionsKg.toLocaleString('en-US')} kg</div>
      </div>
      <div className="stat">
        <div className="muted">Version {report.version}</div>
        <div className="value">{report.status}</div>
        {report.late && <div className="error">submitted late</div>}
      </div>
      {report.greenCertificates !== undefined && (
        <div className="stat">
          <div className="muted">Green certificates applied</div>
          <div className="value" data-testid="ledger-green-certificates">
            {formatMwh(report.greenCertificates.mwh)}
          </div>
          <div className="muted">
            −{formatKgAsTonnes(report.greenCertificates.zeroRatedKg)} at zero grid factor
          </div>
        </div>
      )}
      {report.verification !== undefined && (
        <div className="stat">
          <div className="muted">Verified</div>
          <div className="value">{formatTonnes(report.verification.verifiedEmissionsTonnes)}</div>
          <div className="muted">{report.verification.opinion}</div>
        </div>
      )}
    </div>
  );
}
