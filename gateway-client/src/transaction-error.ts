/**
 * Why a transaction did not take effect:
 * - `REJECTED`: the chaincode refused it (bad input, not allowed, unknown id); `message` is the chaincode's.
 * - `INVALID`: ordered but marked invalid at commit (e.g. endorsement policy failure).
 * - `CONFLICT`: still an MVCC or phantom-read conflict after every allowed attempt.
 * - `UNAVAILABLE`: the Gateway or peers could not be reached, or the commit status never arrived.
 */
export type TransactionErrorCode = 'REJECTED' | 'INVALID' | 'CONFLICT' | 'UNAVAILABLE';

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
