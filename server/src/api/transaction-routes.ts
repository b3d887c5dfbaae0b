import {
  ANY_IDENTITY,
  answerJsonSchema,
  exactJsonText,
  type ExactJson,
  isJsonArgument,
  qualifiedName,
  requestJsonSchema,
  type TransactionDefinition,
  splitCommercial,
  validateRequest,
} from '@carbon-ets/contract';
import { commercialTransient, evaluate, proposalSubmitOptions, submit } from '@carbon-ets/gateway-client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { currentUser, requireUser, type RequestUser } from '../auth';
import type { UserConnections } from '../gateway/user-connections';
import { ApiError, apiErrorOf } from '../api-error';
import { ERROR_RESPONSES } from './error-schema';
import { IdempotencyStore } from './idempotency';
import { REST_ROUTES, type RestRequestParts, type RestRoute } from './rest-routes';
import { API_PREFIX } from '../api-prefix';

/** A write that failed, for the user's notification stream and the metrics. */
export interface TransactionOutcome {
  readonly user: RequestUser;
  readonly transaction: string;
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
  readonly transactionId?: string;
}

export interface TransactionRoutesOptions {
  readonly connections: UserConnections;
  readonly idempotency: IdempotencyStore;
  /** Called after every transaction a user submitted, committed or not. */
  readonly onOutcome?: (outcome: TransactionOutcome) => void;
}

/** Registers every transaction of the wire contract as its REST route (see {@link REST_ROUTES}). */
export function registerTransactionRoutes(app: FastifyInstance, options: TransactionRoutesOptions): void {
  for (const route of REST_ROUTES) {
    app.route({
      method: route.method,
      url: `${API_PREFIX}${route.path}`,
      schema: routeSchema(route),
      preHandler: requireUser,
      handler: (request, reply) =>
        route.definition.kind === 'submit'
          ? handleWrite(route, request, reply, options)
          : handleRead(route, request, reply, options),
    });
  }
}

/** The route's OpenAPI description, from the transaction's definition. */
function routeSchema(route: RestRoute): Record<string, unknown> {
  const { definition } = route;
  const callers =
    definition.roles === ANY_IDENTITY ? 'any identity' : `roles: ${definition.roles.join(', ')}`;
  const pathParams = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1] ?? '');
  const schema: Record<string, unknown> = {
    summary: definition.summary,
    description: `\`${qualifiedName(definition)}\` (${callers})`,
    tags: [route.tag],
    operationId: `${definition.contract}${definition.name}`,
    response: {
      [route.created === true ? 201 : 200]: {
        description: 'The answer of the transaction',
        content: { 'application/json': { schema: answerJsonSchema(definition.answer) } },
      },
      ...ERROR_RESPONSES,
    },
  };
  if (pathParams.length > 0 || route.path.endsWith('*')) {
    const properties: Record<string, unknown> = {};
    for (const name of pathParams) properties[name] = { type: 'string' };
    if (route.path.endsWith('*')) properties['*'] = { type: 'string', description: "the object's id parts" };
    schema.params = { type: 'object', properties, required: pathParams };
  }
  if (definition.kind === 'submit') {
    schema.body = withoutFields(requestJsonSchema(definition.request), pathParams);
    schema.headers = {
      type: 'object',
      properties: {
        'idempotency-key': {
          type: 'string',
          description: 'Applies a retried request once and answers it the same (the chaincode request id)',
        },
      },
    };
  } else if (route.argument !== undefined) {
    const [argument] = definition.args;
    if (argument !== undefined && isJsonArgument(argument)) {
      schema.querystring = withoutFields(requestJsonSchema(argument), pathParams);
    }
  }
  return schema;
}

/** A request body's schema without the fields the path gives. */
function withoutFields(schema: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const properties = Object.fromEntries(
    Object.entries((schema.properties ?? {}) as Record<string, unknown>).filter(
      ([name]) => !fields.includes(name),
    ),
  );
  const required = (schema.required as string[] | undefined)?.filter((name) => !fields.includes(name));
  return { ...schema, properties, ...(required === undefined ? {} : { required }) };
}

/** 403 before anything reaches the ledger when the user's role may not call the transaction. */
function checkRole(user: RequestUser, definition: TransactionDefinition): void {
  if (definition.roles === ANY_IDENTITY) return;
  if (user.role === undefined || !definition.roles.includes(user.role)) {
    throw new ApiError(
      'FORBIDDEN',
      `${user.role === undefined ? 'a user without a ledger role' : `role ${user.role}`} may not call ${qualifiedName(definition)} (allowed: ${definition.roles.join(', ')})`,
    );
  }
}

function requestParts(request: FastifyRequest): RestRequestParts {
  return {
    params: request.params as Record<string, string>,
    query: request.query as Record<string, string>,
  };
}

/** The write's request: the JSON body with the path's parameters as fields. */
function writeRequest(route: RestRoute, request: FastifyRequest): ExactJson {
  const body = (request.body ?? {}) as ExactJson;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError('INVALID_ARGUMENT', `${route.definition.label} must be a JSON object`);
  }
  const merged: Record<string, ExactJson> = { ...(body as Record<string, ExactJson>) };
  for (const [name, value] of Object.entries(requestParts(request).params)) {
    const given = merged[name];
    // `"period": 2025` in the body agrees with `/2025/` in the path.
    if (
      given !== undefined &&
      exactJsonText(given) !== JSON.stringify(value) &&
      exactJsonText(given) !== value
    ) {
      throw new ApiError(
        'INVALID_ARGUMENT',
        `${route.definition.label}.${name} is ${JSON.stringify(value)} in the path but ${exactJsonText(given)} in the body`,
      );
    }
    merged[name] = value;
  }
  return merged;
}

function sendError(reply: FastifyReply, err: unknown): FastifyReply {
  const error = apiErrorOf(err);
  if (error.code === 'INTERNAL') reply.log.error({ err }, 'request failed');
  return reply.code(error.statusCode).send(error.body);
}

async function handleWrite(
  route: RestRoute,
  request: FastifyRequest,
  reply: FastifyReply,
  options: TransactionRoutesOptions,
): Promise<FastifyReply> {
  const user = currentUser(request);
  const { definition } = route;
  const transaction = qualifiedName(definition);
  let claimed: string | undefined;
  let submitted = false;
  try {
    checkRole(user, definition);
    const value = writeRequest(route, request);
    validateRequest(definition, value);
    // Commercial fields (a report's activity) go in the transient map, never into the block.
    const parts = splitCommercial(definition.commercialFields, value);
    // Both parts are made of the request's exact JSON values, so they print as exactly.
    const argument = exactJsonText(parts.argument as ExactJson);
    const commercial =
      parts.commercial === undefined ? undefined : exactJsonText(parts.commercial as ExactJson);
    const key = IdempotencyStore.parseKey(request.headers['idempotency-key']);
    if (key !== undefined) {
      const claim = options.idempotency.begin(
        user.name,
        key,
        transaction,
        commercial === undefined ? argument : `${argument}\n${commercial}`,
      );
      if (claim.kind === 'replay') {
        void reply.header('idempotent-replayed', 'true');
        if (claim.answer.transactionId !== undefined) {
          void reply.header('x-transaction-id', claim.answer.transactionId);
        }
        return await reply.code(claim.answer.status).send(claim.answer.body);
      }
      claimed = key;
    }
    const connection = options.connections.for(user.name);
    submitted = true;
    const proposal = { arguments: [argument], ...commercialTransient(commercial) };
    const outcome = await submit(connection.contract, transaction, {
      commitWait: connection.commitWait,
      ...(await proposalSubmitOptions(connection, transaction, proposal)),
      ...(key === undefined ? {} : { requestId: key }),
    });
    const status = route.created === true ? 201 : 200;
    options.onOutcome?.({ user, transaction, ok: true, transactionId: outcome.transactionId });
    const answer = parseAnswer(definition, outcome.result);
    if (claimed !== undefined) {
      options.idempotency.finish(user.name, claimed, {
        status,
        body: answer,
        transactionId: outcome.transactionId,
      });
      claimed = undefined;
    }
    return await reply
      .code(status)
      .header('x-transaction-id', outcome.transactionId)
      .header('x-block-number', outcome.blockNumber.toString())
      .send(answer);
  } catch (err) {
    const error = apiErrorOf(err);
    if (claimed !== undefined) {
      // A refusal is final and answered the same on a retry; anything else (unavailable, outcome unknown, a
      // conflict, an answer that did not match) frees the key: a retry submits again with the same request id,
      // which the chaincode refuses if the first copy was applied.
      if (error.statusCode < 500 && error.code !== 'CONFLICT') {
        options.idempotency.finish(user.name, claimed, {
          status: error.statusCode,
          body: error.body,
          ...(error.transactionId === undefined ? {} : { transactionId: error.transactionId }),
        });
      } else {
        options.idempotency.release(user.name, claimed);
      }
    }
    // Only a transaction that reached the network is reported (metrics, the user's failed-transaction events).
    if (submitted) {
      options.onOutcome?.({
        user,
        transaction,
        ok: false,
        code: error.code,
        message: error.message,
        ...(error.transactionId === undefined ? {} : { transactionId: error.transactionId }),
      });
    }
    return sendError(reply, error);
  }
}

async function handleRead(
  route: RestRoute,
  request: FastifyRequest,
  reply: FastifyReply,
  options: TransactionRoutesOptions,
): Promise<FastifyReply> {
  const user = currentUser(request);
  const { definition } = route;
  try {
    checkRole(user, definition);
    const parts = requestParts(request);
    const args =
      route.argument !== undefined
        ? [JSON.stringify(route.argument(parts))]
        : (route.args ?? []).map((name) => parts.params[name] ?? parts.query[name] ?? '');
    const connection = options.connections.for(user.name);
    const result = await evaluate(connection.contract, qualifiedName(definition), args);
    return await reply.send(parseAnswer(definition, result));
  } catch (err) {
    return sendError(reply, err);
  }
}

/** The chaincode's answer, checked against the wire contract. */
function parseAnswer(definition: TransactionDefinition, bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  const parsed = definition.answer.safeParse(text === '' ? null : JSON.parse(text));
  if (!parsed.success) {
    throw new ApiError(
      'ANSWER_MISMATCH',
      `the answer of ${qualifiedName(definition)} does not match the wire contract: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  return text === '' ? null : (JSON.parse(text) as unknown);
}
