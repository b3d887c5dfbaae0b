import type { Account } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Outcome, Select, useAction } from '../../components/ui';
import { otherError, required } from './forms';

const SHOWN = ['id', 'kind', 'entityId', 'installationId'];

const KINDS = [
  { value: 'holding', label: 'holding' },
  { value: 'trading', label: 'trading' },
  { value: 'allocation', label: 'allocation (national)' },
  { value: 'auction', label: 'auction (national)' },
  { value: 'deletion', label: 'deletion (national)' },
] as const;

const NATIONAL: readonly string[] = ['allocation', 'auction', 'deletion'];

/** The OpenAccount request: a national account by kind alone, else an id, its entity and (holding) installation. */
function accountRequest(kind: string, id: string, entity: string, installation: string) {
  if (NATIONAL.includes(kind)) return { kind };
  return {
    kind,
    id: required(id, 'id', 'Account id'),
    entityId: required(entity, 'entityId', 'Account entity'),
    ...(kind === 'holding'
      ? { installationId: required(installation, 'installationId', 'A holding account’s installation') }
      : {}),
  };
}

/** Opens an account: an installation's holding account, an entity's trading account, or a national one. */
export function OpenAccountForm() {
  const [id, setId] = useState('');
  const [kind, setKind] = useState('trading');
  const [entity, setEntity] = useState('');
  const [installation, setInstallation] = useState('');
  const national = NATIONAL.includes(kind);
  const action = useAction(() =>
    api<Account>('POST', '/api/v1/accounts', accountRequest(kind, id, entity, installation), newRequestId()),
  );
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        action.submit(
          event,
          (account) =>
            `Account ${account.id} (${account.kind}) opened${account.entityId === undefined ? '' : ` for ${account.entityId}`}${account.installationId === undefined ? '' : `, installation ${account.installationId}`}.`,
        );
      }}
    >
      <h3>Open an account</h3>
      <div className="row">
        <Field
          label="Account id"
          name="account-id"
          value={id}
          onChange={setId}
          placeholder={national ? 'fixed: NATIONAL-…' : 'ACC-ENT1'}
          error={action.fieldError('id')}
        />
        <Select label="Account kind" name="account-kind" value={kind} options={KINDS} onChange={setKind} />
      </div>
      <div className="row">
        <Field
          label="Account entity"
          name="account-entity"
          value={entity}
          onChange={setEntity}
          placeholder="ENT1"
          error={action.fieldError('entityId')}
        />
        <Field
          label="Account installation"
          name="account-installation"
          value={installation}
          onChange={setInstallation}
          placeholder={kind === 'holding' ? 'required' : 'holding accounts only'}
          error={action.fieldError('installationId')}
        />
      </div>
      <p className="muted">
        {national
          ? 'A national account has a fixed id and no entity: only its kind is sent.'
          : 'A holding account serves one installation of its entity; a trading account, the entity itself.'}
      </p>
      <Outcome error={otherError(action, SHOWN)} done={action.done} />
      <div className="reg-actions">
        <button type="submit" disabled={action.busy}>
          Open account
        </button>
      </div>
    </form>
  );
}
