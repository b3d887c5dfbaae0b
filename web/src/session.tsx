import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, ApiFailure } from './api';

/** The logged-in user, as `GET /api/v1/session` answers. */
export interface SessionUser {
  readonly name: string;
  readonly role?: 'regulator' | 'verifier' | 'operator' | 'trader' | 'auditor';
  readonly entity?: string;
  readonly admin: boolean;
  readonly organization: string;
}

interface SessionState {
  readonly user: SessionUser | undefined;
  readonly loading: boolean;
  readonly login: (user: string, password: string) => Promise<void>;
  readonly logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Holds who is logged in; the cookie itself is httpOnly and never seen by scripts. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | undefined>();
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      setUser((await api<{ user: SessionUser }>('GET', '/api/v1/session')).user);
    } catch (err) {
      if (!(err instanceof ApiFailure) || err.status !== 401) throw err;
      setUser(undefined);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const login = useCallback(
    async (name: string, password: string) => {
      await api('POST', '/api/v1/session', { user: name, password });
      await refresh();
    },
    [refresh],
  );
  const logout = useCallback(async () => {
    await api('DELETE', '/api/v1/session');
    setUser(undefined);
  }, []);
  return (
    <SessionContext.Provider value={{ user, loading, login, logout }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The logged-in user inside pages that are shown only after login. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (user === undefined) throw new Error('useUser before login');
  return user;
}
