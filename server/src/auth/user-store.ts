import { ENTERPRISE_ROLES, ROLES, type Role } from '@carbon-ets/contract';
import type { ServerDatabase } from '../store/database';
import { AuthError } from './errors';
import {
  DEFAULT_SCRYPT_COST,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  type ScryptCost,
  verifyPassword,
} from './passwords';
import { newRandomPassword } from './secrets';

/** Same rule as the Fabric CA registration (`registerUser`): the server user is the wallet identity's name. */
export const USER_NAME_PATTERN = /^[a-z][a-z0-9._-]{1,63}$/;
/** Same rule as `carbon.entity` in enrolment certificates. */
export const ENTITY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The shortest password a person may choose. */
export const MIN_PASSWORD_LENGTH = 12;

/** A user of this org's server, as the API shows it (never with the password hash). */
export interface ServerUser {
  /** Also the user's Fabric identity in the org's wallet. */
  readonly name: string;
  /** The ledger role; absent for an admin-only account, which manages users but cannot transact. */
  readonly role?: Role;
  /** The enterprise an operator or trader acts for. */
  readonly entity?: string;
  /** May register users through the server (a server-side flag: Fabric roles have no org admin). */
  readonly admin: boolean;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly disabled: boolean;
}

/** What it takes to create a server user. */
export interface NewServerUser {
  readonly name: string;
  readonly role?: Role;
  readonly entity?: string;
  readonly admin?: boolean;
  readonly password: string;
}

interface UserRow {
  name: string;
  role: string | null;
  entity: string | null;
  admin: number;
  password_hash: string;
  created_at: number;
  disabled_at: number | null;
}

function toUser(row: UserRow): ServerUser {
  return {
    name: row.name,
    ...(row.role !== null ? { role: row.role as Role } : {}),
    ...(row.entity !== null ? { entity: row.entity } : {}),
    admin: row.admin === 1,
    createdAt: row.created_at,
    disabled: row.disabled_at !== null,
  };
}

/** Throws INVALID_ARGUMENT unless the user's name, role, entity and password are acceptable. */
export function checkNewUser(user: NewServerUser): void {
  if (!USER_NAME_PATTERN.test(user.name)) {
    throw new AuthError(
      'INVALID_ARGUMENT',
      `user name "${user.name}" must be 2-64 of a-z 0-9 . _ - and start with a letter`,
    );
  }
  if (user.role !== undefined && !ROLES.includes(user.role)) {
    throw new AuthError('INVALID_ARGUMENT', `role must be one of ${ROLES.join(', ')}`);
  }
  if (user.role === undefined && user.admin !== true) {
    throw new AuthError('INVALID_ARGUMENT', 'a user without a role must be an admin');
  }
  if (user.role !== undefined && ENTERPRISE_ROLES.includes(user.role) && user.entity === undefined) {
    const article = /^[aeiou]/.test(user.role) ? 'an' : 'a';
    throw new AuthError(
      'INVALID_ARGUMENT',
      `${article} ${user.role} needs an entity, the enterprise it acts for`,
    );
  }
  if (user.entity !== undefined && !ENTITY_PATTERN.test(user.entity)) {
    throw new AuthError('INVALID_ARGUMENT', 'entity must be 1-64 of A-Z a-z 0-9 . _ -');
  }
  if (user.password.length < MIN_PASSWORD_LENGTH || user.password.length > MAX_PASSWORD_LENGTH) {
    throw new AuthError(
      'INVALID_ARGUMENT',
      `the password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
    );
  }
}

/** The server's users and their password hashes (table `auth_users`). */
export class UserStore {
  // Unknown users are hashed against this, so that a login takes as long whether or not the user exists.
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly db: ServerDatabase,
    private readonly now: () => number,
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
  ) {
    this.dummyHash = hashPassword(newRandomPassword(), cost);
  }

  /** Creates a user; CONFLICT when the name is taken, INVALID_ARGUMENT when a field is not acceptable. */
  async create(user: NewServerUser): Promise<ServerUser> {
    checkNewUser(user);
    if (this.get(user.name) !== undefined) {
      throw new AuthError('CONFLICT', `user ${user.name} already exists`);
    }
    const hash = await hashPassword(user.password, this.cost);
    const row: UserRow = {
      name: user.name,
      role: user.role ?? null,
      entity: user.entity ?? null,
      admin: user.admin === true ? 1 : 0,
      password_hash: hash,
      created_at: this.now(),
      disabled_at: null,
    };
    // The existence check above ran before an await: a concurrent create may have won since.
    const inserted = this.db
      .prepare(
        `INSERT INTO auth_users (name, role, entity, admin, password_hash, created_at, disabled_at)
         VALUES (@name, @role, @entity, @admin, @password_hash, @created_at, @disabled_at)
         ON CONFLICT(name) DO NOTHING`,
      )
      .run(row);
    if (inserted.changes === 0) throw new AuthError('CONFLICT', `user ${user.name} already exists`);
    return toUser(row);
  }

  /** The user of that name, or undefined. */
  get(name: string): ServerUser | undefined {
    const row = this.row(name);
    return row === undefined ? undefined : toUser(row);
  }

  /** Every user, by name. */
  list(): ServerUser[] {
    return (this.db.prepare('SELECT * FROM auth_users ORDER BY name').all() as UserRow[]).map(toUser);
  }

  /** Whether any admin exists (the first one is created at bootstrap). */
  hasAdmin(): boolean {
    return this.db.prepare('SELECT 1 FROM auth_users WHERE admin = 1 LIMIT 1').get() !== undefined;
  }

  /**
   * The user when the password is right and the account enabled, else undefined — after the same scrypt work
   * in every case, so that timing does not tell an unknown user from a wrong password.
   */
  async verifyLogin(name: string, password: string): Promise<ServerUser | undefined> {
    const row = this.row(name);
    const ok = await verifyPassword(
      password.slice(0, MAX_PASSWORD_LENGTH),
      row?.password_hash ?? (await this.dummyHash),
    );
    if (row === undefined || !ok || row.disabled_at !== null || password.length > MAX_PASSWORD_LENGTH) {
      return undefined;
    }
    return toUser(row);
  }

  /** Sets a new password (scrypt-hashed with a new salt). */
  async setPassword(name: string, password: string): Promise<void> {
    if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
      throw new AuthError(
        'INVALID_ARGUMENT',
        `the password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
      );
    }
    const hash = await hashPassword(password, this.cost);
    const changed = this.db.prepare('UPDATE auth_users SET password_hash = ? WHERE name = ?').run(hash, name);
    if (changed.changes === 0) throw new AuthError('NOT_FOUND', `user ${name} does not exist`);
  }

  /** Disables (or re-enables) a user; disabling also ends the user's sessions and revokes its tokens. */
  setDisabled(name: string, disabled: boolean): void {
    this.db.transaction(() => {
      const changed = this.db
        .prepare('UPDATE auth_users SET disabled_at = ? WHERE name = ?')
        .run(disabled ? this.now() : null, name);
      if (changed.changes === 0) throw new AuthError('NOT_FOUND', `user ${name} does not exist`);
      if (disabled) {
        this.db.prepare('DELETE FROM auth_sessions WHERE user_name = ?').run(name);
        this.db.prepare('DELETE FROM auth_tokens WHERE user_name = ?').run(name);
      }
    })();
  }

  private row(name: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM auth_users WHERE name = ?').get(name) as UserRow | undefined;
  }
}
