import type { ServerDatabase } from '../store/database';
import { AuthError } from './errors';
import { API_TOKEN_PREFIX, newApiTokenText, newPublicId, secretDigest } from './secrets';

/** The longest an API token may live. */
export const MAX_TOKEN_DAYS = 365;
/** An API token's lifetime when its creator names none. */
export const DEFAULT_TOKEN_DAYS = 30;
const DAY_MS = 86_400_000;
const TOUCH_INTERVAL_MS = 60_000;

/** An API token as listed: never its text. */
export interface ApiTokenInfo {
  /** Public id, for revoking. */
  readonly id: string;
  readonly name: string;
  readonly userName: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  /** Epoch milliseconds (to the minute), absent when never used. */
  readonly lastUsedAt?: number;
}

/** A token just created: its text, shown this once, and its listing. */
export interface NewApiToken {
  readonly token: string;
  readonly info: ApiTokenInfo;
}

interface TokenRow {
  id: string;
  user_name: string;
  name: string;
  created_at: number;
  expires_at: number;
  last_used_at: number | null;
}

function toInfo(row: TokenRow): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    userName: row.user_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    ...(row.last_used_at !== null ? { lastUsedAt: row.last_used_at } : {}),
  };
}

/** Bearer API tokens for machine clients (table `auth_tokens`), stored as SHA-256 digests. */
export class ApiTokenStore {
  constructor(
    private readonly db: ServerDatabase,
    private readonly now: () => number,
  ) {}

  /**
   * Creates a token for a user, valid `days` days (1 to {@link MAX_TOKEN_DAYS}); CONFLICT when the user already
   * has a token of that name.
   */
  create(userName: string, name: string, days: number = DEFAULT_TOKEN_DAYS): NewApiToken {
    if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
      throw new AuthError('INVALID_ARGUMENT', `a token lives 1 to ${MAX_TOKEN_DAYS} days`);
    }
    const token = newApiTokenText();
    const now = this.now();
    const row: TokenRow = {
      id: newPublicId(),
      user_name: userName,
      name,
      created_at: now,
      expires_at: now + days * DAY_MS,
      last_used_at: null,
    };
    const inserted = this.db
      .prepare(
        `INSERT INTO auth_tokens (id, user_name, name, digest, created_at, expires_at, last_used_at)
         VALUES (@id, @user_name, @name, @digest, @created_at, @expires_at, @last_used_at)
         ON CONFLICT(user_name, name) DO NOTHING`,
      )
      .run({ ...row, digest: secretDigest(token) });
    if (inserted.changes === 0) throw new AuthError('CONFLICT', `you already have a token named "${name}"`);
    return { token, info: toInfo(row) };
  }

  /** The live token of that text, or undefined when it is unknown, revoked or expired. */
  find(token: string): ApiTokenInfo | undefined {
    if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
    const row = this.db
      .prepare(
        'SELECT id, user_name, name, created_at, expires_at, last_used_at FROM auth_tokens WHERE digest = ?',
      )
      .get(secretDigest(token)) as TokenRow | undefined;
    const now = this.now();
    if (row === undefined || now >= row.expires_at) return undefined;
    if (row.last_used_at === null || now - row.last_used_at >= TOUCH_INTERVAL_MS) {
      this.db.prepare('UPDATE auth_tokens SET last_used_at = ? WHERE id = ?').run(now, row.id);
      row.last_used_at = now;
    }
    return toInfo(row);
  }

  /** A user's tokens, expired ones included (until purged), newest first. */
  list(userName: string): ApiTokenInfo[] {
    return (
      this.db
        .prepare(
          'SELECT id, user_name, name, created_at, expires_at, last_used_at FROM auth_tokens WHERE user_name = ? ORDER BY created_at DESC, name',
        )
        .all(userName) as TokenRow[]
    ).map(toInfo);
  }

  /** Revokes one of the user's tokens; false when the user has no token of that id. */
  revoke(userName: string, id: string): boolean {
    return (
      this.db.prepare('DELETE FROM auth_tokens WHERE id = ? AND user_name = ?').run(id, userName).changes > 0
    );
  }

  /** Deletes expired tokens; returns how many. */
  purgeExpired(): number {
    return this.db.prepare('DELETE FROM auth_tokens WHERE expires_at <= ?').run(this.now()).changes;
  }
}
