import type { FastifyInstance } from 'fastify';
import type { AuthContext } from './auth-context';
import { AuthError } from './errors';
import { currentUser, requireUser } from './request-user';
import { iso, parseWith, sendAuthError, validateInHandler } from './route-support';
import type { ApiTokenInfo } from './token-store';
import {
  CreatedTokenAnswer,
  CreateTokenBody,
  ErrorAnswer,
  jsonSchema,
  TokenIdParams,
  TokenListAnswer,
} from './wire';
import { API_PREFIX } from '../api-prefix';

const error = jsonSchema(ErrorAnswer);

/** `POST`, `GET /api/v1/tokens` and `DELETE /api/v1/tokens/:id`: the user's own API tokens. */
export function registerTokenRoutes(app: FastifyInstance, context: AuthContext): void {
  const { store } = context;
  const tokenAnswer = (info: ApiTokenInfo) => ({
    id: info.id,
    name: info.name,
    createdAt: iso(info.createdAt),
    expiresAt: iso(info.expiresAt),
    ...(info.lastUsedAt !== undefined ? { lastUsedAt: iso(info.lastUsedAt) } : {}),
    expired: context.now() >= info.expiresAt,
  });

  app.post(
    `${API_PREFIX}/tokens`,
    {
      schema: {
        summary: 'Create an API token',
        description:
          'Creates a bearer token for machine clients (`Authorization: Bearer <token>`), acting as the logged-in ' +
          'user, valid 1 to 365 days (default 30). The token text is in this answer only; it cannot be shown ' +
          'again. Only a logged-in session may create tokens, so a leaked token cannot mint others.',
        tags: ['auth'],
        body: jsonSchema(CreateTokenBody, 'input'),
        response: { 201: jsonSchema(CreatedTokenAnswer), 400: error, 401: error, 403: error, 409: error },
      },
      validatorCompiler: validateInHandler,
      preHandler: requireUser,
    },
    async (request, reply) => {
      try {
        if (request.credential?.kind !== 'session') {
          throw new AuthError(
            'FORBIDDEN',
            'API tokens are created from a logged-in session, not with a token',
          );
        }
        const body = parseWith(CreateTokenBody, request.body);
        const user = currentUser(request);
        const created = store.tokens.create(user.name, body.name, body.expiresInDays);
        return await reply.code(201).send({ ...tokenAnswer(created.info), token: created.token });
      } catch (err) {
        return sendAuthError(reply, err);
      }
    },
  );

  app.get(
    `${API_PREFIX}/tokens`,
    {
      schema: {
        summary: 'List my API tokens',
        description: "The user's tokens, newest first, without their secret text.",
        tags: ['auth'],
        response: { 200: jsonSchema(TokenListAnswer), 401: error },
      },
      preHandler: requireUser,
    },
    (request) => ({ tokens: store.tokens.list(currentUser(request).name).map(tokenAnswer) }),
  );

  app.delete(
    `${API_PREFIX}/tokens/:id`,
    {
      schema: {
        summary: 'Revoke an API token',
        description: 'Revokes one of the user’s tokens at once; requests bearing it get 401 from then on.',
        tags: ['auth'],
        params: jsonSchema(TokenIdParams, 'input'),
        response: { 204: { type: 'null', description: 'revoked' }, 401: error, 404: error },
      },
      validatorCompiler: validateInHandler,
      preHandler: requireUser,
    },
    async (request, reply) => {
      try {
        const { id } = parseWith(TokenIdParams, request.params);
        if (!store.tokens.revoke(currentUser(request).name, id)) {
          throw new AuthError('NOT_FOUND', `you have no API token ${id}`);
        }
        return await reply.code(204).send();
      } catch (err) {
        return sendAuthError(reply, err);
      }
    },
  );
}
