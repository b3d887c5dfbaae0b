import type { Instrument } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Select, useAction } from '../../components/ui';
import { formatPrice } from '../../format';
import { fen, otherError, year } from './forms';

const SHOWN = ['unitType', 'vintage', 'referencePrice'];

/** Lists an instrument (or changes its reference price): the band's reference until its first close. */
export function ListInstrumentForm() {
  const [unitType, setUnitType] = useState('allowance');
  const [vintage, setVintage] = useState('');
  const [price, setPrice] = useState('');
  const action = useAction(() =>
    api<Instrument>(
      'PUT',
      '/api/v1/instruments',
      {
        unitType,
        vintage: year(vintage, 'vintage', 'Instrument vintage'),
        referencePrice: Number(fen(price, 'referencePrice', 'Reference price')),
      },
      newRequestId(),
    ),
  );
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        action.submit(
          event,
          (instrument) =>
            `${instrument.id} listed: reference CNY ${formatPrice(instrument.referencePrice)} per t, band ±${(instrument.bandBasisPoints / 100).toLocaleString('en-US')} %.`,
        );
      }}
    >
      <h3>Instruments</h3>
      <div className="row">
        <Select
          label="Unit type"
          name="instrument-unit-type"
          value={unitType}
          options={['allowance', 'offset']}
          onChange={setUnitType}
        />
        <Field
          label="Instrument vintage"
          name="instrument-vintage"
          value={vintage}
          onChange={setVintage}
          inputMode="numeric"
          placeholder="2025"
          error={action.fieldError('vintage')}
        />
      </div>
      <Field
        label="Reference price (CNY)"
        name="instrument-reference-price"
        value={price}
        onChange={setPrice}
        inputMode="decimal"
        placeholder="50.00"
        suffix="per t"
        error={action.fieldError('referencePrice')}
      />
      <Outcome error={otherError(action, SHOWN)} done={action.done} />
      <div className="reg-actions">
        <button type="submit" disabled={action.busy}>
          List instrument
        </button>
      </div>
    </form>
  );
}
