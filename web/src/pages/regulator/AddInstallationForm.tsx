import type { Entity } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, useAction } from '../../components/ui';
import { decimal, otherError, required, segment } from './forms';

const SHOWN = ['entityId', 'id', 'sector', 'capacity', 'name'];

/** Adds an installation (capacity in MW) to a registered covered enterprise. */
export function AddInstallationForm() {
  const [entity, setEntity] = useState('');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [sector, setSector] = useState('power');
  const [capacity, setCapacity] = useState('');
  const action = useAction(() => {
    const entityId = required(entity, 'entityId', 'Entity');
    const installation = {
      id: required(id, 'id', 'Installation id'),
      ...(name.trim() === '' ? {} : { name: name.trim() }),
      sector: required(sector, 'sector', 'Sector'),
      capacity: decimal(capacity, 'capacity', 'Capacity'),
      capacityUnit: 'MW',
    };
    return api<Entity>(
      'POST',
      `/api/v1/entities/${segment(entityId)}/installations`,
      { installations: [installation] },
      newRequestId(),
    ).then((answer) => ({ entity: answer, installationId: installation.id }));
  });
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        action.submit(
          event,
          ({ entity: answer, installationId }) =>
            `Installation ${installationId} added to ${answer.id} (${answer.installationIds.length} installation(s)).`,
        );
      }}
    >
      <h3>Add an installation</h3>
      <div className="row">
        <Field
          label="Entity"
          name="installation-entity"
          value={entity}
          onChange={setEntity}
          placeholder="ENT1"
          error={action.fieldError('entityId')}
        />
        <Field
          label="Installation id"
          name="installation-id"
          value={id}
          onChange={setId}
          error={action.fieldError('id')}
        />
      </div>
      <Field
        label="Installation name (optional)"
        name="installation-name"
        value={name}
        onChange={setName}
        error={action.fieldError('name')}
      />
      <div className="row">
        <Field
          label="Sector"
          name="installation-sector"
          value={sector}
          onChange={setSector}
          placeholder="power, steel, cement"
          error={action.fieldError('sector')}
        />
        <Field
          label="Capacity (MW)"
          name="installation-capacity"
          value={capacity}
          onChange={setCapacity}
          inputMode="decimal"
          placeholder="600"
          error={action.fieldError('capacity')}
        />
      </div>
      <Outcome error={otherError(action, SHOWN)} done={action.done} />
      <div className="reg-actions">
        <button type="submit" disabled={action.busy}>
          Add installation
        </button>
      </div>
    </form>
  );
}
