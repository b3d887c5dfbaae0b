import type { CompliancePeriod, ComplianceStatusReport } from '@carbon-ets/contract';
import { Num } from '../../components/ui';
import { formatMoney } from '../../format';

/** Tonnes missing: the closing's figure once the period is closed, else what the balance lacks now. */
export function shortfallOf(status: ComplianceStatusReport): number {
  return status.final?.shortfall ?? Math.max(0, -status.balance);
}

/** The penalty in minor units: the closing's, else the shortfall at the period's penalty per tonne. */
export function penaltyOf(status: ComplianceStatusReport, penaltyPerTonne: number): bigint {
  return status.final !== null
    ? BigInt(status.final.penalty)
    : BigInt(shortfallOf(status)) * BigInt(penaltyPerTonne);
}

const tonnes = (value: number | null) => (value === null ? '–' : value.toLocaleString('en-US'));

/** One row per installation with a compliance record in the period. */
export function ComplianceTable({
  statuses,
  period,
}: {
  statuses: readonly ComplianceStatusReport[];
  period: CompliancePeriod;
}) {
  if (statuses.length === 0) {
    return <p className="muted">No installation has a compliance record for {period.year} yet.</p>;
  }
  return (
    <div className="reg-scroll">
      <table>
        <thead>
          <tr>
            <th>Installation</th>
            <th>Code</th>
            <th className="num">Verified (t)</th>
            <th className="num">Obligation (t)</th>
            <th className="num">Surrendered (t)</th>
            <th className="num">Balance (t)</th>
            <th className="num">Penalty</th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((status) => (
            <tr key={status.installationId}>
              <td>{status.installationId}</td>
              <td>
                {status.final?.code ?? status.code}
                {status.final !== null ? ' (final)' : ''}
              </td>
              <Num>
                {tonnes(status.verifiedEmissions)}
                {status.emissionsSource === 'estimate' ? ' (estimate)' : ''}
              </Num>
              <Num>{tonnes(status.obligation)}</Num>
              <Num>{tonnes(status.surrendered)}</Num>
              <Num>{tonnes(status.balance)}</Num>
              <Num>{formatMoney(penaltyOf(status, period.penaltyPerTonne), period.currency)}</Num>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
