import type { AccountHoldings, Installation, SurrenderResult, UnitType } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Section, Select, useAction, useLoad } from '../../components/ui';
import { formatTonnes } from '../../format';
import { useRefreshOnNotice } from '../../notifications';
import { AvailableUnits } from './AvailableUnits';
import { useHoldingAccount } from './useHoldingAccount';
import { FORM_LAYOUT, WARNING_NOTE } from './form-layout';
import { wholeOrText } from '../regulator/forms';

/** Surrenders units from an installation's holding account against its obligation for a period, for good. */
export function SurrenderForm({
  installations,
  defaultPeriod,
  defaultInstallation,
}: {
  installations: readonly Installation[] | undefined;
  defaultPeriod: string;
  defaultInstallation: string;
}) {
  const [period, setPeriod] = useState(defaultPeriod);
  const [typedInstallation, setInstallation] = useState<string | undefined>();
  const installationId = typedInstallation ?? defaultInstallation;
  const [unitType, setUnitType] = useState<UnitType>('allowance');
  const [quantity, setQuantity] = useState('');
  const [vintage, setVintage] = useState('');
  const [warning, setWarning] = useState<string | undefined>();
  const account = useHoldingAccount(installationId, installations);
  const holdings = useLoad(async () => {
    if (account.value === undefined || account.value === null) return null;
    return api<AccountHoldings>('GET', `/api/v1/accounts/${encodeURIComponent(account.value)}/holdings`);
  }, [account.value]);
  useRefreshOnNotice(() => {
    holdings.reload();
  });
  const surrender = useAction(
    () =>
      api<SurrenderResult>(
        'POST',
        '/api/v1/surrenders',
        {
          period: wholeOrText(period),
          installationId: installationId.trim(),
          unitType,
          quantity: wholeOrText(quantity),
          ...(vintage.trim() === '' ? {} : { vintage: wholeOrText(vintage) }),
        },
        newRequestId(),
      ),
    (result) => {
      setWarning(result.warning);
      setQuantity('');
      holdings.reload();
    },
  );
  const year = /^\d{4}$/.test(period.trim()) ? Number(period) : undefined;
  return (
    <Section title="Surrender">
      <form
        style={FORM_LAYOUT}
        onSubmit={(event) => {
          setWarning(undefined);
          surrender.submit(
            event,
            ({ status }) =>
              `Surrendered ${formatTonnes(Number(quantity))} of ${unitType}s: status ${status.code}, ${formatTonnes(status.surrendered)} surrendered of ${formatTonnes(status.obligation)} owed.`,
          );
        }}
      >
        <div className="row">
          <Field
            label="Surrender period"
            name="surrender-period"
            value={period}
            onChange={setPeriod}
            inputMode="numeric"
            error={surrender.fieldError('period')}
          />
          <Field
            label="Surrender installation"
            name="surrender-installation"
            value={installationId}
            onChange={setInstallation}
            error={surrender.fieldError('installationId') ?? account.error}
          />
        </div>
        <div className="row">
          <Select
            label="Unit type"
            name="surrender-unit-type"
            value={unitType}
            options={['allowance', 'offset']}
            onChange={(value) => {
              setUnitType(value === 'offset' ? 'offset' : 'allowance');
            }}
          />
          <Field
            label="Surrender quantity (t)"
            name="surrender-quantity"
            value={quantity}
            onChange={setQuantity}
            inputMode="numeric"
            suffix="t"
            error={surrender.fieldError('quantity') ?? surrender.fieldError('unitType')}
          />
          <Field
            label="Surrender vintage"
            name="surrender-vintage"
            value={vintage}
            onChange={setVintage}
            inputMode="numeric"
            placeholder={year === undefined ? 'up to the period' : `up to ${year}`}
            error={surrender.fieldError('vintage')}
          />
        </div>
        <p className="muted">
          Surrender vintage (allowances, optional): empty spends any vintage up to the period; the period + 1
          {year === undefined ? '' : ` (${year + 1})`} borrows from the next vintage, where the period allows
          it.
        </p>
        <AvailableUnits account={account.value} holdings={holdings} unitType={unitType} period={year} />
        <Outcome error={surrender.formError} done={surrender.done} />
        {warning !== undefined && surrender.done !== undefined && (
          <p role="note" style={WARNING_NOTE} data-testid="surrender-warning">
            Warning: {warning}
          </p>
        )}
        <div>
          <button type="submit" disabled={surrender.busy}>
            Surrender
          </button>
        </div>
      </form>
    </Section>
  );
}
