import type { Entity } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Section, Select, useAction } from '../../components/ui';
import { otherError, required } from './forms';

const SHOWN = ['id', 'name', 'kind', 'ownerMsp'];

/** Registers a covered enterprise, trader or verifier; installations are added in the registry section. */
export function RegisterEntitySection() {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState('covered');
  const [ownerMsp, setOwnerMsp] = useState('');
  const action = useAction(() =>
    api<Entity>(
      'POST',
      '/api/v1/entities',
      {
        id: required(id, 'id', 'Registration id'),
        kind,
        name: required(name, 'name', 'Name'),
        ownerMsp: required(ownerMsp, 'ownerMsp', 'Owner org MSP'),
      },
      newRequestId(),
    ),
  );
  return (
    <Section title="Register entity">
      <form
        className="reg-form"
        onSubmit={(event) => {
          action.submit(event, (entity) => `${entity.kind} ${entity.id} (${entity.name}) registered.`);
        }}
      >
        <div className="row">
          <Field
            label="Registration id"
            name="register-id"
            value={id}
            onChange={setId}
            placeholder="ENT3"
            error={action.fieldError('id')}
          />
          <Select
            label="Kind"
            name="register-kind"
            value={kind}
            options={['covered', 'trader', 'verifier']}
            onChange={setKind}
          />
        </div>
        <div className="row">
          <Field
            label="Name"
            name="register-name"
            value={name}
            onChange={setName}
            error={action.fieldError('name')}
          />
          <Field
            label="Owner org MSP"
            name="register-owner"
            value={ownerMsp}
            onChange={setOwnerMsp}
            placeholder="Enterprise1MSP"
            error={action.fieldError('ownerMsp')}
          />
        </div>
        <p className="muted">The owner org&apos;s peers endorse every debit of the entity&apos;s units.</p>
        <Outcome error={otherError(action, SHOWN)} done={action.done} />
        <div className="reg-actions">
          <button type="submit" disabled={action.busy}>
            Register
          </button>
        </div>
      </form>
    </Section>
  );
}
