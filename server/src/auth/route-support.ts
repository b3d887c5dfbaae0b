import type { FastifyReply, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { AuthError } from './errors';

/**
 * A route's validator that accepts anything: the handler validates with zod instead. Fastify's own Ajv would
 * otherwise strip unknown fields (`removeAdditional`) before zod could refuse them, while the route's JSON schema
 * still documents the body for OpenAPI.
 */
export const validateInHandler: FastifySchemaCompiler<unknown> = () => (value: unknown) => ({ value });

/** Parses a request part with a zod schema; INVALID_ARGUMENT naming the first problem otherwise. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  const what =
    issue?.code === 'unrecognized_keys'
      ? `unknown field(s) ${issue.keys.join(', ')}`
      : (issue?.message ?? 'invalid');
  throw new AuthError('INVALID_ARGUMENT', `${where}${what}`);
}

/** Sends an {@link AuthError} as `{ code, message }` with its status (and Retry-After); rethrows anything else. */
export function sendAuthError(reply: FastifyReply, err: unknown): FastifyReply {
  if (!(err instanceof AuthError)) throw err;
  if (err.retryAfterSeconds !== undefined) void reply.header('retry-after', String(err.retryAfterSeconds));
  return reply.code(err.statusCode).send({ code: err.code, message: err.message });
}

/** Epoch milliseconds as an ISO 8601 instant. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
