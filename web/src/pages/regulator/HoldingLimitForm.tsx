import type { HoldingLimit } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { formatTonnes } from '../../format';
import { otherError, required, wholeTonnes } from './forms';

const SHOWN = ['entityId', 'instrument', 'limit'];

type LimitAnswer = HoldingLimit | { entityId: string; instrument: string; limit: null };

/** Sets the most tonnes of an instrument an entity may hold (checked when it buys); empty removes the limit. */
export function HoldingLimitForm() {
  const [entity, setEntity] = useState('');
  const [instrument, setInstrument] = useState('');
  const [limit, setLimit] = useState('');
  const action = useAction(() =>
    api<LimitAnswer>(
      'PUT',
      '/api/v1/holding-limits',
      {
        entityId: required(entity, 'entityId', 'Limit entity'),
        instrument: required(instrument, 'instrument', 'Limit instrument'),
        limit: limit.trim() === '' ? null : wholeTonnes(limit, 'limit', 'Limit', true),
      },
      newRequestId(),
    ),
  );
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        action.submit(event, (set) =>
          set.limit === null
            ? `${set.entityId} has no holding limit in ${set.instrument} any more.`
            : `${set.entityId} may hold at most ${formatTonnes(set.limit)} of ${set.instrument}.`,
        );
      }}
    >
      <h3>Holding limits</h3>
      <div className="row">
        <Field
          label="Limit entity"
          name="limit-entity"
          value={entity}
          onChange={setEntity}
          placeholder="ENT1"
          error={action.fieldError('entityId')}
        />
        <Field
          label="Limit instrument"
          name="limit-instrument"
          value={instrument}
          onChange={setInstrument}
          placeholder="allowance-2025"
          error={action.fieldError('instrument')}
        />
      </div>
      <Field
        label="Limit (t)"
        name="limit-tonnes"
        value={limit}
        onChange={setLimit}
        inputMode="numeric"
        placeholder="empty removes the limit"
        error={action.fieldError('limit')}
      />
      <Outcome error={otherError(action, SHOWN)} done={action.done} />
      <div className="reg-actions">
        <button type="submit" disabled={action.busy}>
          Set holding limit
        </button>
      </div>
    </form>
  );
}
