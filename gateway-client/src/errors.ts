/** Why a client operation failed, for callers that branch on it. */
export type GatewayClientErrorCode =
  'NO_CONNECTION_SETTINGS' | 'UNKNOWN_USER' | 'IDENTITY_FILES' | 'INVALID_USER' | 'CA_REQUEST';

/** A client-side problem the user can fix; `hint` says how. */
export class GatewayClientError extends Error {
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
