import { ChaincodeError, type ChaincodeErrorCode } from '@carbon-ets/contract';
import { GatewayClientError, TransactionError } from '@carbon-ets/gateway-client';

/**
 * The codes of the REST API's error answers: the chaincode's refusal codes, which travel unchanged, plus the
 * server's own. The body of every error is {@link ApiErrorBody}.
 */
export const API_ERROR_STATUS = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FAILED_PRECONDITION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The chaincode's answer does not match the wire contract (the server and chaincode disagree). */
  ANSWER_MISMATCH: 502,
  /** The peer or ordering service could not be reached; nothing was written. */
  UNAVAILABLE: 503,
  /** Submitted, but its commit was not seen in time: retry with the same Idempotency-Key. */
  OUTCOME_UNKNOWN: 504,
} as const satisfies Record<ChaincodeErrorCode, number> & Record<string, number>;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

/** What every error answer carries. */
export interface ApiErrorBody {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly transactionId?: string;
}

/** An error answer of the REST API: its code gives the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly transactionId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get statusCode(): number {
    return API_ERROR_STATUS[this.code];
  }

  get body(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.transactionId === undefined ? {} : { transactionId: this.transactionId }),
    };
  }
}

/** The API error of a failed transaction: the chaincode's code as is, Fabric's failures by their kind. */
export function apiErrorOf(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  // A refusal by the contract's schemas or parsers in the server itself, before anything reaches the ledger:
  // its code as is, its one line without the `CODE: ` prefix (the body carries the code).
  if (err instanceof ChaincodeError) return new ApiError(err.code, err.message.slice(err.code.length + 2));
  if (err instanceof TransactionError) {
    const id = err.transactionId;
    switch (err.kind) {
      case 'REJECTED':
        // A refusal without a code is a chaincode fault, not the caller's.
        return new ApiError(err.code ?? 'INTERNAL', err.reason, id);
      case 'CONFLICT':
      case 'INVALID':
        return new ApiError('CONFLICT', `${err.message}; submit it again`, id);
      case 'UNAVAILABLE':
        return new ApiError('UNAVAILABLE', err.message, id);
      case 'OUTCOME_UNKNOWN':
        return new ApiError('OUTCOME_UNKNOWN', err.message, id);
    }
  }
  if (err instanceof GatewayClientError) {
    // Other client errors name files of the server's wallet: the log has them, the caller does not.
    return err.code === 'ANSWER_MISMATCH'
      ? new ApiError('ANSWER_MISMATCH', err.message)
      : new ApiError('INTERNAL', 'the server could not use its identity files or settings; see its log');
  }
  return new ApiError('INTERNAL', 'the server failed; see its log');
}
