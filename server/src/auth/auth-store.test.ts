import { openDatabase, type ServerDatabase } from '../store/database';
import { AuthStore } from './auth-store';
import { AuthError } from './errors';
import { TEST_SCRYPT_COST } from './passwords';
import { secretDigest } from './secrets';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('AuthStore', () => {
  let db: ServerDatabase;
  let now: number;
  let store: AuthStore;

  beforeEach(async () => {
    db = openDatabase(':memory:');
    now = Date.parse('2030-01-01T00:00:00Z');
    store = new AuthStore(db, {
      now: () => now,
      scryptCost: TEST_SCRYPT_COST,
      sessions: { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
    });
    await store.users.create({
      name: 'trader1',
      role: 'trader',
      entity: 'ENT1',
      password: 'trader1-password',
    });
  });

  afterEach(() => {
    db.close();
  });

  describe('users', () => {
    it('keep only a scrypt hash of the password', () => {
      const row = db.prepare('SELECT * FROM auth_users WHERE name = ?').get('trader1') as Record<
        string,
        unknown
      >;
      expect(row.password_hash).toMatch(/^\$scrypt\$/);
      expect(JSON.stringify(row)).not.toContain('trader1-password');
      expect(store.users.get('trader1')).toEqual({
        name: 'trader1',
        role: 'trader',
        entity: 'ENT1',
        admin: false,
        createdAt: now,
        disabled: false,
      });
    });

    it('log in with the right password only, and never when disabled', async () => {
      await expect(store.users.verifyLogin('trader1', 'trader1-password')).resolves.toMatchObject({
        name: 'trader1',
      });
      await expect(store.users.verifyLogin('trader1', 'wrong-password')).resolves.toBeUndefined();
      await expect(store.users.verifyLogin('nobody', 'trader1-password')).resolves.toBeUndefined();
      store.users.setDisabled('trader1', true);
      await expect(store.users.verifyLogin('trader1', 'trader1-password')).resolves.toBeUndefined();
    });

    it('refuse duplicates, bad names, a trader without entity and short passwords', async () => {
      const refused = (user: Parameters<AuthStore['users']['create']>[0]) =>
        store.users.create(user).then(
          () => undefined,
          (err: unknown) => (err as AuthError).code,
        );
      await expect(refused({ name: 'trader1', role: 'auditor', password: 'long-enough-pw' })).resolves.toBe(
        'CONFLICT',
      );
      await expect(refused({ name: 'Trader 2', role: 'auditor', password: 'long-enough-pw' })).resolves.toBe(
        'INVALID_ARGUMENT',
      );
      await expect(refused({ name: 'trader2', role: 'trader', password: 'long-enough-pw' })).resolves.toBe(
        'INVALID_ARGUMENT',
      );
      await expect(refused({ name: 'auditor2', role: 'auditor', password: 'short' })).resolves.toBe(
        'INVALID_ARGUMENT',
      );
      await expect(refused({ name: 'nobody', password: 'long-enough-pw' })).resolves.toBe('INVALID_ARGUMENT');
    });

    it('change a password', async () => {
      await store.users.setPassword('trader1', 'a-new-password');
      await expect(store.users.verifyLogin('trader1', 'trader1-password')).resolves.toBeUndefined();
      await expect(store.users.verifyLogin('trader1', 'a-new-password')).resolves.toBeDefined();
    });
  });

  describe('sessions', () => {
    it('are stored as digests of a 32-byte id', () => {
      const session = store.sessions.create('trader1');
      expect(Buffer.from(session.id, 'base64url')).toHaveLength(32);
      const rows = db.prepare('SELECT id_digest FROM auth_sessions').all() as { id_digest: string }[];
      expect(rows).toEqual([{ id_digest: secretDigest(session.id) }]);
      expect(store.userOfSession(session.id)?.user.name).toBe('trader1');
    });

    it('end after 30 minutes idle', () => {
      const session = store.sessions.create('trader1');
      now += 29 * MINUTE;
      expect(store.userOfSession(session.id)).toBeDefined();
      now += 29 * MINUTE; // still alive: the last request was 29 minutes ago
      expect(store.userOfSession(session.id)).toBeDefined();
      now += 30 * MINUTE;
      expect(store.userOfSession(session.id)).toBeUndefined();
      expect(db.prepare('SELECT COUNT(*) AS n FROM auth_sessions').get()).toEqual({ n: 0 });
    });

    it('end 12 hours after login however busy', () => {
      const session = store.sessions.create('trader1');
      for (let elapsed = 0; elapsed < 12 * 60 - 10; elapsed += 10) {
        now += 10 * MINUTE;
        expect(store.userOfSession(session.id)).toBeDefined();
      }
      now += 10 * MINUTE;
      expect(store.userOfSession(session.id)).toBeUndefined();
    });

    it('end at logout and when the user is disabled', () => {
      const first = store.sessions.create('trader1');
      const second = store.sessions.create('trader1');
      store.sessions.delete(first.id);
      expect(store.userOfSession(first.id)).toBeUndefined();
      expect(store.userOfSession(second.id)).toBeDefined();
      store.users.setDisabled('trader1', true);
      expect(store.userOfSession(second.id)).toBeUndefined();
    });
  });

  describe('API tokens', () => {
    it('are shown once and stored as digests', () => {
      const { token, info } = store.tokens.create('trader1', 'robot');
      expect(token).toMatch(/^cets_[A-Za-z0-9_-]{43}$/);
      expect(info.expiresAt - info.createdAt).toBe(30 * DAY);
      const stored = JSON.stringify(db.prepare('SELECT * FROM auth_tokens').all());
      expect(stored).not.toContain(token.slice(5));
      expect(stored).toContain(secretDigest(token));
      expect(JSON.stringify(store.tokens.list('trader1'))).not.toContain(token.slice(5));
      expect(store.userOfToken(token)?.user.name).toBe('trader1');
    });

    it('expire', () => {
      const { token } = store.tokens.create('trader1', 'robot', 2);
      now += 2 * DAY - 1;
      expect(store.userOfToken(token)).toBeDefined();
      now += 1;
      expect(store.userOfToken(token)).toBeUndefined();
      store.purgeExpired();
      expect(store.tokens.list('trader1')).toEqual([]);
    });

    it('are revoked by their owner only', async () => {
      await store.users.create({ name: 'auditor1', role: 'auditor', password: 'auditor1-password' });
      const { token, info } = store.tokens.create('trader1', 'robot');
      expect(store.tokens.revoke('auditor1', info.id)).toBe(false);
      expect(store.userOfToken(token)).toBeDefined();
      expect(store.tokens.revoke('trader1', info.id)).toBe(true);
      expect(store.userOfToken(token)).toBeUndefined();
    });

    it('live 1 to 365 days, with unique names per user', () => {
      expect(() => store.tokens.create('trader1', 'a', 0)).toThrow(AuthError);
      expect(() => store.tokens.create('trader1', 'a', 366)).toThrow(/1 to 365 days/);
      store.tokens.create('trader1', 'a', 365);
      expect(() => store.tokens.create('trader1', 'a')).toThrow(/already have a token named "a"/);
    });

    it('do not authenticate text without the prefix or unknown text', () => {
      const { token } = store.tokens.create('trader1', 'robot');
      expect(store.userOfToken(token.slice(5))).toBeUndefined();
      expect(store.userOfToken(`${token}x`)).toBeUndefined();
    });
  });

  it('spends about as long on an unknown user as on a wrong password (real scrypt cost; a skipped hash would be ~1000x faster)', async () => {
    const real = new AuthStore(openDatabase(':memory:'));
    await real.users.create({
      name: 'trader1',
      role: 'trader',
      entity: 'ENT1',
      password: 'trader1-password',
    });
    await real.users.verifyLogin('warm-up', 'x'); // the dummy hash is made once, at start
    const median = async (name: string) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = process.hrtime.bigint();
        await real.users.verifyLogin(name, 'wrong-password');
        times.push(Number(process.hrtime.bigint() - start));
      }
      return times.sort((a, b) => a - b)[1]!;
    };
    const unknown = await median('nobody');
    const wrong = await median('trader1');
    expect(unknown / wrong).toBeGreaterThan(0.3);
    expect(unknown / wrong).toBeLessThan(3);
  });

  it('migrates idempotently', () => {
    expect(() => new AuthStore(db, { scryptCost: TEST_SCRYPT_COST })).not.toThrow();
    expect(db.prepare("SELECT version FROM schema_version WHERE module = 'auth'").get()).toEqual({
      version: 1,
    });
  });
});
