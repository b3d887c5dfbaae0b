import type { TransferResult } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { formatMwh } from '../../format';
import { transferOutcome } from '../approvals/TransferForm';
import { FORM_LAYOUT } from '../operator/form-layout';
import { otherError, wholeOrText } from '../regulator/forms';
import { lotIdsOf } from '../operator/report-draft';

const SHOWN = ['toAccount', 'quantity', 'lotIds'];

/** Moves certificates from the account to another (any lots, or the ones named); above a threshold it waits. */
export function TransferCertificatesForm({ account, onDone }: { account: string; onDone: () => void }) {
  const [toAccount, setTo] = useState('');
  const [quantity, setQuantity] = useState('');
  const [lots, setLots] = useState('');
  const transfer = useAction(
    () => {
      const lotIds = lotIdsOf(lots);
      return api<TransferResult>(
        'POST',
        '/api/v1/certificates/transfers',
        {
          fromAccount: account.trim(),
          toAccount: toAccount.trim(),
          quantity: wholeOrText(quantity),
          ...(lotIds.length === 0 ? {} : { lotIds }),
        },
        newRequestId(),
      );
    },
    () => {
      setQuantity('');
      setLots('');
      onDone();
    },
  );
  return (
    <form
      style={FORM_LAYOUT}
      aria-label="Transfer certificates"
      onSubmit={(event) => {
        transfer.submit(event, (result) => transferOutcome(result, formatMwh));
      }}
    >
      <h3>Transfer</h3>
      <div className="row">
        <Field
          label="Transfer to account"
          name="certificate-transfer-to"
          value={toAccount}
          onChange={setTo}
          error={transfer.fieldError('toAccount')}
        />
        <Field
          label="Transfer quantity (MWh)"
          name="certificate-transfer-quantity"
          value={quantity}
          onChange={setQuantity}
          inputMode="numeric"
          suffix="MWh"
          error={transfer.fieldError('quantity')}
        />
        <Field
          label="Transfer lots"
          name="certificate-transfer-lots"
          value={lots}
          onChange={setLots}
          placeholder="any"
          error={transfer.fieldError('lotIds')}
        />
      </div>
      <Outcome error={otherError(transfer, SHOWN)} done={transfer.done} />
      <div>
        <button type="submit" disabled={transfer.busy}>
          Transfer certificates
        </button>
      </div>
    </form>
  );
}
