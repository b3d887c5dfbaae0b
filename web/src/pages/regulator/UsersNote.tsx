import { Section } from '../../components/ui';
import { useUser } from '../../session';

/** Who manages the server's users: the org's admin, not the regulator's ledger role. */
export function UsersNote() {
  const user = useUser();
  return (
    <Section title="Users">
      <p className="muted">
        The users of {user.organization}&apos;s server (their logins, ledger roles and entities) are managed
        by the org&apos;s admin at <code>/api/v1/users</code> (see <a href="/docs">/docs</a>), not by the
        regulator role.
        {user.admin ? ' You are this org’s admin: use the API with your session or an access token.' : ''}
      </p>
    </Section>
  );
}
