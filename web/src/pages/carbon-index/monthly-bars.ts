import { ENERGY_SOURCES, type CarbonIndexBar, type EnergySource } from '@carbon-ets/contract';
import type { Bar, BarTone } from '../../components/bar-geometry';
import { formatBasisPoints, formatKgAsTonnes, monthName } from '../../format';

/** The energy sources as the console names them. */
export const SOURCE_NAMES: Readonly<Record<EnergySource, string>> = {
  coal: 'Coal',
  oil: 'Oil',
  gas: 'Gas',
  electricity: 'Electricity',
};

const SOURCE_TONES: Readonly<Record<EnergySource, BarTone>> = {
  coal: 'series-1',
  oil: 'series-2',
  gas: 'series-3',
  electricity: 'series-4',
};

/** The colour of each source in the monthly bars, in stacking order. */
export const SOURCE_LEGEND = ENERGY_SOURCES.map((source) => ({
  label: SOURCE_NAMES[source],
  tone: SOURCE_TONES[source],
}));

/**
 * One stacked bar per submitted month (months not submitted count 0 and draw none): its sources' kg stacked
 * coal, oil, gas, electricity, the month's total in tonnes and the year-to-date index through it as text.
 */
export function monthlyBars(months: readonly CarbonIndexBar[]): Bar[] {
  return months
    .filter((month) => month.submitted)
    .map((month) => ({
      label: monthName(month.month),
      value: ENERGY_SOURCES.reduce((sum, source) => sum + month.emissionsKg[source], 0),
      text:
        month.indexBasisPoints === null
          ? formatKgAsTonnes(month.totalKg)
          : `${formatKgAsTonnes(month.totalKg)} · ${formatBasisPoints(month.indexBasisPoints)}`,
      parts: ENERGY_SOURCES.map((source) => ({
        label: SOURCE_NAMES[source],
        value: month.emissionsKg[source],
        tone: SOURCE_TONES[source],
        text: formatKgAsTonnes(month.emissionsKg[source]),
      })),
    }));
}
