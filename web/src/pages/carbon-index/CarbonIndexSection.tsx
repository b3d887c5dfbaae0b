import type { CarbonIndexSummary, InstallationCarbonIndex, MonthlyEmissions } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, ApiFailure, newRequestId } from '../../api';
import { Field, Loadable, Outcome, Section, useAction, useLoad } from '../../components/ui';
import { formatBasisPoints, formatKgAsTonnes, monthName } from '../../format';
import { FORM_LAYOUT } from '../operator/form-layout';
import { ID_PATTERN, YEAR_PATTERN } from '../operator/useCurrentReport';
import { useDebounced } from '../operator/useDebounced';
import { otherError, wholeOrText } from '../regulator/forms';
import { CARBON_INDEX_EVENTS, useRefreshOn } from '../regulator/refresh';
import { CarbonIndexView } from './CarbonIndexView';

/** The energy fields of the form, as the request names them, with their labels. */
const ENERGY_FIELDS = [
  { field: 'coal', label: 'Coal (t)', suffix: 't' },
  { field: 'oil', label: 'Oil (t)', suffix: 't' },
  { field: 'gas', label: 'Gas (t)', suffix: 't' },
  { field: 'electricity', label: 'Electricity (MWh)', suffix: 'MWh' },
] as const;
type EnergyField = (typeof ENERGY_FIELDS)[number]['field'];
const SHOWN = ['installationId', 'period', 'month', ...ENERGY_FIELDS.map(({ field }) => field)];

/** The index as the ledger has it, or why there is none yet (no month submitted: not an error). */
type IndexLookup = { readonly index: InstallationCarbonIndex } | { readonly none: string } | null;

async function lookUpIndex(period: string, installationId: string): Promise<IndexLookup> {
  if (!YEAR_PATTERN.test(period) || !ID_PATTERN.test(installationId)) return null;
  try {
    return {
      index: await api<InstallationCarbonIndex>(
        'GET',
        `/api/v1/periods/${period}/installations/${encodeURIComponent(installationId)}/carbon-index`,
      ),
    };
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'NOT_FOUND') return { none: err.message };
    throw err;
  }
}

/**
 * The operator's carbon index: a month's energy use of an installation (coal, oil, gas in t; purchased
 * electricity in MWh), from which the ledger computes the month's emissions with the period's factor set, and
 * the installation's index for the period — refreshed when any submission for it arrives.
 */
export function CarbonIndexSection({
  defaultInstallation,
  defaultPeriod,
}: {
  defaultInstallation: string;
  defaultPeriod: string;
}) {
  const [typedInstallation, setInstallation] = useState<string | undefined>();
  const installationId = typedInstallation ?? defaultInstallation;
  const [period, setPeriod] = useState(defaultPeriod);
  const [month, setMonth] = useState('');
  const [energy, setEnergy] = useState<Readonly<Record<EnergyField, string>>>({
    coal: '',
    oil: '',
    gas: '',
    electricity: '',
  });
  const settledPeriod = useDebounced(period.trim());
  const settledInstallation = useDebounced(installationId.trim());
  const index = useLoad(
    () => lookUpIndex(settledPeriod, settledInstallation),
    [settledPeriod, settledInstallation],
  );
  useRefreshOn(CARBON_INDEX_EVENTS, () => {
    index.reload();
  });
  const submit = useAction(
    () =>
      api<{ submission: MonthlyEmissions; index: CarbonIndexSummary }>(
        'PUT',
        `/api/v1/installations/${encodeURIComponent(installationId.trim())}/energy`,
        {
          period: wholeOrText(period),
          month: wholeOrText(month),
          ...Object.fromEntries(
            ENERGY_FIELDS.filter(({ field }) => energy[field].trim() !== '').map(({ field }) => [
              field,
              energy[field].trim(),
            ]),
          ),
        },
        newRequestId(),
      ),
    () => {
      index.reload();
    },
  );
  return (
    <Section title="Carbon index">
      <form
        style={FORM_LAYOUT}
        aria-label="Monthly energy use"
        onSubmit={(event) => {
          submit.submit(event, ({ submission, index: after }) => {
            const through =
              after.indexBasisPoints === null
                ? 'no index (no free allocation)'
                : `index ${formatBasisPoints(after.indexBasisPoints)} through ${monthName(after.throughMonth)}`;
            return `Submitted ${monthName(submission.month)} ${submission.period} (version ${submission.version}): ${formatKgAsTonnes(submission.totalKg)} CO2; ${through}.`;
          });
        }}
      >
        <div className="row">
          <Field
            label="Installation"
            name="energy-installation"
            value={installationId}
            onChange={setInstallation}
            error={submit.fieldError('installationId')}
          />
          <Field
            label="Period"
            name="energy-period"
            value={period}
            onChange={setPeriod}
            inputMode="numeric"
            error={submit.fieldError('period')}
          />
          <Field
            label="Month"
            name="energy-month"
            value={month}
            onChange={setMonth}
            inputMode="numeric"
            placeholder="1–12"
            error={submit.fieldError('month')}
          />
        </div>
        <div className="row">
          {ENERGY_FIELDS.map(({ field, label, suffix }) => (
            <Field
              key={field}
              label={label}
              name={`energy-${field}`}
              value={energy[field]}
              onChange={(value) => {
                setEnergy((before) => ({ ...before, [field]: value }));
              }}
              inputMode="decimal"
              suffix={suffix}
              error={submit.fieldError(field)}
            />
          ))}
        </div>
        <p className="muted">
          A month submitted again replaces the earlier figures (a new version) while the period is open.
        </p>
        <Outcome error={otherError(submit, SHOWN)} done={submit.done} />
        <div>
          <button type="submit" disabled={submit.busy}>
            Submit energy
          </button>
        </div>
      </form>
      <Loadable state={index}>
        {(lookup) =>
          lookup === null ? (
            <p className="muted">Enter an installation and a period to see its carbon index.</p>
          ) : 'none' in lookup ? (
            <p className="muted">{lookup.none}.</p>
          ) : (
            <CarbonIndexView index={lookup.index} />
          )
        }
      </Loadable>
    </Section>
  );
}
