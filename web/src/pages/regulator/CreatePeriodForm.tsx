import type { CompliancePeriod } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Select, useAction } from '../../components/ui';
import { formatMoney, formatTonnes } from '../../format';
import {
  basisPoints,
  dayFromNow,
  decimal,
  endOfDay,
  fen,
  otherError,
  required,
  wholeTonnes,
  year,
} from './forms';
import { policyText } from './policy';

const SHOWN = [
  'year',
  'cap',
  'reportBy',
  'verifyBy',
  'surrenderBy',
  'penaltyPerTonne',
  'offsetLimitBasisPoints',
  'materialityThresholdBasisPoints',
  'benchmarks',
  'obligationCapBasisPoints',
  'borrowingLimitBasisPoints',
];

const OVER_SURRENDER = ['warned', 'refused'] as const;

/** An optional percentage as basis points: left empty, the request leaves the field out. */
function optionalBasisPoints(text: string, field: string, label: string): Record<string, number> {
  return text.trim() === '' ? {} : { [field]: basisPoints(text, field, label) };
}

/**
 * Creates a compliance period: cap, deadlines (end of the chosen days, UTC), penalty, offset limit, a benchmark,
 * and its compliance policy (gap cap, borrowing, over-surrender).
 */
export function CreatePeriodForm({ onCreated }: { onCreated: (year: number) => void }) {
  const [periodYear, setPeriodYear] = useState('');
  const [cap, setCap] = useState('');
  const [reportBy, setReportBy] = useState(() => dayFromNow(30));
  const [verifyBy, setVerifyBy] = useState(() => dayFromNow(60));
  const [surrenderBy, setSurrenderBy] = useState(() => dayFromNow(90));
  const [penalty, setPenalty] = useState('100.00');
  const [offsetLimit, setOffsetLimit] = useState('5');
  const [materiality, setMateriality] = useState('5');
  const [benchmarkId, setBenchmarkId] = useState('gas');
  const [benchmarkValue, setBenchmarkValue] = useState('0.392');
  const [benchmarkUnit, setBenchmarkUnit] = useState('MWh');
  const [obligationCap, setObligationCap] = useState('');
  const [borrowingLimit, setBorrowingLimit] = useState('');
  const [overSurrender, setOverSurrender] = useState<'warned' | 'refused'>('warned');
  const action = useAction(
    () => {
      const benchmark = benchmarkId.trim();
      const request = {
        year: year(periodYear, 'year', 'Year'),
        cap: wholeTonnes(cap, 'cap', 'Cap', true),
        deadlines: {
          reportBy: endOfDay(reportBy, 'reportBy', 'Report by'),
          verifyBy: endOfDay(verifyBy, 'verifyBy', 'Verify by'),
          surrenderBy: endOfDay(surrenderBy, 'surrenderBy', 'Surrender by'),
        },
        penaltyPerTonne: Number(fen(penalty, 'penaltyPerTonne', 'Penalty per tonne', true)),
        offsetLimitBasisPoints: basisPoints(offsetLimit, 'offsetLimitBasisPoints', 'Offset limit'),
        materialityThresholdBasisPoints: basisPoints(
          materiality,
          'materialityThresholdBasisPoints',
          'Materiality threshold',
        ),
        ...optionalBasisPoints(obligationCap, 'obligationCapBasisPoints', 'Obligation cap'),
        ...optionalBasisPoints(borrowingLimit, 'borrowingLimitBasisPoints', 'Borrowing limit'),
        overSurrender,
        ...(benchmark === ''
          ? {}
          : {
              benchmarks: {
                [benchmark]: {
                  description: benchmark,
                  value: decimal(benchmarkValue, 'benchmarks', 'Benchmark'),
                  outputUnit: required(benchmarkUnit, 'benchmarks', 'Benchmark output unit'),
                },
              },
            }),
      };
      return api<CompliancePeriod>('POST', '/api/v1/periods', request, newRequestId());
    },
    (created) => {
      onCreated(created.year);
    },
  );
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        action.submit(
          event,
          (created) =>
            `Period ${created.year} created: cap ${formatTonnes(created.cap)}, penalty ${formatMoney(created.penaltyPerTonne, created.currency)} per t; ${policyText(created)}.`,
        );
      }}
    >
      <h3>New period</h3>
      <div className="row">
        <Field
          label="Year"
          name="period-year"
          value={periodYear}
          onChange={setPeriodYear}
          inputMode="numeric"
          placeholder="2025"
          error={action.fieldError('year')}
        />
        <Field
          label="Cap (t)"
          name="period-cap"
          value={cap}
          onChange={setCap}
          inputMode="numeric"
          placeholder="1,000,000"
          error={action.fieldError('cap')}
        />
      </div>
      <div className="row">
        <Field
          label="Report by"
          name="period-report-by"
          type="date"
          value={reportBy}
          onChange={setReportBy}
          error={action.fieldError('reportBy')}
        />
        <Field
          label="Verify by"
          name="period-verify-by"
          type="date"
          value={verifyBy}
          onChange={setVerifyBy}
          error={action.fieldError('verifyBy')}
        />
        <Field
          label="Surrender by"
          name="period-surrender-by"
          type="date"
          value={surrenderBy}
          onChange={setSurrenderBy}
          error={action.fieldError('surrenderBy')}
        />
      </div>
      <p className="muted">Each deadline is the end of its day, 23:59:59 UTC.</p>
      <div className="row">
        <Field
          label="Penalty per tonne (CNY)"
          name="period-penalty"
          value={penalty}
          onChange={setPenalty}
          inputMode="decimal"
          error={action.fieldError('penaltyPerTonne')}
        />
        <Field
          label="Offset limit (%)"
          name="period-offset-limit"
          value={offsetLimit}
          onChange={setOffsetLimit}
          inputMode="decimal"
          error={action.fieldError('offsetLimitBasisPoints')}
        />
        <Field
          label="Materiality (%)"
          name="period-materiality"
          value={materiality}
          onChange={setMateriality}
          inputMode="decimal"
          error={action.fieldError('materialityThresholdBasisPoints')}
        />
      </div>
      <div className="row">
        <Field
          label="Benchmark id"
          name="period-benchmark-id"
          value={benchmarkId}
          onChange={setBenchmarkId}
          placeholder="none"
          error={action.fieldError('benchmarks')}
        />
        <Field
          label="Benchmark value"
          name="period-benchmark-value"
          value={benchmarkValue}
          onChange={setBenchmarkValue}
          inputMode="decimal"
        />
        <Field
          label="Output unit"
          name="period-benchmark-unit"
          value={benchmarkUnit}
          onChange={setBenchmarkUnit}
        />
      </div>
      <p className="muted">
        The benchmark value is the allowances allocated per unit of output; free allocation by benchmark uses
        it. Clear the benchmark id to create the period without one.
      </p>
      <div className="row">
        <Field
          label="Obligation cap (%)"
          name="period-obligation-cap"
          value={obligationCap}
          onChange={setObligationCap}
          inputMode="decimal"
          placeholder="none"
          error={action.fieldError('obligationCapBasisPoints')}
        />
        <Field
          label="Borrowing limit (%)"
          name="period-borrowing-limit"
          value={borrowingLimit}
          onChange={setBorrowingLimit}
          inputMode="decimal"
          placeholder="0 (off)"
          error={action.fieldError('borrowingLimitBasisPoints')}
        />
        <Select
          label="Over-surrender"
          name="period-over-surrender"
          value={overSurrender}
          options={OVER_SURRENDER}
          onChange={(value) => {
            setOverSurrender(value === 'refused' ? 'refused' : 'warned');
          }}
        />
      </div>
      <p className="muted">
        Policy, all optional: the obligation cap limits what an installation owes for its own emissions to its
        free allocation plus this share (China&apos;s gap cap: 20); the borrowing limit lets allowances of the
        next vintage cover up to this share of the obligation; an over-surrender is accepted with a warning or
        refused.
      </p>
      <Outcome error={otherError(action, SHOWN)} done={action.done} />
      <div className="reg-actions">
        <button type="submit" disabled={action.busy}>
          Create period
        </button>
      </div>
    </form>
  );
}
