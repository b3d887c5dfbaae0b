import type { FastifyInstance } from 'fastify';
import type { AuthContext } from './auth-context';
import { requireAdmin } from './request-user';
import { iso, parseWith, sendAuthError, validateInHandler } from './route-support';
import { registerServerUser } from './user-registration';
import type { ServerUser } from './user-store';
import { ErrorAnswer, jsonSchema, RegisterUserBody, UserAnswer, UserListAnswer } from './wire';
import { API_PREFIX } from '../api-prefix';

const error = jsonSchema(ErrorAnswer);

function userAnswer(user: ServerUser) {
  return {
    name: user.name,
    ...(user.role !== undefined ? { role: user.role } : {}),
    ...(user.entity !== undefined ? { entity: user.entity } : {}),
    admin: user.admin,
    createdAt: iso(user.createdAt),
    disabled: user.disabled,
  };
}

/** `POST` and `GET /api/v1/users`: the org's admin registers and lists the server's users. */
export function registerUserRoutes(app: FastifyInstance, context: AuthContext): void {
  const { store, registrar } = context;

  app.post(
    `${API_PREFIX}/users`,
    {
      schema: {
        summary: 'Register a user (admin)',
        description:
          "Registers the user with the org's Fabric CA (with carbon.role and carbon.entity), enrols its identity " +
          "into the org's wallet on the server, and creates its server login with the initial password. " +
          'Operators and traders need an entity.',
        tags: ['auth'],
        body: jsonSchema(RegisterUserBody, 'input'),
        response: { 201: jsonSchema(UserAnswer), 400: error, 401: error, 403: error, 409: error, 503: error },
      },
      validatorCompiler: validateInHandler,
      preHandler: requireAdmin,
    },
    async (request, reply) => {
      try {
        const body = parseWith(RegisterUserBody, request.body);
        const user = await registerServerUser(store, registrar, body);
        return await reply.code(201).send(userAnswer(user));
      } catch (err) {
        return sendAuthError(reply, err);
      }
    },
  );

  app.get(
    `${API_PREFIX}/users`,
    {
      schema: {
        summary: 'List users (admin)',
        description: "The server's users, by name, without any secret.",
        tags: ['auth'],
        response: { 200: jsonSchema(UserListAnswer), 401: error, 403: error },
      },
      preHandler: requireAdmin,
    },
    () => ({ users: store.users.list().map(userAnswer) }),
  );
}
