import type { OrgConnectionSettings } from '@carbon-ets/contract';
import { appendFileSync, chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AuthStore } from './auth-store';
import { newRandomPassword } from './secrets';

/**
 * The server's first admin: the wallet's org admin identity (`orgadmin`, enrolled by the network with no carbon
 * role), so that the rule "server user name = wallet identity name" holds for it too.
 */
export const DEFAULT_ADMIN_NAME = 'orgadmin';

/** One line of the passwords file (JSON Lines). */
export interface DemoPassword {
  readonly org: string;
  readonly user: string;
  readonly password: string;
}

/** Options of {@link ensureDemoUsers}. */
export interface DemoUserOptions {
  /** The admin account's name; {@link DEFAULT_ADMIN_NAME} when absent. */
  readonly adminName?: string;
}

/**
 * Creates the demo's server users: one per wallet identity that carries a ledger role (those identities exist
 * already), plus the org's admin, each with a random password. Idempotent: existing users keep their passwords;
 * only the new ones are appended, one JSON object per line (`{"org","user","password"}`), to `passwordsFile`,
 * which is kept owner-only (0600). Returns the new entries (empty when nothing was created).
 */
export async function ensureDemoUsers(
  store: AuthStore,
  settings: OrgConnectionSettings,
  passwordsFile: string,
  options: DemoUserOptions = {},
): Promise<DemoPassword[]> {
  const adminName = options.adminName ?? DEFAULT_ADMIN_NAME;
  const created: DemoPassword[] = [];
  try {
    for (const [name, identity] of Object.entries(settings.users)) {
      if (identity.role === undefined || store.users.get(name) !== undefined) continue;
      const password = newRandomPassword();
      await store.users.create({
        name,
        role: identity.role,
        ...(identity.entity !== undefined ? { entity: identity.entity } : {}),
        password,
      });
      created.push({ org: settings.organization, user: name, password });
    }
    if (store.users.get(adminName) === undefined) {
      const password = newRandomPassword();
      const role = settings.users[adminName]?.role;
      await store.users.create({
        name: adminName,
        ...(role !== undefined ? { role } : {}),
        admin: true,
        password,
      });
      created.push({ org: settings.organization, user: adminName, password });
    }
  } finally {
    // Even when a later user failed, the passwords of the users already created must not be lost.
    if (created.length > 0) appendPasswords(passwordsFile, created);
  }
  return created;
}

function appendPasswords(file: string, entries: readonly DemoPassword[]): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // One append per call: the five servers may share the file, and O_APPEND keeps each write whole.
  appendFileSync(file, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), { mode: 0o600 });
  // `mode` applies only when the file is created; an existing file may have been loosened since.
  chmodSync(file, 0o600);
}
