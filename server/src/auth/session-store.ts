import type { ServerDatabase } from '../store/database';
import { newSessionId, secretDigest } from './secrets';

/** How long a session lives: ended after `idleMs` without a request, and `absoluteMs` after login at the latest. */
export interface SessionPolicy {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/** 30 minutes idle, 12 hours at most: a working day at the trading desk, not a forgotten browser for a week. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

// Recording every request's time would make each read a write; a minute's slack on the idle limit is harmless.
const TOUCH_INTERVAL_MS = 60_000;

/** A session just created: the id (given to the browser once, stored only as a digest) and its hard end. */
export interface NewSession {
  readonly id: string;
  /** Epoch milliseconds of the absolute expiry. */
  readonly expiresAt: number;
}

/** A live session found by its id. */
export interface ActiveSession {
  readonly userName: string;
  /** Epoch milliseconds of the absolute expiry. */
  readonly expiresAt: number;
}

interface SessionRow {
  user_name: string;
  last_seen_at: number;
  expires_at: number;
}

/** Login sessions (table `auth_sessions`), keyed by the SHA-256 digest of the session id. */
export class SessionStore {
  constructor(
    private readonly db: ServerDatabase,
    private readonly now: () => number,
    /** The lifetimes in force. */
    readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  ) {}

  /** Starts a session for a user and returns its id; only the id's digest is stored. */
  create(userName: string): NewSession {
    const id = newSessionId();
    const now = this.now();
    const expiresAt = now + this.policy.absoluteMs;
    this.db
      .prepare(
        'INSERT INTO auth_sessions (id_digest, user_name, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(secretDigest(id), userName, now, now, expiresAt);
    return { id, expiresAt };
  }

  /** The session of that id if it is neither idle too long nor past its end (an expired one is deleted). */
  find(id: string): ActiveSession | undefined {
    const digest = secretDigest(id);
    const row = this.db
      .prepare('SELECT user_name, last_seen_at, expires_at FROM auth_sessions WHERE id_digest = ?')
      .get(digest) as SessionRow | undefined;
    if (row === undefined) return undefined;
    const now = this.now();
    if (now >= row.expires_at || now - row.last_seen_at >= this.policy.idleMs) {
      this.db.prepare('DELETE FROM auth_sessions WHERE id_digest = ?').run(digest);
      return undefined;
    }
    if (now - row.last_seen_at >= TOUCH_INTERVAL_MS) {
      this.db.prepare('UPDATE auth_sessions SET last_seen_at = ? WHERE id_digest = ?').run(now, digest);
    }
    return { userName: row.user_name, expiresAt: row.expires_at };
  }

  /** Ends a session (logout); unknown ids are ignored. */
  delete(id: string): void {
    this.db.prepare('DELETE FROM auth_sessions WHERE id_digest = ?').run(secretDigest(id));
  }

  /** Ends every session of a user. */
  deleteForUser(userName: string): void {
    this.db.prepare('DELETE FROM auth_sessions WHERE user_name = ?').run(userName);
  }

  /** Deletes expired sessions; returns how many. */
  purgeExpired(): number {
    const now = this.now();
    return this.db
      .prepare('DELETE FROM auth_sessions WHERE expires_at <= ? OR last_seen_at <= ?')
      .run(now, now - this.policy.idleMs).changes;
  }
}
