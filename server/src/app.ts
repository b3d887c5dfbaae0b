import fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { AuthStore, authPlugin, type AuthStoreOptions, type CaRegistrar, fabricCaRegistrar } from './auth';
import { ApiError, apiErrorOf } from './api-error';
import { IdempotencyStore } from './api/idempotency';
import { BODY_LIMIT_BYTES, useExactJsonBodies } from './api/json-body';
import { registerOpenApi } from './api/openapi';
import { registerTransactionRoutes, type TransactionOutcome } from './api/transaction-routes';
import { UserConnections } from './gateway/user-connections';
import type { ServerDatabase } from './store/database';
import { registerWebConsole } from './web-console';

/** What one member server is built from. */
export interface AppOptions {
  /** The peer organisation this server belongs to, e.g. `Enterprise1`. */
  readonly organization: string;
  /** The server's SQLite database (users, sessions, tokens, idempotency keys, read model). */
  readonly database: ServerDatabase;
  /** Folder of connection settings (the org's wallet index); defaults to `$CARBON_CONNECTION_DIR`. */
  readonly settingsDir?: string;
  /** Registers new users with Fabric CA; the org's CA by default. */
  readonly registrar?: CaRegistrar;
  /** Login settings (clock, session lifetimes, password hash cost); the defaults when absent. */
  readonly auth?: AuthStoreOptions;
  /** Request log file; none when absent. */
  readonly logFile?: string;
  /** Called after every transaction a user submitted. */
  readonly onTransaction?: (outcome: TransactionOutcome) => void;
  /** The session cookie's Secure flag; `CARBON_SECURE_COOKIES=1` by default, off for plain-HTTP localhost. */
  readonly secureCookies?: boolean;
  /** The built web console served at `/`; web/dist by default. */
  readonly webConsoleDir?: string;
  /** Adds the server's other routes (read model, events, operator, metrics) after the core ones. */
  readonly extend?: (app: FastifyInstance, connections: UserConnections) => Promise<void> | void;
}

/** A built server and what it must close. */
export interface MemberApp {
  readonly app: FastifyInstance;
  readonly connections: UserConnections;
  readonly auth: AuthStore;
}

/** Fastify's own errors that are the client's doing, by their code. */
const CLIENT_ERRORS: Readonly<Record<string, ApiError['code']>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_ARGUMENT',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'INVALID_ARGUMENT',
};

/** A framework error that is the client's doing (4xx), as the API's error; undefined for anything else. */
function clientError(err: FastifyError): ApiError | undefined {
  const code = CLIENT_ERRORS[err.code];
  if (code !== undefined) return new ApiError(code, err.message);
  const status = err.statusCode ?? 500;
  if (status < 400 || status >= 500) return undefined;
  return new ApiError(status === 404 ? 'NOT_FOUND' : 'INVALID_ARGUMENT', err.message);
}

/**
 * Builds a member server's HTTP application: exact JSON bodies, login, every transaction of the wire contract
 * as a REST route, the API document, and `{ code, message, transactionId? }` for every error.
 */
export async function buildApp(options: AppOptions): Promise<MemberApp> {
  const app = fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger:
      options.logFile === undefined
        ? false
        : { level: 'info', file: options.logFile, redact: ['req.headers'] },
    // Request ids in the log tie a client's complaint to its transactions.
    requestIdHeader: false,
    // A URL fastify cannot even route (`/api/v1/accounts/%zz`) gets the API's error body too.
    frameworkErrors: (err, _request, reply) => {
      void (reply as FastifyReply).code(400).send({ code: 'INVALID_ARGUMENT', message: err.message });
    },
  });
  // The contract's schemas validate in the handlers; the route schemas only document (OpenAPI).
  app.setValidatorCompiler(() => (value: unknown) => ({ value }));
  app.setSerializerCompiler(() => (data: unknown) => JSON.stringify(data));
  useExactJsonBodies(app);
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const error = err instanceof ApiError ? err : (clientError(err) ?? apiErrorOf(err));
    if (error.code === 'INTERNAL') request.log.error({ err }, 'request failed');
    return reply.code(error.statusCode).send(error.body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ code: 'NOT_FOUND', message: `no route ${request.method} ${request.url}` }),
  );

  await registerOpenApi(app, options.organization);
  const auth = new AuthStore(options.database, options.auth);
  await app.register(authPlugin, {
    store: auth,
    organization: options.organization,
    registrar: options.registrar ?? fabricCaRegistrar(options.organization, options.settingsDir),
    // Behind HTTPS (a reverse proxy), CARBON_SECURE_COOKIES=1 makes the session cookie Secure and __Host-.
    secureCookies: options.secureCookies ?? process.env.CARBON_SECURE_COOKIES === '1',
  });
  const connections = new UserConnections(options.organization, options.settingsDir);
  registerTransactionRoutes(app, {
    connections,
    idempotency: new IdempotencyStore(options.database),
    ...(options.onTransaction === undefined ? {} : { onOutcome: options.onTransaction }),
  });
  await options.extend?.(app, connections);
  await registerWebConsole(app, options.webConsoleDir);
  app.addHook('onClose', () => {
    connections.closeAll();
  });
  return { app, connections, auth };
}
