import type { ActivityLineInput, EmissionFactorSet } from '@carbon-ets/contract';
import { formatTonnes } from '../../format';
import { estimateEmissions } from './emissions-estimate';
import { fuelName } from './report-draft';

/** The emissions the ledger will compute for these lines, worked out before the report is submitted. */
export function EmissionsEstimate({
  lines,
  set,
}: {
  lines: readonly ActivityLineInput[];
  set: EmissionFactorSet;
}) {
  if (lines.length === 0) return <p className="muted">Enter activity data to see the emissions estimate.</p>;
  let estimate;
  try {
    estimate = estimateEmissions(lines, set);
  } catch (err) {
    return <p className="error">No estimate: {err instanceof Error ? err.message : String(err)}</p>;
  }
  return (
    <div className="stats" aria-label="Emissions estimate">
      {lines.map((line, index) => (
        <div className="stat" key={line.kind === 'fuel' ? line.fuel : 'electricity'}>
          <div className="muted">{line.kind === 'fuel' ? fuelName(line.fuel) : 'Electricity'}</div>
          <div className="value">{(estimate.linesKg[index] ?? 0).toLocaleString('en-US')} kg</div>
        </div>
      ))}
      <div className="stat">
        <div className="muted">Estimated emissions</div>
        <div className="value" data-testid="estimated-emissions">
          {formatTonnes(estimate.totalTonnes)}
        </div>
        <div className="muted">{estimate.totalKg.toLocaleString('en-US')} kg, rounded up</div>
      </div>
    </div>
  );
}
