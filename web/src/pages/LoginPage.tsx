import { useState } from 'react';
import { Field, Outcome, useAction } from '../components/ui';
import { useSession } from '../session';

export function LoginPage() {
  const { login } = useSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(() => login(name, password));
  return (
    <main className="login">
      <form
        className="card"
        aria-label="Log in"
        onSubmit={(event) => {
          action.submit(event);
        }}
      >
        <h1>Carbon ETS console</h1>
        <Field label="User name" name="user" value={name} onChange={setName} />
        <Field label="Password" name="password" type="password" value={password} onChange={setPassword} />
        <Outcome error={action.formError} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
