import { type ChaincodeErrorCode, parseRefusal } from '@carbon-ets/contract';

/**
 * How a transaction did not take effect:
 * - `REJECTED`: the chaincode refused it (bad input, not allowed, unknown id); `code` says which refusal.
 * - `INVALID`: ordered but marked invalid at commit (e.g. endorsement policy failure).
 * - `CONFLICT`: still an MVCC or phantom-read conflict after every allowed attempt.
 * - `UNAVAILABLE`: the Gateway or peers could not be reached before the transaction was endorsed.
 * - `OUTCOME_UNKNOWN`: endorsed and sent to the ordering service, but no commit status came before the
 *   deadline, although the same transaction was re-sent: it may still commit. Look up its transaction id (or
 *   resend with the same request id, which the chaincode refuses if it was applied).
 */
export type TransactionFailureKind = 'REJECTED' | 'INVALID' | 'CONFLICT' | 'UNAVAILABLE' | 'OUTCOME_UNKNOWN';

export interface TransactionErrorDetails {
  readonly transactionId?: string;
  /** Fabric's validation code of an ordered transaction, e.g. `MVCC_READ_CONFLICT`. */
  readonly validationCode?: string;
  /** What to do about it. */
  readonly hint?: string;
}

/**
 * A failed transaction. Callers branch on `kind` and, for a refusal, on the chaincode's `code` — never on the
 * message, which is for people (`NOT_FOUND: account ACC1 does not exist`).
 */
export class TransactionError extends Error {
  /** The chaincode's code when it refused the transaction (`kind` is `REJECTED`); undefined otherwise. */
  readonly code: ChaincodeErrorCode | undefined;
  /** The message without the code: `account ACC1 does not exist`. */
  readonly reason: string;
  readonly transactionId: string | undefined;
  readonly validationCode: string | undefined;
  readonly hint: string | undefined;

  constructor(
    readonly kind: TransactionFailureKind,
    message: string,
    details: TransactionErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransactionError';
    // The code travels as the message's first word: Fabric gives the client nothing but the message.
    const refusal = kind === 'REJECTED' ? parseRefusal(message) : undefined;
    this.code = refusal?.code;
    this.reason = refusal?.text ?? message;
    this.transactionId = details.transactionId;
    this.validationCode = details.validationCode;
    this.hint = details.hint;
  }
}
