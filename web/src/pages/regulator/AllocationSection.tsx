import type { AllocationRecord, Lot } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Section, Select, useAction } from '../../components/ui';
import { formatTonnes } from '../../format';
import { decimal, otherError, required, wholeTonnes, year } from './forms';

const SHOWN = ['period', 'installationId', 'quantity', 'benchmarkId', 'output', 'correctionFactors'];

type Method = 'quantity' | 'benchmark';

/** The allocation request: an explicit quantity, or output × the period's benchmark × correction factors. */
function allocationRequest(fields: {
  period: string;
  installation: string;
  method: Method;
  quantity: string;
  benchmark: string;
  output: string;
  factors: string;
}): Record<string, unknown> {
  const base = {
    period: year(fields.period, 'period', 'Allocation period'),
    installationId: required(fields.installation, 'installationId', 'Allocation installation'),
  };
  if (fields.method === 'quantity') {
    return { ...base, quantity: wholeTonnes(fields.quantity, 'quantity', 'Allocation quantity') };
  }
  const factors = fields.factors
    .split(',')
    .map((factor) => factor.trim())
    .filter((factor) => factor !== '')
    .map((factor) => decimal(factor, 'correctionFactors', 'Each correction factor'));
  return {
    ...base,
    benchmarkId: required(fields.benchmark, 'benchmarkId', 'Allocation benchmark'),
    output: decimal(fields.output, 'output', 'Output'),
    ...(factors.length > 0 ? { correctionFactors: factors } : {}),
  };
}

/** Free allocation to an installation's holding account, once per installation and period. */
export function AllocationSection() {
  const [period, setPeriod] = useState('');
  const [installation, setInstallation] = useState('');
  const [method, setMethod] = useState<Method>('quantity');
  const [quantity, setQuantity] = useState('');
  const [benchmark, setBenchmark] = useState('gas');
  const [output, setOutput] = useState('');
  const [factors, setFactors] = useState('');
  const action = useAction(() =>
    api<{ allocation: AllocationRecord; lots: Lot[] }>(
      'POST',
      '/api/v1/allowances/allocations',
      allocationRequest({ period, installation, method, quantity, benchmark, output, factors }),
      newRequestId(),
    ),
  );
  return (
    <Section title="Free allocation">
      <form
        className="reg-form"
        onSubmit={(event) => {
          action.submit(
            event,
            ({ allocation }) =>
              `Allocated ${formatTonnes(allocation.quantity)} of ${allocation.period} to ${allocation.installationId} (holding account ${allocation.accountId}${allocation.benchmark === undefined ? '' : `, benchmark ${allocation.benchmark.id} × ${allocation.benchmark.output}`}).`,
          );
        }}
      >
        <div className="row">
          <Field
            label="Allocation period"
            name="allocation-period"
            value={period}
            onChange={setPeriod}
            inputMode="numeric"
            placeholder="2025"
            error={action.fieldError('period')}
          />
          <Field
            label="Allocation installation"
            name="allocation-installation"
            value={installation}
            onChange={setInstallation}
            error={action.fieldError('installationId')}
          />
        </div>
        <Select
          label="Allocation method"
          name="allocation-method"
          value={method}
          options={[
            { value: 'quantity', label: 'A quantity of tonnes' },
            { value: 'benchmark', label: 'Benchmark × output' },
          ]}
          onChange={(value) => {
            setMethod(value === 'benchmark' ? 'benchmark' : 'quantity');
          }}
        />
        {method === 'quantity' ? (
          <Field
            label="Allocation quantity (t)"
            name="allocation-quantity"
            value={quantity}
            onChange={setQuantity}
            inputMode="numeric"
            error={action.fieldError('quantity')}
          />
        ) : (
          <>
            <div className="row">
              <Field
                label="Allocation benchmark"
                name="allocation-benchmark"
                value={benchmark}
                onChange={setBenchmark}
                error={action.fieldError('benchmarkId')}
              />
              <Field
                label="Output (in the benchmark's unit)"
                name="allocation-output"
                value={output}
                onChange={setOutput}
                inputMode="decimal"
                placeholder="12000"
                error={action.fieldError('output')}
              />
            </div>
            <Field
              label="Correction factors (comma-separated, optional)"
              name="allocation-factors"
              value={factors}
              onChange={setFactors}
              placeholder="0.98, 1.0"
              error={action.fieldError('correctionFactors')}
            />
            <p className="muted">
              Allocated: output × benchmark × each factor, rounded down to whole tonnes.
            </p>
          </>
        )}
        <Outcome error={otherError(action, SHOWN)} done={action.done} />
        <div className="reg-actions">
          <button type="submit" disabled={action.busy}>
            Allocate
          </button>
        </div>
      </form>
    </Section>
  );
}
