import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** The server's own store: one SQLite file per server (users, sessions, tokens, idempotency, read model). */
export type ServerDatabase = Database.Database;

/**
 * Opens (creating if needed) the server's SQLite database. WAL lets the read model's writer and the API's
 * readers work at once; `:memory:` gives a throw-away store for unit tests.
 */
export function openDatabase(file: string): ServerDatabase {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Applies a module's schema once: each module (auth, read model, …) owns its tables and names its schema
 * version; a new version's statements run in one transaction after the older ones.
 */
export function migrate(db: ServerDatabase, module: string, versions: readonly string[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (module TEXT PRIMARY KEY, version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version WHERE module = ?').get(module) as
    { version: number } | undefined;
  const current = row?.version ?? 0;
  db.transaction(() => {
    versions.slice(current).forEach((sql) => db.exec(sql));
    db.prepare(
      'INSERT INTO schema_version (module, version) VALUES (?, ?) ON CONFLICT(module) DO UPDATE SET version = excluded.version',
    ).run(module, versions.length);
  })();
}
