import type { AllocationPlanLine, AllocationRecord, AllocationResult } from '@carbon-ets/contract';
import { useRef, useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Section, Select, useAction } from '../../components/ui';
import { formatTonnes } from '../../format';
import { basisPoints, decimal, otherError, required, wholeTonnes, year } from './forms';

const PLAN_SHOWN = ['period', 'installationId'];
const ALLOCATION_SHOWN = ['period', 'installationId', 'verifiedOutput'];

type Method = 'fixed' | 'benchmark';

/** One plan line, as `Allowance:SetAllocationPlan` takes it. */
function planLineRequest(fields: {
  installation: string;
  method: Method;
  quantity: string;
  benchmark: string;
  factors: string;
  base: string;
  share: string;
  ceiling: string;
}): Record<string, unknown> {
  const method =
    fields.method === 'fixed'
      ? { method: 'fixed', quantity: wholeTonnes(fields.quantity, 'quantity', 'The fixed quantity') }
      : {
          method: 'benchmark',
          benchmarkId: required(fields.benchmark, 'benchmarkId', 'Plan benchmark'),
          ...correctionFactors(fields.factors),
        };
  const preAllocation =
    fields.base.trim() === '' && fields.share.trim() === ''
      ? {}
      : {
          preAllocationBase: wholeTonnes(fields.base, 'preAllocationBase', 'Pre-allocation base', true),
          preAllocationShareBasisPoints: basisPoints(
            fields.share,
            'preAllocationShareBasisPoints',
            'Pre-allocation share',
          ),
        };
  return {
    installationId: required(fields.installation, 'installationId', 'Plan installation'),
    ...method,
    ...preAllocation,
    ceiling: wholeTonnes(fields.ceiling, 'ceiling', 'Ceiling'),
  };
}

function correctionFactors(text: string): { correctionFactors?: string[] } {
  const factors = text
    .split(',')
    .map((factor) => factor.trim())
    .filter((factor) => factor !== '')
    .map((factor) => decimal(factor, 'correctionFactors', 'Each correction factor'));
  return factors.length > 0 ? { correctionFactors: factors } : {};
}

function planText(line: AllocationPlanLine): string {
  const method =
    line.benchmark === undefined
      ? `fixed ${formatTonnes(line.quantity ?? 0)}`
      : `benchmark ${line.benchmark.id} (${line.benchmark.value}${line.benchmark.correctionFactors.map((f) => ` × ${f}`).join('')}) × verified output`;
  return `Plan line v${line.version} for ${line.installationId} (${line.period}): ${method}; pre-allocation ${formatTonnes(line.preAllocation)}; ceiling ${formatTonnes(line.ceiling)}.`;
}

function allocationText(allocation: AllocationRecord, part: string): string {
  const due = allocation.returnDue ?? 0;
  return `${part}: ${allocation.installationId} holds ${formatTonnes(allocation.quantity)} of its ${allocation.period} allocation${allocation.finalQuantity === undefined ? '' : ` (final ${formatTonnes(allocation.finalQuantity)})`}${due > 0 ? `; ${formatTonnes(due)} to return by the surrender deadline` : ''}.`;
}

/**
 * The regulator's free allocation: the period's plan line of an installation (method, pre-allocation share of a
 * base, ceiling; fixed once its allocation has started), then the pre-allocation and the true-up on the
 * verified output, which either allocates the rest or leaves a return obligation.
 */
export function AllocationSection() {
  return (
    <>
      <AllocationPlanForm />
      <FreeAllocationForm />
    </>
  );
}

function AllocationPlanForm() {
  const [period, setPeriod] = useState('');
  const [installation, setInstallation] = useState('');
  const [method, setMethod] = useState<Method>('fixed');
  const [quantity, setQuantity] = useState('');
  const [benchmark, setBenchmark] = useState('gas');
  const [factors, setFactors] = useState('');
  const [base, setBase] = useState('');
  const [share, setShare] = useState('');
  const [ceiling, setCeiling] = useState('');
  // Async: an input refused while building the request becomes the action's failure, shown by its field.
  const action = useAction(async () => {
    const line = planLineRequest({
      installation,
      method,
      quantity,
      benchmark,
      factors,
      base,
      share,
      ceiling,
    });
    return api<{ lines: AllocationPlanLine[] }>(
      'PUT',
      `/api/v1/periods/${String(year(period, 'period', 'Plan period'))}/allocation-plan`,
      { lines: [line] },
      newRequestId(),
    );
  });
  return (
    <Section title="Allocation plan">
      <form
        className="reg-form"
        onSubmit={(event) => {
          action.submit(event, ({ lines }) => lines.map(planText).join(' '));
        }}
      >
        <div className="row">
          <Field
            label="Plan period"
            name="plan-period"
            value={period}
            onChange={setPeriod}
            inputMode="numeric"
            placeholder="2025"
            error={action.fieldError('period')}
          />
          <Field
            label="Plan installation"
            name="plan-installation"
            value={installation}
            onChange={setInstallation}
            error={action.fieldError('installationId')}
          />
        </div>
        <Select
          label="Plan method"
          name="plan-method"
          value={method}
          options={[
            { value: 'fixed', label: 'A fixed quantity' },
            { value: 'benchmark', label: 'Benchmark × verified output' },
          ]}
          onChange={(value) => {
            setMethod(value === 'benchmark' ? 'benchmark' : 'fixed');
          }}
        />
        {method === 'fixed' ? (
          <Field
            label="Fixed quantity (t)"
            name="plan-quantity"
            value={quantity}
            onChange={setQuantity}
            inputMode="numeric"
            error={action.fieldError('quantity')}
          />
        ) : (
          <div className="row">
            <Field
              label="Plan benchmark"
              name="plan-benchmark"
              value={benchmark}
              onChange={setBenchmark}
              error={action.fieldError('benchmarkId')}
            />
            <Field
              label="Correction factors (comma-separated, optional)"
              name="plan-factors"
              value={factors}
              onChange={setFactors}
              placeholder="0.98, 1.0"
              error={action.fieldError('correctionFactors')}
            />
          </div>
        )}
        <div className="row">
          <Field
            label="Pre-allocation base (t)"
            name="plan-base"
            value={base}
            onChange={setBase}
            inputMode="numeric"
            placeholder="last year's allocation"
            error={action.fieldError('preAllocationBase')}
          />
          <Field
            label="Pre-allocation share (%)"
            name="plan-share"
            value={share}
            onChange={setShare}
            inputMode="decimal"
            placeholder="70"
            error={action.fieldError('preAllocationShareBasisPoints')}
          />
          <Field
            label="Ceiling (t)"
            name="plan-ceiling"
            value={ceiling}
            onChange={setCeiling}
            inputMode="numeric"
            error={action.fieldError('ceiling')}
          />
        </div>
        <p className="muted">
          Pre-allocation: base × share, rounded down, paid early. The final allocation (fixed quantity, or
          verified output × benchmark × factors, rounded down) never exceeds the ceiling. A line is fixed once
          its allocation has started.
        </p>
        <Outcome error={otherError(action, PLAN_SHOWN)} done={action.done} />
        <div className="reg-actions">
          <button type="submit" disabled={action.busy}>
            Set plan line
          </button>
        </div>
      </form>
    </Section>
  );
}

type Part = 'pre-allocation' | 'true-up';

function FreeAllocationForm() {
  const [period, setPeriod] = useState('');
  const [installation, setInstallation] = useState('');
  const [output, setOutput] = useState('');
  // The button pressed: read when the action runs, after the click.
  const part = useRef<Part>('pre-allocation');
  const action = useAction(async () => {
    const path = `/api/v1/periods/${String(year(period, 'period', 'Allocation period'))}/allocations/${encodeURIComponent(required(installation, 'installationId', 'Allocation installation'))}`;
    if (part.current === 'pre-allocation') {
      return api<AllocationResult>('POST', `${path}/pre-allocation`, {}, newRequestId());
    }
    const body =
      output.trim() === '' ? {} : { verifiedOutput: decimal(output, 'verifiedOutput', 'Verified output') };
    return api<AllocationResult>('POST', `${path}/true-up`, body, newRequestId());
  });
  const run = (chosen: Part) => {
    part.current = chosen;
    action.submit(undefined, ({ allocation }) =>
      allocationText(allocation, chosen === 'pre-allocation' ? 'Pre-allocated' : 'Trued up'),
    );
  };
  return (
    <Section title="Free allocation">
      <form
        className="reg-form"
        onSubmit={(event) => {
          event.preventDefault();
          run('pre-allocation');
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
        <Field
          label="Verified output (benchmark lines, for the true-up)"
          name="allocation-output"
          value={output}
          onChange={setOutput}
          inputMode="decimal"
          placeholder="12000"
          error={action.fieldError('verifiedOutput')}
        />
        <p className="muted">
          Pre-allocate pays the plan line&apos;s pre-allocation once. True up, after the installation&apos;s
          emissions are accepted, allocates the rest of the final allocation, or records what it must return.
        </p>
        <Outcome error={otherError(action, ALLOCATION_SHOWN)} done={action.done} />
        <div className="reg-actions">
          <button type="submit" disabled={action.busy}>
            Pre-allocate
          </button>
          <button
            type="button"
            disabled={action.busy}
            onClick={() => {
              run('true-up');
            }}
          >
            True up
          </button>
        </div>
      </form>
    </Section>
  );
}
