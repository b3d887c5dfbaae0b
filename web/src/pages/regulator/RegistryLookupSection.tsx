import { useState } from 'react';
import { Field, Section, Select } from '../../components/ui';
import { AccountView, EntityView, InstallationView } from './RegistryViews';

type LookupKind = 'entity' | 'account' | 'installation';

const KINDS: readonly LookupKind[] = ['entity', 'account', 'installation'];

/** Looks up an entity (with its installations), an account (status, holdings, funds) or an installation. */
export function RegistryLookupSection() {
  const [kind, setKind] = useState<LookupKind>('entity');
  const [id, setId] = useState('');
  const [asked, setAsked] = useState<{ kind: LookupKind; id: string; at: number } | undefined>();
  const [error, setError] = useState<string | undefined>();
  return (
    <Section title="Registry lookup">
      <form
        className="reg-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (id.trim() === '') {
            setError('Lookup id is required');
            return;
          }
          setError(undefined);
          setAsked({ kind, id: id.trim(), at: Date.now() });
        }}
      >
        <div className="row">
          <Select
            label="Lookup kind"
            name="lookup-kind"
            value={kind}
            options={KINDS}
            onChange={(value) => {
              setKind(KINDS.find((candidate) => candidate === value) ?? 'entity');
            }}
          />
          <Field
            label="Lookup id"
            name="lookup-id"
            value={id}
            onChange={setId}
            placeholder="ENT1"
            error={error}
          />
        </div>
        <div className="reg-actions">
          <button type="submit">Look up</button>
        </div>
      </form>
      {asked?.kind === 'entity' && <EntityView key={asked.at} entityId={asked.id} />}
      {asked?.kind === 'account' && <AccountView key={asked.at} accountId={asked.id} />}
      {asked?.kind === 'installation' && <InstallationView key={asked.at} installationId={asked.id} />}
    </Section>
  );
}
