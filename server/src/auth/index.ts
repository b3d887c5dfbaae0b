// Login for the member's server: users, sessions and API tokens in the server's SQLite database, the CA
// registration of new users, the demo bootstrap and the fastify plugin.
export { type AuthContext } from './auth-context';
export { authPlugin, type AuthPluginOptions } from './auth-plugin';
export { AuthStore, type AuthStoreOptions } from './auth-store';
export { type CaRegistrar, type CaUser, fabricCaRegistrar } from './ca-registrar';
export { DEFAULT_ADMIN_NAME, type DemoPassword, type DemoUserOptions, ensureDemoUsers } from './demo-users';
export { AuthError, type AuthErrorCode } from './errors';
export {
  DEFAULT_LOGIN_RATE_LIMITS,
  type LoginAllowance,
  type LoginRateLimits,
  LoginRateLimiter,
} from './login-rate-limiter';
export {
  DEFAULT_SCRYPT_COST,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  type ScryptCost,
  TEST_SCRYPT_COST,
  verifyPassword,
} from './passwords';
export {
  currentUser,
  type RequestCredential,
  type RequestUser,
  requireAdmin,
  requireUser,
} from './request-user';
export { AUTH_SCHEMA_VERSIONS, migrateAuth } from './schema';
export { API_TOKEN_PREFIX } from './secrets';
export { type SessionCookieSettings, sessionCookieSettings } from './session-cookie';
export { LOGIN_FAILED_MESSAGE } from './session-routes';
export {
  DEFAULT_SESSION_POLICY,
  type ActiveSession,
  type NewSession,
  type SessionPolicy,
  SessionStore,
} from './session-store';
export {
  type ApiTokenInfo,
  ApiTokenStore,
  DEFAULT_TOKEN_DAYS,
  MAX_TOKEN_DAYS,
  type NewApiToken,
} from './token-store';
export { registerServerUser, type UserRegistration } from './user-registration';
export {
  type NewServerUser,
  MIN_PASSWORD_LENGTH,
  type ServerUser,
  USER_NAME_PATTERN,
  UserStore,
} from './user-store';
