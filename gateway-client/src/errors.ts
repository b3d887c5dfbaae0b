/** Why a client operation failed, for callers that branch on it. */
export type GatewayClientErrorCode =
  | 'NO_CONNECTION_SETTINGS'
  /** A connection-settings file that does not match the contract's schema. */
  | 'BAD_CONNECTION_SETTINGS'
  | 'UNKNOWN_USER'
  | 'IDENTITY_FILES'
  | 'INVALID_USER'
  | 'CA_REQUEST'
  /** An answer, or replayed ledger state, that does not match the wire contract: the chaincode and the client disagree. */
  | 'ANSWER_MISMATCH'
  /** A chaincode event whose name or payload does not match the wire contract (see `listenToChaincodeEvents`). */
  | 'EVENT_MISMATCH';

/** A client-side problem the user can fix; `hint` says how. */
export class GatewayClientError extends Error {
  /** Read by the error printer of `@carbon-ets/contract`: exit code 1. */
  readonly userFixable = true;

  constructor(
    readonly code: GatewayClientErrorCode,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GatewayClientError';
  }
}
