import type { AccountHoldings, Lot } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Loadable, Num, Outcome, Section, useAction, useLoad } from '../../components/ui';
import { formatTonnes } from '../../format';
import { otherError, wholeTonnes, year } from './forms';
import { SUPPLY_EVENTS, useRefreshOn } from './refresh';

const SHOWN = ['period', 'quantity'];

/** The national allocation account's fixed id (the contract's `NATIONAL_ACCOUNTS.allocation`). */
const NATIONAL_ALLOCATION = 'NATIONAL-ALLOCATION';

/** Issues allowances of a period's vintage into the national allocation account, never beyond the cap. */
export function IssuanceSection() {
  const [period, setPeriod] = useState('');
  const [quantity, setQuantity] = useState('');
  const national = useLoad(() => api<AccountHoldings>('GET', `/api/v1/holdings/${NATIONAL_ALLOCATION}`), []);
  useRefreshOn(SUPPLY_EVENTS, () => {
    national.reload();
  });
  const action = useAction(
    () =>
      api<Lot>(
        'POST',
        '/api/v1/allowances/issuances',
        { period: year(period, 'period', 'Period'), quantity: wholeTonnes(quantity, 'quantity', 'Quantity') },
        newRequestId(),
      ),
    () => {
      national.reload();
    },
  );
  return (
    <Section title="Issue allowances">
      <form
        className="reg-form"
        onSubmit={(event) => {
          action.submit(
            event,
            (lot) =>
              `Issued ${formatTonnes(lot.quantity)} of vintage ${lot.vintage} into ${lot.accountId} (serials ${lot.serialStart.toLocaleString('en-US')}–${lot.serialEnd.toLocaleString('en-US')}).`,
          );
        }}
      >
        <div className="row">
          <Field
            label="Period"
            name="issue-period"
            value={period}
            onChange={setPeriod}
            inputMode="numeric"
            placeholder="2025"
            error={action.fieldError('period')}
          />
          <Field
            label="Quantity (t)"
            name="issue-quantity"
            value={quantity}
            onChange={setQuantity}
            inputMode="numeric"
            error={action.fieldError('quantity')}
          />
        </div>
        <p className="muted">Into {NATIONAL_ALLOCATION}, serials continuing the vintage&apos;s.</p>
        <Outcome error={otherError(action, SHOWN)} done={action.done} />
        <div className="reg-actions">
          <button type="submit" disabled={action.busy}>
            Issue allowances
          </button>
        </div>
      </form>
      <Loadable state={national}>{(holdings) => <NationalHoldings holdings={holdings} />}</Loadable>
    </Section>
  );
}

function NationalHoldings({ holdings }: { holdings: AccountHoldings }) {
  const rows = holdings.holdings.filter((holding) => holding.unitType === 'allowance');
  if (rows.length === 0) return <p className="muted">{holdings.account.id} holds no allowances.</p>;
  return (
    <table>
      <caption className="muted">Held in {holdings.account.id}</caption>
      <thead>
        <tr>
          <th>Vintage</th>
          <th>Status</th>
          <th className="num">Tonnes</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((holding) => (
          <tr key={`${holding.vintage}-${holding.status}`}>
            <td>{holding.vintage}</td>
            <td>{holding.status}</td>
            <Num>{formatTonnes(holding.quantity)}</Num>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
