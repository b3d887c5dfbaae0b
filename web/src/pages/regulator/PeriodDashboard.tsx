import type { CompliancePeriod, ComplianceStatusReport, SupplySummary } from '@carbon-ets/contract';
import { api } from '../../api';
import { Loadable, Time, useLoad } from '../../components/ui';
import { formatMoney, formatTonnes } from '../../format';
import { BarChart } from '../../components/BarChart';
import { ClosePeriod } from './ClosePeriod';
import { ComplianceTable, penaltyOf, shortfallOf } from './ComplianceTable';
import { hasPolicy, policyText } from './policy';
import { SUPPLY_EVENTS, useRefreshOn } from './refresh';

interface Dashboard {
  readonly period: CompliancePeriod;
  readonly supply: SupplySummary;
  readonly statuses: readonly ComplianceStatusReport[];
}

async function loadDashboard(year: number): Promise<Dashboard> {
  const [period, supply, compliance] = await Promise.all([
    api<CompliancePeriod>('GET', `/api/v1/periods/${year}`),
    api<SupplySummary>('GET', `/api/v1/periods/${year}/supply`),
    api<{ items: ComplianceStatusReport[] }>('GET', `/api/v1/compliance?period=${year}`),
  ]);
  return { period, supply, statuses: compliance.items.filter((status) => status.period === year) };
}

/** A period's dashboard: its terms, the supply of its vintage and its installations' compliance. */
export function PeriodDashboard({ year }: { year: number }) {
  const state = useLoad(() => loadDashboard(year), [year]);
  useRefreshOn(SUPPLY_EVENTS, () => {
    state.reload();
  });
  return (
    <Loadable state={state}>
      {(dashboard) => (
        <DashboardView
          dashboard={dashboard}
          onClosed={() => {
            state.reload();
          }}
        />
      )}
    </Loadable>
  );
}

function DashboardView({ dashboard, onClosed }: { dashboard: Dashboard; onClosed: () => void }) {
  const { period, supply, statuses } = dashboard;
  const money = (minor: bigint | number) => formatMoney(minor, period.currency);
  const allowances = supply.allowances;
  const count = (code: 'A' | 'B' | 'C') =>
    statuses.filter((status) => (status.final?.code ?? status.code) === code).length;
  const shortfall = statuses.reduce((sum, status) => sum + shortfallOf(status), 0);
  const penalties = statuses.reduce((sum, status) => sum + penaltyOf(status, period.penaltyPerTonne), 0n);
  const closed = period.status === 'closed';
  return (
    <div className="reg-form" data-testid="period-dashboard">
      <h3>
        Period {period.year} · {period.status}
      </h3>
      <p className="muted">
        Report by <Time iso={period.deadlines.reportBy} />, verify by <Time iso={period.deadlines.verifyBy} />
        , surrender by <Time iso={period.deadlines.surrenderBy} />. Offsets up to{' '}
        {(period.offsetLimitBasisPoints / 100).toLocaleString('en-US')} % of verified emissions; penalty{' '}
        {money(period.penaltyPerTonne)} per missing tonne.
        {closed && (
          <>
            {' '}
            Closed <Time iso={period.closedAt} />.
          </>
        )}
      </p>
      {hasPolicy(period) && (
        <p className="muted" data-testid="period-policy">
          Policy: {policyText(period)}.
        </p>
      )}
      <div className="stats">
        <div className="stat">
          <div className="muted">Supply reconciles</div>
          <div className={allowances.reconciles ? 'value ok' : 'value error'}>
            {allowances.reconciles ? 'Yes' : 'No'}
          </div>
        </div>
        <div className="stat">
          <div className="muted">Installations</div>
          <div className="value">{statuses.length.toLocaleString('en-US')}</div>
        </div>
        <div className="stat">
          <div className="muted">Shortfall</div>
          <div className="value">{formatTonnes(shortfall)}</div>
        </div>
        <div className="stat">
          <div className="muted">{closed ? 'Penalties' : 'Penalties if closed now'}</div>
          <div className="value">{money(penalties)}</div>
        </div>
      </div>
      <div className="reg-split">
        <BarChart
          caption={`Allowances of vintage ${period.year}`}
          bars={[
            { label: 'Cap', value: period.cap, text: formatTonnes(period.cap), tone: 'cap' },
            { label: 'Issued', value: allowances.issued, text: formatTonnes(allowances.issued) },
            { label: 'Allocated', value: supply.allocated, text: formatTonnes(supply.allocated) },
            { label: 'Held', value: allowances.held, text: formatTonnes(allowances.held) },
            {
              label: 'Surrendered',
              value: allowances.surrendered,
              text: formatTonnes(allowances.surrendered),
            },
            { label: 'Retired', value: allowances.retired, text: formatTonnes(allowances.retired) },
          ]}
        />
        <BarChart
          caption="Compliance status of installations"
          bars={[
            { label: 'A · covered', value: count('A'), text: count('A').toLocaleString('en-US') },
            { label: 'B · short', value: count('B'), text: count('B').toLocaleString('en-US'), tone: 'bad' },
            {
              label: 'C · not verified',
              value: count('C'),
              text: count('C').toLocaleString('en-US'),
              tone: 'warn',
            },
          ]}
        />
      </div>
      <p className="muted">
        Surrendered against period {period.year}: {formatTonnes(supply.surrenderedForPeriod.allowances)} of
        allowances and {formatTonnes(supply.surrenderedForPeriod.offsets)} of offsets. Offsets of vintage{' '}
        {period.year}: issued {formatTonnes(supply.offsets.issued)}, retired{' '}
        {formatTonnes(supply.offsets.retired)}.
      </p>
      <ComplianceTable statuses={statuses} period={period} />
      {!closed && (
        <ClosePeriod
          year={period.year}
          surrenderBy={period.deadlines.surrenderBy}
          resuming={period.status === 'closing'}
          onClosed={onClosed}
        />
      )}
    </div>
  );
}
