/**
 * Why a transaction did not take effect:
 * - `REJECTED`: the chaincode refused it (bad input, not allowed, unknown id); `message` is the chaincode's.
 * - `INVALID`: ordered but marked invalid at commit (e.g. endorsement policy failure).
 * - `CONFLICT`: still an MVCC or phantom-read conflict after every allowed attempt.
 * - `UNAVAILABLE`: the Gateway or peers could not be reached before the transaction was endorsed.
 * - `OUTCOME_UNKNOWN`: endorsed and sent to the ordering service, but no commit status came before the
 *   deadline, although the same transaction was re-sent: it may still commit. Look up its transaction id (or
 *   resend with the same request id, which the chaincode refuses if it was applied).
 */
export type TransactionErrorCode = 'REJECTED' | 'INVALID' | 'CONFLICT' | 'UNAVAILABLE' | 'OUTCOME_UNKNOWN';

/** A failed transaction, with the transaction id and Fabric validation code where there is one. */
export class TransactionError extends Error {
  constructor(
    readonly code: TransactionErrorCode,
    message: string,
    readonly details: { readonly transactionId?: string; readonly validationCode?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransactionError';
  }
}
