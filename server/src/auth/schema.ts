import { ROLES } from '@carbon-ets/contract';
import { migrate, type ServerDatabase } from '../store/database';

const roleList = ROLES.map((role) => `'${role}'`).join(', ');

/**
 * The auth module's tables, one entry per schema version (append, never edit). Times are epoch milliseconds;
 * session ids and token texts are stored only as SHA-256 digests, passwords only as scrypt hashes.
 */
export const AUTH_SCHEMA_VERSIONS: readonly string[] = [
  `
  CREATE TABLE auth_users (
    name TEXT PRIMARY KEY,
    -- NULL for an admin-only account (the org's wallet admin), which manages users but transacts nothing.
    role TEXT CHECK (role IN (${roleList})),
    entity TEXT,
    admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    disabled_at INTEGER
  ) STRICT;
  CREATE TABLE auth_sessions (
    id_digest TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES auth_users(name) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX auth_sessions_user ON auth_sessions(user_name);
  CREATE TABLE auth_tokens (
    id TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES auth_users(name) ON DELETE CASCADE,
    name TEXT NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    last_used_at INTEGER,
    UNIQUE (user_name, name)
  ) STRICT;
  `,
];

/** Creates or upgrades the auth tables in the server's database. */
export function migrateAuth(db: ServerDatabase): void {
  migrate(db, 'auth', AUTH_SCHEMA_VERSIONS);
}
