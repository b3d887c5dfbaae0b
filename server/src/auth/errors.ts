import { API_ERROR_STATUS, type ApiErrorCode } from '../api-error';

/** The codes of the auth module's error answers (`{ code, message }`), a part of the API's codes. */
export type AuthErrorCode = Extract<
  ApiErrorCode,
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
>;

/** A refusal by the auth module, carried to the client as `{ code, message }` with the code's status. */
export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** For RATE_LIMITED: seconds until a new attempt may succeed (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AuthError';
  }

  /** The HTTP status of {@link code}. */
  get statusCode(): number {
    return API_ERROR_STATUS[this.code];
  }
}
