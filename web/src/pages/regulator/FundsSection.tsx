import type { CashEntry, FundsBalance } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Loadable, Outcome, Section, useAction, useLoad } from '../../components/ui';
import { formatMoney } from '../../format';
import { useRefreshOnNotice } from '../../notifications';
import { fen, otherError, required, segment } from './forms';

const SHOWN = ['accountId', 'amount', 'reference'];

/** Pays settlement funds into an enterprise account (the regulator's org stands in for the settlement bank). */
export function FundsSection() {
  const [account, setAccount] = useState('');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [shown, setShown] = useState<string | undefined>();
  const action = useAction(
    () => {
      const accountId = required(account, 'accountId', 'Deposit account');
      return api<CashEntry>(
        'POST',
        `/api/v1/accounts/${segment(accountId)}/deposits`,
        {
          amount: fen(amount, 'amount', 'Amount'),
          ...(reference.trim() === '' ? {} : { reference: reference.trim() }),
        },
        newRequestId(),
      );
    },
    (entry) => {
      setShown(entry.accountId);
    },
  );
  return (
    <Section title="Funds">
      <form
        className="reg-form"
        onSubmit={(event) => {
          action.submit(event, (entry) => `Deposited ${formatMoney(entry.amount)} into ${entry.accountId}.`);
        }}
      >
        <div className="row">
          <Field
            label="Deposit account"
            name="deposit-account"
            value={account}
            onChange={setAccount}
            error={action.fieldError('accountId')}
          />
          <Field
            label="Amount (CNY)"
            name="deposit-amount"
            value={amount}
            onChange={setAmount}
            inputMode="decimal"
            placeholder="10,000.00"
            error={action.fieldError('amount')}
          />
        </div>
        <Field
          label="Reference (optional)"
          name="deposit-reference"
          value={reference}
          onChange={setReference}
          placeholder="bank transfer id"
          error={action.fieldError('reference')}
        />
        <Outcome error={otherError(action, SHOWN)} done={action.done} />
        <div className="reg-actions">
          <button type="submit" disabled={action.busy}>
            Deposit
          </button>
        </div>
      </form>
      {shown !== undefined && <AccountFunds key={shown} accountId={shown} />}
    </Section>
  );
}

/** The funds of the account last paid into, as the read model has them. */
function AccountFunds({ accountId }: { accountId: string }) {
  const state = useLoad(() => api<FundsBalance>('GET', `/api/v1/funds/${segment(accountId)}`), [accountId]);
  useRefreshOnNotice(() => {
    state.reload();
  });
  return (
    <Loadable state={state}>
      {(funds) => (
        <div className="stats">
          <div className="stat">
            <div className="muted">{funds.accountId} available</div>
            <div className="value">{formatMoney(funds.available)}</div>
          </div>
          <div className="stat">
            <div className="muted">Locked by buy orders</div>
            <div className="value">{formatMoney(funds.locked)}</div>
          </div>
        </div>
      )}
    </Loadable>
  );
}
