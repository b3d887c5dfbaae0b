import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AuthContext } from './auth-context';
import type { AuthStore } from './auth-store';
import type { CaRegistrar } from './ca-registrar';
import { LoginRateLimiter } from './login-rate-limiter';
import type { RequestUser } from './request-user';
import { presentedSessionId, sessionCookieSettings } from './session-cookie';
import { registerSessionRoutes } from './session-routes';
import { registerTokenRoutes } from './token-routes';
import { registerUserRoutes } from './user-routes';
import type { ServerUser } from './user-store';
import { API_PREFIX } from '../api-prefix';

/** Options of {@link authPlugin}. */
export interface AuthPluginOptions {
  readonly store: AuthStore;
  /** The org this server belongs to (shown in `GET /api/v1/session`). */
  readonly organization: string;
  /** Registers and enrols new users with the org's Fabric CA: `fabricCaRegistrar(org)`, or a fake in tests. */
  readonly registrar: CaRegistrar;
  /** The session cookie's Secure flag (and `__Host-` name); off by default, for plain-HTTP localhost. */
  readonly secureCookies?: boolean;
  /** The failed-login limiter; one with the default limits and the store's clock when absent. */
  readonly limiter?: LoginRateLimiter;
}

const PURGE_INTERVAL_MS = 3_600_000;

function requestUser(user: ServerUser): RequestUser {
  return {
    name: user.name,
    ...(user.role !== undefined ? { role: user.role } : {}),
    ...(user.entity !== undefined ? { entity: user.entity } : {}),
    admin: user.admin,
  };
}

/** Sets `request.user` and `request.credential` from a bearer token, else from the session cookie. */
function authenticate(request: FastifyRequest, context: AuthContext): void {
  const header = request.headers.authorization;
  if (header !== undefined) {
    // A request that names a token is judged by it alone, never by a cookie riding along.
    const token = /^Bearer +(\S+) *$/i.exec(header)?.[1];
    const found = token === undefined ? undefined : context.store.userOfToken(token);
    if (found === undefined) {
      request.authFailure =
        token === undefined
          ? 'the Authorization header must be "Bearer <token>"'
          : 'the API token is unknown, expired or revoked';
      return;
    }
    request.user = requestUser(found.user);
    request.credential = { kind: 'token', tokenId: found.token.id, expiresAt: found.token.expiresAt };
    return;
  }
  const sessionId = presentedSessionId(request, context.cookie);
  if (sessionId === undefined) return;
  const found = context.store.userOfSession(sessionId);
  if (found === undefined) {
    request.authFailure = 'the session has ended (expired or logged out); log in again';
    return;
  }
  request.user = requestUser(found.user);
  request.credential = { kind: 'session', expiresAt: found.expiresAt };
}

async function auth(app: FastifyInstance, options: AuthPluginOptions): Promise<void> {
  // The app may have registered the cookie plugin already; registering it twice would fail on its decorators.
  if (!app.hasDecorator('parseCookie')) await app.register(fastifyCookie);
  const context: AuthContext = {
    store: options.store,
    organization: options.organization,
    registrar: options.registrar,
    limiter: options.limiter ?? new LoginRateLimiter(undefined, options.store.now),
    cookie: sessionCookieSettings(options.secureCookies ?? false),
    now: options.store.now,
  };
  app.decorateRequest('user', undefined);
  app.decorateRequest('credential', undefined);
  app.decorateRequest('authFailure', undefined);
  // A long-lived answer (an event stream) asks again whether the credential that opened it still holds: a
  // logout, a revoked token or an expired session must end it.
  app.decorateRequest('stillAuthenticated', function (this: FastifyRequest): boolean {
    const name = this.user?.name;
    if (name === undefined) return false;
    const again = { headers: this.headers, cookies: this.cookies } as unknown as FastifyRequest;
    authenticate(again, context);
    return again.user?.name === name;
  });
  // onRequest, after the cookie plugin's own hook (registered first), so that every later hook and handler,
  // including other plugins' preHandlers, sees request.user.
  app.addHook('onRequest', (request, _reply, done) => {
    authenticate(request, context);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    // Answers about sessions and tokens (a token's text, above all) must not linger in any cache.
    if (request.url.startsWith(`${API_PREFIX}/session`) || request.url.startsWith(`${API_PREFIX}/tokens`)) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
  const purge = setInterval(() => {
    options.store.purgeExpired();
  }, PURGE_INTERVAL_MS);
  purge.unref();
  app.addHook('onClose', (_instance, done) => {
    clearInterval(purge);
    done();
  });
  registerSessionRoutes(app, context);
  registerTokenRoutes(app, context);
  registerUserRoutes(app, context);
}

/**
 * Login for the member's server: registers @fastify/cookie (unless present), decorates `request.user` (and
 * `request.credential`, `request.authFailure`) from the session cookie or a bearer API token on every request,
 * and adds the routes `${API_PREFIX}/session` (POST login, GET who am I, DELETE logout), `${API_PREFIX}/tokens` (POST, GET,
 * DELETE `/:id`) and `${API_PREFIX}/users` (POST register, GET list; admin only). Guard other routes with the
 * `requireUser` and `requireAdmin` preHandlers. Not encapsulated (like fastify-plugin), so that the decoration
 * and hook apply to the whole app: `await app.register(authPlugin, options)` or `await authPlugin(app, options)`.
 */
export const authPlugin: FastifyPluginAsync<AuthPluginOptions> = Object.assign(auth, {
  // What fastify-plugin sets: run in the parent's context instead of a child one.
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'carbon-auth',
});
