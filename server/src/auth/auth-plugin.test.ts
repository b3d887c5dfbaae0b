import fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { openDatabase, type ServerDatabase } from '../store/database';
import { authPlugin } from './auth-plugin';
import { AuthStore } from './auth-store';
import type { CaRegistrar, CaUser } from './ca-registrar';
import { LoginRateLimiter } from './login-rate-limiter';
import { TEST_SCRYPT_COST } from './passwords';
import { requireAdmin, requireUser } from './request-user';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** An answer over real HTTP (fastify's `inject` cannot load under Jest: light-my-request needs the ESM-only cookie@2). */
interface Answer {
  statusCode: number;
  headers: Record<string, string | undefined>;
  setCookie: string[];
  body: string;
  json: () => unknown;
}

interface RequestOptions {
  method?: string;
  url: string;
  payload?: object;
  headers?: Record<string, string>;
  /** The client address, sent as X-Forwarded-For (the test server trusts it). */
  remoteAddress?: string;
}

interface Harness {
  app: FastifyInstance;
  inject: (options: RequestOptions) => Promise<Answer>;
  db: ServerDatabase;
  store: AuthStore;
  ca: CaRegistrar & { registered: CaUser[] };
  advance: (ms: number) => void;
}

async function harness(options: { secureCookies?: boolean } = {}): Promise<Harness> {
  let now = Date.parse('2030-01-01T00:00:00Z');
  const db = openDatabase(':memory:');
  const store = new AuthStore(db, { now: () => now, scryptCost: TEST_SCRYPT_COST });
  await store.users.create({ name: 'trader1', role: 'trader', entity: 'ENT1', password: 'trader1-password' });
  await store.users.create({ name: 'orgadmin', admin: true, password: 'orgadmin-password' });
  const wallet = ['orgadmin', 'trader1'];
  const registered: CaUser[] = [];
  const ca = {
    registered,
    hasIdentity: (name: string) => wallet.includes(name),
    registerAndEnroll: (user: CaUser) => {
      registered.push(user);
      wallet.push(user.name);
      return Promise.resolve();
    },
  };
  const app = fastify({ trustProxy: true });
  await app.register(authPlugin, {
    store,
    organization: 'Enterprise1',
    registrar: ca,
    limiter: new LoginRateLimiter({ perUser: 5, perIp: 20, windowMs: 15 * MINUTE }, () => now),
    ...options,
  });
  // Routes outside the plugin see its decoration: the plugin is not encapsulated.
  app.get('/api/v1/probe', { preHandler: requireUser }, (request) => ({ name: request.user?.name }));
  app.get('/api/v1/admin-probe', { preHandler: requireAdmin }, () => ({ ok: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const inject = async (options: RequestOptions): Promise<Answer> => {
    const response = await fetch(`${base}${options.url}`, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.remoteAddress !== undefined ? { 'x-forwarded-for': options.remoteAddress } : {}),
        ...options.headers,
      },
      ...(options.payload !== undefined ? { body: JSON.stringify(options.payload) } : {}),
    });
    const body = await response.text();
    return {
      statusCode: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      setCookie: response.headers.getSetCookie(),
      body,
      json: () => JSON.parse(body) as unknown,
    };
  };
  return { app, inject, db, store, ca, advance: (ms) => (now += ms) };
}

const login = (h: Harness, user: string, password: string, ip = '10.0.0.1') =>
  h.inject({ method: 'POST', url: '/api/v1/session', payload: { user, password }, remoteAddress: ip });

function sessionCookie(response: Answer): string {
  const cookie = /^carbon_session=([^;]+);/.exec(response.setCookie[0] ?? '')?.[1];
  if (cookie === undefined) throw new Error('no session cookie');
  return `carbon_session=${cookie}`;
}

describe('authPlugin', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await harness();
  });

  afterEach(async () => {
    await h.app.close();
    h.db.close();
  });

  describe('login', () => {
    it('starts a session with an httpOnly, SameSite=Strict, Path=/ cookie', async () => {
      const response = await login(h, 'trader1', 'trader1-password');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        user: { name: 'trader1', role: 'trader', entity: 'ENT1', admin: false, organization: 'Enterprise1' },
        via: 'session',
        expiresAt: '2030-01-01T12:00:00.000Z',
      });
      const setCookie = String(response.setCookie);
      expect(setCookie).toMatch(/^carbon_session=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Strict');
      expect(setCookie).toContain('Path=/');
      expect(setCookie).toContain('Max-Age=43200');
      expect(setCookie).not.toContain('Secure');
      expect(response.headers['cache-control']).toBe('no-store');

      const me = await h.inject({ url: '/api/v1/session', headers: { cookie: sessionCookie(response) } });
      expect(me.json()).toMatchObject({ user: { name: 'trader1' }, via: 'session' });
      const probe = await h.inject({ url: '/api/v1/probe', headers: { cookie: sessionCookie(response) } });
      expect(probe.json()).toEqual({ name: 'trader1' });
    });

    it('sets a Secure __Host- cookie when configured for HTTPS', async () => {
      const secure = await harness({ secureCookies: true });
      const response = await login(secure, 'trader1', 'trader1-password');
      const setCookie = String(response.setCookie);
      expect(setCookie).toMatch(/^__Host-carbon_session=/);
      expect(setCookie).toContain('Secure');
      await secure.app.close();
    });

    it('answers a wrong password and an unknown user identically', async () => {
      const wrong = await login(h, 'trader1', 'not-the-password');
      const unknown = await login(h, 'nobody', 'trader1-password');
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.body).toBe(unknown.body);
      expect(wrong.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'wrong user name or password' });
      expect(wrong.setCookie).toEqual([]);
      expect(unknown.setCookie).toEqual([]);
    });

    it('gives 429 with Retry-After after 5 failures for a user name, even with the right password', async () => {
      for (let i = 0; i < 5; i++) {
        expect((await login(h, 'trader1', 'guess', `10.0.0.${i}`)).statusCode).toBe(401);
      }
      const limited = await login(h, 'trader1', 'trader1-password', '10.9.9.9');
      expect(limited.statusCode).toBe(429);
      expect(limited.headers['retry-after']).toBe('900');
      expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
      h.advance(15 * MINUTE);
      expect((await login(h, 'trader1', 'trader1-password', '10.9.9.9')).statusCode).toBe(200);
    });

    it('rate-limits a client address spraying user names', async () => {
      for (let i = 0; i < 20; i++) await login(h, `guess${i}`, 'guess', '10.0.0.7');
      expect((await login(h, 'trader1', 'trader1-password', '10.0.0.7')).statusCode).toBe(429);
      expect((await login(h, 'trader1', 'trader1-password', '10.0.0.8')).statusCode).toBe(200);
    });

    it('refuses unknown fields and missing ones with 400 INVALID_ARGUMENT', async () => {
      const extra = await h.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { user: 'trader1', password: 'trader1-password', admin: true },
      });
      expect(extra.statusCode).toBe(400);
      expect(extra.json()).toEqual({ code: 'INVALID_ARGUMENT', message: 'unknown field(s) admin' });
      const missing = await h.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { user: 'trader1' },
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect((missing.json() as { message: string }).message).toMatch(/^password/);
    });

    it('gives a new session id at every login and ends the one presented', async () => {
      const first = sessionCookie(await login(h, 'trader1', 'trader1-password'));
      const again = await h.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { cookie: first },
        payload: { user: 'trader1', password: 'trader1-password' },
      });
      expect(sessionCookie(again)).not.toBe(first);
      expect((await h.inject({ url: '/api/v1/session', headers: { cookie: first } })).statusCode).toBe(401);
    });
  });

  describe('sessions', () => {
    it('expire after 30 minutes idle', async () => {
      const cookie = sessionCookie(await login(h, 'trader1', 'trader1-password'));
      h.advance(31 * MINUTE);
      const expired = await h.inject({ url: '/api/v1/session', headers: { cookie } });
      expect(expired.statusCode).toBe(401);
      expect(expired.json()).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'the session has ended (expired or logged out); log in again',
      });
    });

    it('end at logout, which clears the cookie', async () => {
      const cookie = sessionCookie(await login(h, 'trader1', 'trader1-password'));
      const logout = await h.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
      expect(logout.statusCode).toBe(204);
      expect(String(logout.setCookie)).toMatch(/^carbon_session=;.*Expires=Thu, 01 Jan 1970/);
      expect((await h.inject({ url: '/api/v1/probe', headers: { cookie } })).statusCode).toBe(401);
    });

    it('are required: anonymous requests get 401 UNAUTHENTICATED', async () => {
      const response = await h.inject({ url: '/api/v1/probe' });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('API tokens', () => {
    async function createToken(cookie: string, payload: object = { name: 'robot' }) {
      return h.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie }, payload });
    }
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    it('are created from a session, shown once, listed without their text and authenticate as the user', async () => {
      const cookie = sessionCookie(await login(h, 'trader1', 'trader1-password'));
      const created = await createToken(cookie, { name: 'robot', expiresInDays: 7 });
      expect(created.statusCode).toBe(201);
      expect(created.headers['cache-control']).toBe('no-store');
      const { token, id } = created.json() as { token: string; id: string };
      expect(created.json()).toEqual({
        id,
        token,
        name: 'robot',
        createdAt: '2030-01-01T00:00:00.000Z',
        expiresAt: '2030-01-08T00:00:00.000Z',
        expired: false,
      });
      expect(token).toMatch(/^cets_/);

      const me = await h.inject({ url: '/api/v1/session', headers: bearer(token) });
      expect(me.json()).toMatchObject({
        user: { name: 'trader1' },
        via: 'token',
        expiresAt: '2030-01-08T00:00:00.000Z',
      });

      const list = await h.inject({ url: '/api/v1/tokens', headers: bearer(token) });
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(token);
      expect(list.body).not.toContain(token.slice(5));
      expect(list.json()).toEqual({
        tokens: [
          {
            id,
            name: 'robot',
            createdAt: '2030-01-01T00:00:00.000Z',
            expiresAt: '2030-01-08T00:00:00.000Z',
            lastUsedAt: '2030-01-01T00:00:00.000Z',
            expired: false,
          },
        ],
      });
    });

    it('default to 30 days, refuse more than 365, unknown fields and duplicate names', async () => {
      const cookie = sessionCookie(await login(h, 'trader1', 'trader1-password'));
      expect((await createToken(cookie)).json()).toMatchObject({ expiresAt: '2030-01-31T00:00:00.000Z' });
      expect((await createToken(cookie, { name: 'robot' })).statusCode).toBe(409);
      expect((await createToken(cookie, { name: 'long', expiresInDays: 366 })).json()).toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
      expect((await createToken(cookie, { name: 'x', scope: 'all' })).statusCode).toBe(400);
    });

    it('cannot create tokens', async () => {
      const cookie = sessionCookie(await login(h, 'trader1', 'trader1-password'));
      const { token } = (await createToken(cookie)).json() as { token: string };
      const response = await h.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: bearer(token),
        payload: { name: 'child' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('get 401 once expired', async () => {
      const cookie = sessionCookie(await login(h, 'trader1', 'trader1-password'));
      const { token } = (await createToken(cookie, { name: 'short', expiresInDays: 1 })).json() as {
        token: string;
      };
      h.advance(DAY);
      const response = await h.inject({ url: '/api/v1/probe', headers: bearer(token) });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'the API token is unknown, expired or revoked',
      });
    });

    it('get 401 once revoked; revoking an unknown id is 404', async () => {
      const cookie = sessionCookie(await login(h, 'trader1', 'trader1-password'));
      const { token, id } = (await createToken(cookie)).json() as { token: string; id: string };
      expect((await h.inject({ url: '/api/v1/probe', headers: bearer(token) })).statusCode).toBe(200);
      const revoke = await h.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: { cookie } });
      expect(revoke.statusCode).toBe(204);
      expect((await h.inject({ url: '/api/v1/probe', headers: bearer(token) })).statusCode).toBe(401);
      const again = await h.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: { cookie } });
      expect(again.statusCode).toBe(404);
      expect((await h.inject({ url: '/api/v1/tokens', headers: { cookie } })).json()).toEqual({ tokens: [] });
    });

    it('refuse a malformed Authorization header, even with a valid cookie', async () => {
      const cookie = sessionCookie(await login(h, 'trader1', 'trader1-password'));
      const response = await h.inject({
        url: '/api/v1/probe',
        headers: { cookie, authorization: 'Basic dHJhZGVyMTp4' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ message: 'the Authorization header must be "Bearer <token>"' });
    });
  });

  it('describes every route for OpenAPI: summary, tags and response schemas', async () => {
    const routes: { method: string; url: string; schema: Record<string, unknown> | undefined }[] = [];
    const app = fastify();
    app.addHook('onRoute', (route) => {
      // fastify adds a HEAD twin of each GET; the document lists the GET.
      if (route.method === 'HEAD') return;
      routes.push({
        method: String(route.method),
        url: route.url,
        schema: route.schema as Record<string, unknown>,
      });
    });
    await app.register(authPlugin, { store: h.store, organization: 'Enterprise1', registrar: h.ca });
    await app.ready();
    expect(routes.map((route) => `${route.method} ${route.url}`).sort()).toEqual([
      'DELETE /api/v1/session',
      'DELETE /api/v1/tokens/:id',
      'GET /api/v1/session',
      'GET /api/v1/tokens',
      'GET /api/v1/users',
      'POST /api/v1/session',
      'POST /api/v1/tokens',
      'POST /api/v1/users',
    ]);
    for (const { schema } of routes) {
      expect(schema?.tags).toEqual(['auth']);
      expect(typeof schema?.summary).toBe('string');
      expect(schema?.response).toBeInstanceOf(Object);
      expect(JSON.stringify(schema)).not.toContain('$schema');
    }
    await app.close();
  });

  describe('user registration', () => {
    const newUser = { name: 'trader3', role: 'trader', entity: 'ENT1', password: 'initial-password' };
    const register = (cookie: string | undefined, payload: object = newUser) =>
      h.inject({
        method: 'POST',
        url: '/api/v1/users',
        payload,
        ...(cookie !== undefined ? { headers: { cookie } } : {}),
      });

    it('is refused to anonymous (401) and non-admin users (403), without calling the CA', async () => {
      expect((await register(undefined)).statusCode).toBe(401);
      const trader = sessionCookie(await login(h, 'trader1', 'trader1-password'));
      const forbidden = await register(trader);
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.json()).toEqual({ code: 'FORBIDDEN', message: "only the org's admin may do this" });
      expect((await h.inject({ url: '/api/v1/users', headers: { cookie: trader } })).statusCode).toBe(403);
      expect((await h.inject({ url: '/api/v1/admin-probe', headers: { cookie: trader } })).statusCode).toBe(
        403,
      );
      expect(h.ca.registered).toEqual([]);
    });

    it('registers the user with the CA and lets it log in', async () => {
      const admin = sessionCookie(await login(h, 'orgadmin', 'orgadmin-password'));
      const response = await register(admin);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({
        name: 'trader3',
        role: 'trader',
        entity: 'ENT1',
        admin: false,
        createdAt: '2030-01-01T00:00:00.000Z',
        disabled: false,
      });
      expect(h.ca.registered).toEqual([{ name: 'trader3', role: 'trader', entity: 'ENT1' }]);
      expect((await login(h, 'trader3', 'initial-password')).statusCode).toBe(200);

      const users = await h.inject({ url: '/api/v1/users', headers: { cookie: admin } });
      expect((users.json() as { users: { name: string }[] }).users.map((u) => u.name)).toEqual([
        'orgadmin',
        'trader1',
        'trader3',
      ]);
      expect(users.body).not.toContain('scrypt');
    });

    it('refuses duplicates (409), unknown fields and a trader without entity (400)', async () => {
      const admin = sessionCookie(await login(h, 'orgadmin', 'orgadmin-password'));
      expect((await register(admin, { ...newUser, name: 'trader1' })).statusCode).toBe(409);
      expect((await register(admin, { ...newUser, msp: 'x' })).statusCode).toBe(400);
      const noEntity = await register(admin, {
        name: 'trader4',
        role: 'trader',
        password: 'initial-password',
      });
      expect(noEntity.json()).toEqual({
        code: 'INVALID_ARGUMENT',
        message: 'a trader needs an entity, the enterprise it acts for',
      });
      expect(h.ca.registered).toEqual([]);
    });
  });
});
