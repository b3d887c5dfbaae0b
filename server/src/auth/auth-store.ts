import type { ServerDatabase } from '../store/database';
import { DEFAULT_SCRYPT_COST, type ScryptCost } from './passwords';
import { migrateAuth } from './schema';
import { DEFAULT_SESSION_POLICY, type SessionPolicy, SessionStore } from './session-store';
import { type ApiTokenInfo, ApiTokenStore } from './token-store';
import { type ServerUser, UserStore } from './user-store';

/** Options of {@link AuthStore}. */
export interface AuthStoreOptions {
  /** The clock, epoch milliseconds (tests move it to expire sessions and tokens). */
  readonly now?: () => number;
  /** Session lifetimes; {@link DEFAULT_SESSION_POLICY} when absent. */
  readonly sessions?: Partial<SessionPolicy>;
  /** Cost of new password hashes; {@link DEFAULT_SCRYPT_COST} when absent. */
  readonly scryptCost?: ScryptCost;
}

/**
 * The server's login data in its SQLite database: users, sessions and API tokens. Creating it creates (or
 * upgrades) the auth tables.
 */
export class AuthStore {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly tokens: ApiTokenStore;
  /** The store's clock, epoch milliseconds. */
  readonly now: () => number;

  constructor(db: ServerDatabase, options: AuthStoreOptions = {}) {
    migrateAuth(db);
    const now = options.now ?? Date.now;
    this.now = now;
    this.users = new UserStore(db, now, options.scryptCost ?? DEFAULT_SCRYPT_COST);
    this.sessions = new SessionStore(db, now, { ...DEFAULT_SESSION_POLICY, ...options.sessions });
    this.tokens = new ApiTokenStore(db, now);
  }

  /** The enabled user of a live session, or undefined. */
  userOfSession(sessionId: string): { user: ServerUser; expiresAt: number } | undefined {
    const session = this.sessions.find(sessionId);
    const user = session && this.users.get(session.userName);
    if (session === undefined || user === undefined || user.disabled) return undefined;
    return { user, expiresAt: session.expiresAt };
  }

  /** The enabled user of a live API token, or undefined. */
  userOfToken(token: string): { user: ServerUser; token: ApiTokenInfo } | undefined {
    const info = this.tokens.find(token);
    const user = info && this.users.get(info.userName);
    if (info === undefined || user === undefined || user.disabled) return undefined;
    return { user, token: info };
  }

  /** Deletes expired sessions and tokens. */
  purgeExpired(): void {
    this.sessions.purgeExpired();
    this.tokens.purgeExpired();
  }
}
