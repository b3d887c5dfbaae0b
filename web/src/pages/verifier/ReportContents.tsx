import type { EmissionReport } from '@carbon-ets/contract';
import { Num } from '../../components/ui';
import { formatTonnes } from '../../format';
import { fuelName } from '../operator/report-draft';
import { SCROLL_X } from '../operator/form-layout';

/** What a report claims: its activity lines with their emissions, its documents' hashes and the computed total. */
export function ReportContents({ report }: { report: EmissionReport }) {
  const activity = report.activity ?? [];
  const documents = report.documents ?? [];
  return (
    <>
      <p>
        {report.installationId} ({report.entityId}), period {report.period}, version {report.version},{' '}
        <strong>{report.status}</strong>
        {report.late ? ' (late)' : ''} — factor set {report.factorSet.id} version {report.factorSet.version}
      </p>
      {report.correctionReason !== undefined && (
        <p className="muted">Correction: {report.correctionReason}</p>
      )}
      {report.commercialData !== undefined && (
        <p className="muted" data-testid="commercial-data">
          {report.activity === undefined
            ? `Activity data and documents are commercial data of ${report.entityId}, kept in ${report.commercialData.collection}: this organisation's peer does not hold them.`
            : `Activity data and documents from ${report.commercialData.collection}`}{' '}
          (SHA-256 on the channel{' '}
          <code style={{ wordBreak: 'break-all' }}>{report.commercialData.sha256}</code>)
        </p>
      )}
      <div style={SCROLL_X}>
        <table aria-label="Activity">
          <thead>
            <tr>
              <th>Activity</th>
              <th className="num">Quantity</th>
              <th className="num">Emissions</th>
            </tr>
          </thead>
          <tbody>
            {activity.map((line, index) => (
              <tr key={index}>
                <td>{line.kind === 'fuel' ? fuelName(line.fuel) : 'Electricity'}</td>
                <Num>
                  {Number(line.quantity).toLocaleString('en-US', { maximumFractionDigits: 6 })} {line.unit}
                </Num>
                <Num>{(report.lineEmissionsKg?.[index] ?? 0).toLocaleString('en-US')} kg</Num>
              </tr>
            ))}
            <tr>
              <th>Computed emissions</th>
              <td />
              <Num>
                <strong data-testid="computed-emissions">{formatTonnes(report.emissionsTonnes)}</strong> (
                {report.emissionsKg.toLocaleString('en-US')} kg)
              </Num>
            </tr>
          </tbody>
        </table>
      </div>
      <div style={SCROLL_X}>
        <table aria-label="Documents">
          <thead>
            <tr>
              <th>Document</th>
              <th>SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {documents.length === 0 ? (
              <tr>
                <td colSpan={2} className="muted">
                  No documents.
                </td>
              </tr>
            ) : (
              documents.map((document) => (
                <tr key={`${document.name}/${document.sha256}`}>
                  <td>{document.name}</td>
                  <td>
                    <code style={{ wordBreak: 'break-all' }}>{document.sha256}</code>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
