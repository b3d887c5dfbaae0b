import type { AuthStore } from './auth-store';
import type { CaRegistrar } from './ca-registrar';
import type { LoginRateLimiter } from './login-rate-limiter';
import type { SessionCookieSettings } from './session-cookie';

/** What the auth routes share: the store, the org, the CA, the login limiter and the cookie settings. */
export interface AuthContext {
  readonly store: AuthStore;
  readonly organization: string;
  readonly registrar: CaRegistrar;
  readonly limiter: LoginRateLimiter;
  readonly cookie: SessionCookieSettings;
  /** The clock, epoch milliseconds. */
  readonly now: () => number;
}
