import { type ReactElement, useEffect, useState } from 'react';
import { NotificationProvider } from './notifications';
import { AuditorPage } from './pages/AuditorPage';
import { Header } from './components/Header';
import { LoginPage } from './pages/LoginPage';
import { OperatorPage } from './pages/OperatorPage';
import { RegulatorPage } from './pages/RegulatorPage';
import { TraderPage } from './pages/TraderPage';
import { VerifierPage } from './pages/VerifierPage';
import { SessionProvider, type SessionUser, useSession } from './session';

/** One page of the console: its tab and its component. */
export interface ConsolePage {
  readonly id: string;
  readonly title: string;
  readonly page: () => ReactElement;
}

/** The pages of each role: a user is offered only what their role may do. */
export const PAGES_OF_ROLE: Readonly<Record<NonNullable<SessionUser['role']>, readonly ConsolePage[]>> = {
  trader: [{ id: 'market', title: 'Market', page: TraderPage }],
  operator: [{ id: 'compliance', title: 'Compliance', page: OperatorPage }],
  verifier: [{ id: 'verification', title: 'Verification', page: VerifierPage }],
  regulator: [{ id: 'supervision', title: 'Period & market', page: RegulatorPage }],
  auditor: [{ id: 'audit', title: 'Audit', page: AuditorPage }],
};

function pagesOf(user: SessionUser): readonly ConsolePage[] {
  return user.role === undefined ? [] : PAGES_OF_ROLE[user.role];
}

function Console({ user }: { user: SessionUser }) {
  const pages = pagesOf(user);
  const [current, setCurrent] = useState<string>(pages[0]?.id ?? '');
  useEffect(() => {
    document.title = `${user.organization} · Carbon ETS console`;
  }, [user.organization]);
  const page = pages.find((candidate) => candidate.id === current) ?? pages[0];
  return (
    <NotificationProvider>
      <Header pages={pages} current={page?.id ?? ''} onNavigate={setCurrent} />
      <main>
        {page === undefined ? (
          <p className="muted">
            {user.name} has no ledger role: manage the org&apos;s users through the API (
            <a href="/docs">/docs</a>).
          </p>
        ) : (
          <page.page />
        )}
      </main>
    </NotificationProvider>
  );
}

function Gate() {
  const { user, loading } = useSession();
  if (loading) return <p className="muted">Loading…</p>;
  return user === undefined ? <LoginPage /> : <Console user={user} />;
}

export function App() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
