import type { TransferResult, UnitType } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Section, Select, useAction } from '../../components/ui';
import { formatTonnes, localTime } from '../../format';
import { wholeOrText } from '../regulator/forms';

/**
 * What a transfer did, in one line: moved, or waiting for a second representative with its units locked.
 * Quantities read in tonnes, or as `formatQuantity` says (green certificates: MWh).
 */
export function transferOutcome(
  result: TransferResult,
  formatQuantity: (quantity: number) => string = formatTonnes,
): string {
  const pending = result.pendingApproval;
  if (pending === undefined) {
    return `Transferred ${formatQuantity(result.quantity)} from ${result.fromAccount} to ${result.toAccount}.`;
  }
  return `Approval required: the transfer of ${formatQuantity(pending.quantity)} to ${result.toAccount} is above ${result.fromAccount}'s threshold and became approval request ${pending.id.slice(0, 12)}. Its units are locked until a second representative approves it (by ${localTime(pending.deadline).text}).`;
}

/**
 * Transfers allowances or offsets from one of the entity's accounts. Above the account's two-person threshold
 * the transfer becomes an approval request: the form says so, and the request shows under Approvals.
 */
export function TransferForm({
  defaultAccount,
  onTransferred,
}: {
  defaultAccount: string | undefined;
  onTransferred?: () => void;
}) {
  const [typedFrom, setFrom] = useState<string | undefined>();
  const fromAccount = typedFrom ?? defaultAccount ?? '';
  const [toAccount, setTo] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unitType, setUnitType] = useState<UnitType>('allowance');
  const [vintage, setVintage] = useState('');
  const [pending, setPending] = useState(false);
  const transfer = useAction(
    () =>
      api<TransferResult>(
        'POST',
        unitType === 'allowance' ? '/api/v1/allowances/transfers' : '/api/v1/offsets/transfers',
        {
          fromAccount: fromAccount.trim(),
          toAccount: toAccount.trim(),
          quantity: wholeOrText(quantity),
          ...(vintage.trim() === '' ? {} : { vintage: wholeOrText(vintage) }),
        },
        newRequestId(),
      ),
    (result) => {
      setPending(result.pendingApproval !== undefined);
      setQuantity('');
      onTransferred?.();
    },
  );
  return (
    <Section title="Transfer units">
      <form
        onSubmit={(event) => {
          setPending(false);
          transfer.submit(event, (result) => transferOutcome(result));
        }}
      >
        <div className="row">
          <Field
            label="From account"
            name="transfer-from"
            value={fromAccount}
            onChange={setFrom}
            error={transfer.fieldError('fromAccount')}
          />
          <Field
            label="To account"
            name="transfer-to"
            value={toAccount}
            onChange={setTo}
            error={transfer.fieldError('toAccount')}
          />
        </div>
        <div className="row">
          <Select
            label="Transfer unit type"
            name="transfer-unit-type"
            value={unitType}
            options={['allowance', 'offset']}
            onChange={(value) => {
              setUnitType(value === 'offset' ? 'offset' : 'allowance');
            }}
          />
          <Field
            label="Transfer quantity (t)"
            name="transfer-quantity"
            value={quantity}
            onChange={setQuantity}
            inputMode="numeric"
            suffix="t"
            error={transfer.fieldError('quantity')}
          />
          <Field
            label="Transfer vintage"
            name="transfer-vintage"
            value={vintage}
            onChange={setVintage}
            inputMode="numeric"
            placeholder="any"
            error={transfer.fieldError('vintage')}
          />
        </div>
        {pending && transfer.done !== undefined ? (
          <p role="status" className="ok" data-testid="transfer-pending-approval">
            {transfer.done}
          </p>
        ) : (
          <Outcome error={transfer.formError} done={transfer.done} />
        )}
        {pending && transfer.formError !== undefined && <Outcome error={transfer.formError} />}
        <div>
          <button type="submit" disabled={transfer.busy}>
            Transfer
          </button>
        </div>
      </form>
    </Section>
  );
}
