import type { FastifyInstance } from 'fastify';
import type { AuthContext } from './auth-context';
import { AuthError } from './errors';
import { currentUser, type RequestUser, requireUser } from './request-user';
import { iso, parseWith, sendAuthError, validateInHandler } from './route-support';
import { clearSessionCookie, presentedSessionId, setSessionCookie } from './session-cookie';
import { ErrorAnswer, jsonSchema, LoginBody, SessionAnswer } from './wire';
import { API_PREFIX } from '../api-prefix';

/** The one answer to every failed login: it never says whether the user or the password was wrong. */
export const LOGIN_FAILED_MESSAGE = 'wrong user name or password';

const errors = {
  400: jsonSchema(ErrorAnswer),
  401: jsonSchema(ErrorAnswer),
  429: jsonSchema(ErrorAnswer),
};

/** The user as the API shows it. */
export function sessionUser(user: RequestUser, organization: string) {
  return {
    name: user.name,
    ...(user.role !== undefined ? { role: user.role } : {}),
    ...(user.entity !== undefined ? { entity: user.entity } : {}),
    admin: user.admin,
    organization,
  };
}

/** `POST`, `GET` and `DELETE /api/v1/session`: log in, who am I, log out. */
export function registerSessionRoutes(app: FastifyInstance, context: AuthContext): void {
  const { store, limiter, cookie, organization } = context;

  app.post(
    `${API_PREFIX}/session`,
    {
      schema: {
        summary: 'Log in',
        description:
          'Checks the user name and password and starts a session: the answer sets an httpOnly, SameSite=Strict ' +
          'session cookie. A wrong user name and a wrong password get the same 401; repeated failures per user ' +
          'name or client address get 429 with Retry-After.',
        tags: ['auth'],
        body: jsonSchema(LoginBody, 'input'),
        response: { 200: jsonSchema(SessionAnswer), ...errors },
      },
      validatorCompiler: validateInHandler,
    },
    async (request, reply) => {
      try {
        const body = parseWith(LoginBody, request.body);
        const allowance = limiter.check(body.user, request.ip);
        if (!allowance.allowed) {
          throw new AuthError(
            'RATE_LIMITED',
            `too many failed logins; try again in ${allowance.retryAfterSeconds} s`,
            allowance.retryAfterSeconds,
          );
        }
        // Counted while the password is checked, so parallel guesses cannot all pass the check above.
        const settle = limiter.begin(body.user, request.ip);
        const user = await store.users.verifyLogin(body.user, body.password).catch((err: unknown) => {
          settle(false);
          throw err;
        });
        settle(user !== undefined);
        if (user === undefined) throw new AuthError('UNAUTHENTICATED', LOGIN_FAILED_MESSAGE);
        // A new id at every login: a session id planted before login is never promoted.
        const previous = presentedSessionId(request, cookie);
        if (previous !== undefined) store.sessions.delete(previous);
        const session = store.sessions.create(user.name);
        setSessionCookie(reply, cookie, session.id, session.expiresAt, context.now());
        return { user: sessionUser(user, organization), via: 'session', expiresAt: iso(session.expiresAt) };
      } catch (err) {
        return sendAuthError(reply, err);
      }
    },
  );

  app.get(
    `${API_PREFIX}/session`,
    {
      schema: {
        summary: 'Who am I',
        description: 'The user this request is authenticated as (by session cookie or API token).',
        tags: ['auth'],
        response: { 200: jsonSchema(SessionAnswer), 401: jsonSchema(ErrorAnswer) },
      },
      preHandler: requireUser,
    },
    (request) => {
      const user = currentUser(request);
      return {
        user: sessionUser(user, organization),
        via: request.credential?.kind ?? 'session',
        expiresAt: iso(request.credential?.expiresAt ?? context.now()),
      };
    },
  );

  app.delete(
    `${API_PREFIX}/session`,
    {
      schema: {
        summary: 'Log out',
        description:
          'Ends the session of the cookie, if any, and clears the cookie. API tokens are not affected.',
        tags: ['auth'],
        response: { 204: { type: 'null', description: 'logged out' } },
      },
    },
    async (request, reply) => {
      const id = presentedSessionId(request, cookie);
      if (id !== undefined) store.sessions.delete(id);
      clearSessionCookie(reply, cookie);
      return reply.code(204).send();
    },
  );
}
