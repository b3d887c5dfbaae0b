import type { Lot, RetirementResult } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { formatMwh } from '../../format';
import { FORM_LAYOUT } from '../operator/form-layout';
import { lotIdsOf } from '../operator/report-draft';
import { otherError, wholeOrText } from '../regulator/forms';

const SHOWN = ['quantity', 'beneficiary', 'reason', 'lotIds'];

/**
 * Cancels certificates of the account for a named beneficiary, for good: they become retired lots in the
 * deletion account, which the entity may then apply to one emissions report each.
 */
export function CancelCertificatesForm({
  account,
  onCancelled,
}: {
  account: string;
  onCancelled: (lots: readonly Lot[]) => void;
}) {
  const [quantity, setQuantity] = useState('');
  const [beneficiary, setBeneficiary] = useState('');
  const [reason, setReason] = useState('');
  const [lots, setLots] = useState('');
  const cancel = useAction(
    () => {
      const lotIds = lotIdsOf(lots);
      return api<RetirementResult>(
        'POST',
        '/api/v1/certificates/cancellations',
        {
          accountId: account.trim(),
          quantity: wholeOrText(quantity),
          beneficiary: beneficiary.trim(),
          ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
          ...(lotIds.length === 0 ? {} : { lotIds }),
        },
        newRequestId(),
      );
    },
    (result) => {
      // Cleared so that a second click cannot cancel more by mistake.
      setQuantity('');
      setLots('');
      onCancelled(result.lots);
    },
  );
  return (
    <form
      style={FORM_LAYOUT}
      aria-label="Cancel certificates"
      onSubmit={(event) => {
        cancel.submit(
          event,
          (result) =>
            `Cancelled ${formatMwh(result.quantity)} for ${result.beneficiary}: now lot${result.lots.length === 1 ? '' : 's'} ${result.lots.map((lot) => lot.id).join(', ')} in ${result.lots[0]?.accountId ?? 'the deletion account'}.`,
        );
      }}
    >
      <h3>Cancel for a beneficiary</h3>
      <div className="row">
        <Field
          label="Cancel quantity (MWh)"
          name="certificate-cancel-quantity"
          value={quantity}
          onChange={setQuantity}
          inputMode="numeric"
          suffix="MWh"
          error={cancel.fieldError('quantity')}
        />
        <Field
          label="Beneficiary"
          name="certificate-beneficiary"
          value={beneficiary}
          onChange={setBeneficiary}
          error={cancel.fieldError('beneficiary')}
        />
      </div>
      <div className="row">
        <Field
          label="Cancel reason"
          name="certificate-cancel-reason"
          value={reason}
          onChange={setReason}
          placeholder="optional"
          error={cancel.fieldError('reason')}
        />
        <Field
          label="Cancel lots"
          name="certificate-cancel-lots"
          value={lots}
          onChange={setLots}
          placeholder="any"
          error={cancel.fieldError('lotIds')}
        />
      </div>
      <p className="muted">Terminal: a cancelled certificate never moves or is cancelled again.</p>
      <Outcome error={otherError(cancel, SHOWN)} done={cancel.done} />
      <div>
        <button type="submit" disabled={cancel.busy}>
          Cancel certificates
        </button>
      </div>
    </form>
  );
}
