import { ROLES } from '@carbon-ets/contract';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from './passwords';
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from './token-store';
import { MIN_PASSWORD_LENGTH } from './user-store';

// The request and answer bodies of the auth routes. Requests are strict (unknown fields are refused); the
// same zod schemas give the routes' JSON schemas for the OpenAPI document.

const instant = z.string().describe('an instant, ISO 8601 in UTC');

/** `POST /api/v1/session`. */
export const LoginBody = z.strictObject({
  user: z.string().min(1).max(256).describe('the user name'),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

/** `POST /api/v1/tokens`. */
export const CreateTokenBody = z.strictObject({
  name: z
    .string()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,63}$/u, 'must be 1-64 letters, digits, spaces, . _ -')
    .describe("the token's name, unique among the user's tokens"),
  expiresInDays: z
    .int()
    .min(1)
    .max(MAX_TOKEN_DAYS)
    .optional()
    .describe(`days until the token expires (default ${DEFAULT_TOKEN_DAYS})`),
});

/** `POST /api/v1/users`. */
export const RegisterUserBody = z.strictObject({
  name: z.string().describe("the user name, also the user's Fabric identity name: a-z 0-9 . _ -, 2-64"),
  role: z.enum(ROLES),
  entity: z.string().optional().describe('the enterprise an operator or trader acts for'),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH).describe('the initial password'),
  admin: z.boolean().optional().describe('whether the user may register users (default false)'),
});

/** `DELETE /api/v1/tokens/:id`. */
export const TokenIdParams = z.strictObject({ id: z.string().min(1).max(64) });

/** The logged-in user as the API shows it. */
export const SessionUserAnswer = z.object({
  name: z.string(),
  role: z.enum(ROLES).optional().describe('absent for an admin-only account'),
  entity: z.string().optional(),
  admin: z.boolean(),
  organization: z.string(),
});

/** `GET` and `POST /api/v1/session`. */
export const SessionAnswer = z.object({
  user: SessionUserAnswer,
  via: z.enum(['session', 'token']).describe('how this request was authenticated'),
  expiresAt: instant.describe("the session's (or token's) absolute expiry"),
});

/** An API token as listed (never its text). */
export const TokenAnswer = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: instant,
  expiresAt: instant,
  lastUsedAt: instant.optional(),
  expired: z.boolean(),
});

/** `POST /api/v1/tokens`: the only answer that carries the token's text. */
export const CreatedTokenAnswer = TokenAnswer.extend({
  token: z.string().describe('the bearer token; shown only in this answer'),
});

/** `GET /api/v1/tokens`. */
export const TokenListAnswer = z.object({ tokens: z.array(TokenAnswer) });

/** A server user as an admin sees it. */
export const UserAnswer = z.object({
  name: z.string(),
  role: z.enum(ROLES).optional(),
  entity: z.string().optional(),
  admin: z.boolean(),
  createdAt: instant,
  disabled: z.boolean(),
});

/** `GET /api/v1/users`. */
export const UserListAnswer = z.object({ users: z.array(UserAnswer) });

/** Every error answer. */
export const ErrorAnswer = z.object({ code: z.string(), message: z.string() });

/** A zod schema as a JSON schema for fastify and @fastify/swagger (no `$schema` key inside a route schema). */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const json: Record<string, unknown> = z.toJSONSchema(schema, { target: 'draft-07', io });
  delete json.$schema;
  return json;
}
