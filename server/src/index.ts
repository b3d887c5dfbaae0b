/**
 * `@carbon-ets/server`: a consortium member's server — REST API derived from the wire contract, login, read
 * model, notifications, market operator and metrics. Anything not exported here is internal to `server`.
 */
export { API_ERROR_STATUS, ApiError, type ApiErrorBody, type ApiErrorCode } from './api-error';
export { REST_ROUTES, type RestRoute } from './api/rest-routes';
export { buildApp, type AppOptions, type MemberApp } from './app';
export { startMemberServer, type MemberServerOptions, type RunningMemberServer } from './member-server';
export { serverEndpoints, startServers, stopServers, type ServerEndpoint } from './servers';
export { serverPaths } from './server-paths';
