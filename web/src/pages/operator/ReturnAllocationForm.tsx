import type { AllocationResult } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { formatTonnes } from '../../format';
import { FORM_LAYOUT } from './form-layout';
import { wholeOrText } from '../regulator/forms';

/**
 * Returns over-allocated allowances (of the period's vintage) from the installation's holding account to
 * NATIONAL-ALLOCATION, after a true-up left a return obligation: by the surrender deadline, else what is left
 * is added to the shortfall when the period closes.
 */
export function ReturnAllocationForm({
  period,
  installationId,
  due,
  onReturned,
}: {
  period: number;
  installationId: string;
  due: number;
  onReturned: () => void;
}) {
  const [quantity, setQuantity] = useState(String(due));
  const action = useAction(
    () =>
      api<AllocationResult>(
        'POST',
        `/api/v1/periods/${String(period)}/allocations/${encodeURIComponent(installationId)}/returns`,
        { quantity: wholeOrText(quantity) },
        newRequestId(),
      ),
    onReturned,
  );
  return (
    <form
      style={FORM_LAYOUT}
      aria-label="Return allocation"
      onSubmit={(event) => {
        action.submit(
          event,
          ({ allocation }) =>
            `Returned ${formatTonnes(Number(quantity))}: ${formatTonnes(allocation.returnDue ?? 0)} still to return.`,
        );
      }}
    >
      <Field
        label="Return quantity (t)"
        name="return-quantity"
        value={quantity}
        onChange={setQuantity}
        inputMode="numeric"
        error={action.fieldError('quantity')}
      />
      <Outcome
        error={action.fieldError('quantity') === undefined ? action.formError : undefined}
        done={action.done}
      />
      <div>
        <button type="submit" disabled={action.busy}>
          Return allowances
        </button>
      </div>
    </form>
  );
}
