import type { Account } from '@carbon-ets/contract';
import { useRef, useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { otherError, required, segment, submitterOf } from './forms';

const SHOWN = ['accountId', 'reason'];

/** Freezes an account (its resting orders stop trading) or lifts the freeze, with a reason. */
export function FreezeForm() {
  const [account, setAccount] = useState('');
  const [reason, setReason] = useState('');
  const intent = useRef<'freeze' | 'unfreeze'>('freeze');
  const action = useAction(() =>
    api<Account>(
      'POST',
      `/api/v1/accounts/${segment(required(account, 'accountId', 'Account to freeze'))}/${intent.current}`,
      { reason: required(reason, 'reason', 'Freeze reason') },
      newRequestId(),
    ),
  );
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        intent.current = submitterOf(event) === 'unfreeze' ? 'unfreeze' : 'freeze';
        action.submit(
          event,
          (changed) => `${changed.id} is ${changed.status === 'blocked' ? 'frozen' : changed.status}.`,
        );
      }}
    >
      <h3>Accounts</h3>
      <Field
        label="Account to freeze"
        name="freeze-account"
        value={account}
        onChange={setAccount}
        error={action.fieldError('accountId')}
      />
      <Field
        label="Freeze reason"
        name="freeze-reason"
        value={reason}
        onChange={setReason}
        error={action.fieldError('reason')}
      />
      <Outcome error={otherError(action, SHOWN)} done={action.done} />
      <div className="reg-actions">
        <button type="submit" value="freeze" disabled={action.busy}>
          Freeze
        </button>
        <button type="submit" value="unfreeze" className="secondary" disabled={action.busy}>
          Unfreeze
        </button>
      </div>
    </form>
  );
}
