import { type ChaincodeErrorCode, refusalMessage } from './error-codes';

/**
 * A user mistake: bad input, missing object, wrong caller or a rule of the scheme. The message is one clear
 * line; the transaction fails and, as with every failed Fabric transaction, writes nothing.
 */
export class ChaincodeError extends Error {
  public readonly code: ChaincodeErrorCode;
  public readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ChaincodeErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(refusalMessage(code, message));
    this.name = 'ChaincodeError';
    this.code = code;
    this.details = details;
  }
}

/** Shorthand constructors so call sites read like the rule they enforce. */
export const invalidArgument = (message: string, details?: Record<string, unknown>): ChaincodeError =>
  new ChaincodeError('INVALID_ARGUMENT', message, details);
export const notFound = (message: string, details?: Record<string, unknown>): ChaincodeError =>
  new ChaincodeError('NOT_FOUND', message, details);
export const forbidden = (message: string, details?: Record<string, unknown>): ChaincodeError =>
  new ChaincodeError('FORBIDDEN', message, details);
export const conflict = (message: string, details?: Record<string, unknown>): ChaincodeError =>
  new ChaincodeError('CONFLICT', message, details);
export const failedPrecondition = (message: string, details?: Record<string, unknown>): ChaincodeError =>
  new ChaincodeError('FAILED_PRECONDITION', message, details);
