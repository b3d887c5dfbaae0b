import { ENERGY_SOURCES, type InstallationCarbonIndex } from '@carbon-ets/contract';
import { BarChart } from '../../components/BarChart';
import { Num } from '../../components/ui';
import { formatBasisPoints, formatKgAsTonnes, formatTonnes, monthName } from '../../format';
import { FORM_LAYOUT, WARNING_NOTE } from '../operator/form-layout';
import { formatTrend } from './index-text';
import { IndexRing } from './IndexRing';
import { monthlyBars, SOURCE_LEGEND, SOURCE_NAMES } from './monthly-bars';

/**
 * An installation's carbon index for a period, as the ledger computed it: the ring, the year-to-date figures
 * behind it, the share of each energy source and one stacked bar per submitted month.
 */
export function CarbonIndexView({ index }: { index: InstallationCarbonIndex }) {
  const through = monthName(index.throughMonth);
  return (
    <div style={FORM_LAYOUT} role="group" aria-label={`Carbon index of ${index.installationId}`}>
      <div className="index-summary">
        <IndexRing index={index.indexBasisPoints} threshold={index.thresholdBasisPoints} />
        <div className="stats">
          <div className="stat">
            <div className="muted">Index through {through}</div>
            <div className="value" data-testid="carbon-index-value">
              {index.indexBasisPoints === null ? '–' : formatBasisPoints(index.indexBasisPoints)}
            </div>
          </div>
          <div className="stat">
            <div className="muted">
              Trend{index.throughMonth > 1 ? ` since ${monthName(index.throughMonth - 1)}` : ''}
            </div>
            <div className="value" data-testid="carbon-index-trend">
              {formatTrend(index.trendBasisPoints)}
            </div>
          </div>
          <div className="stat">
            <div className="muted">Emissions year to date</div>
            <div className="value" data-testid="carbon-index-year-to-date">
              {formatKgAsTonnes(index.yearToDateKg)}
            </div>
          </div>
          <div className="stat">
            <div className="muted">Allocation pro rata to {through}</div>
            <div className="value">
              {index.proRataAllocationKg === null ? '–' : formatKgAsTonnes(index.proRataAllocationKg)}
            </div>
            <div className="muted">
              {index.allocationTonnes === null
                ? 'no free allocation'
                : `of ${formatTonnes(index.allocationTonnes)}`}
            </div>
          </div>
          <div className="stat">
            <div className="muted">Threshold</div>
            <div className="value">
              {index.thresholdBasisPoints === null ? 'none' : formatBasisPoints(index.thresholdBasisPoints)}
            </div>
          </div>
        </div>
      </div>
      {index.aboveThreshold && index.thresholdBasisPoints !== null && (
        <p role="note" style={WARNING_NOTE} data-testid="carbon-index-above-threshold">
          Above the period&apos;s threshold:{' '}
          {index.indexBasisPoints === null ? '–' : formatBasisPoints(index.indexBasisPoints)} &gt;{' '}
          {formatBasisPoints(index.thresholdBasisPoints)} of the allocation pro rata to date.
        </p>
      )}
      <p className="muted">
        Index = emissions {index.throughMonth > 1 ? `${monthName(1)}–${through}` : `of ${through}`} ÷
        (allocation × {index.throughMonth} / 12), rounded down to 0.01 %.
        {index.missingMonths.length > 0 &&
          ` Not submitted, counted as 0: ${index.missingMonths.map(monthName).join(', ')}.`}
      </p>
      <table aria-label="Share by energy source">
        <thead>
          <tr>
            <th>Source</th>
            <th className="num">Year to date</th>
            <th className="num">Share</th>
          </tr>
        </thead>
        <tbody>
          {ENERGY_SOURCES.map((source) => (
            <tr key={source}>
              <th scope="row">{SOURCE_NAMES[source]}</th>
              <Num>{formatKgAsTonnes(index.emissionsKg[source])}</Num>
              <Num>{formatBasisPoints(index.shareBasisPoints[source])}</Num>
            </tr>
          ))}
        </tbody>
      </table>
      <BarChart
        caption={`Emissions by month and source, ${index.period} (t CO2 · index through the month)`}
        bars={monthlyBars(index.months)}
        legend={SOURCE_LEGEND}
      />
    </div>
  );
}
