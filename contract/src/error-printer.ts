import { CHAINCODE_ERROR_CODES } from './error-codes';

/**
 * Exit codes of every command-line tool of the project (`carbon`, the network commands, the demo, the bench):
 * 0 done; 1 a user mistake or a chaincode refusal; 2 a network or service failure; 3 an audit mismatch.
 */
export const EXIT_CODES = { ok: 0, userError: 1, failure: 2, mismatch: 3 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * The fields the printer reads off an error. They are duck-typed, not imported, so that this package stays
 * free of Fabric and every package's errors can be printed without depending on each other:
 * - `kind`: how a transaction failed (`REJECTED`, `INVALID`, `CONFLICT`, `UNAVAILABLE`, `OUTCOME_UNKNOWN`);
 * - `code`: the chaincode's refusal code (`NOT_FOUND`, `FORBIDDEN`, …); other codes (`ENOENT`…) are ignored;
 * - `transactionId`: shown so the user can look the transaction up;
 * - `hint`: what to do about it;
 * - `userFixable`: true on errors the user can fix (bad arguments, unknown user, missing settings).
 */
export interface PrintableError {
  readonly message?: unknown;
  readonly kind?: unknown;
  readonly code?: unknown;
  readonly transactionId?: unknown;
  readonly hint?: unknown;
  readonly userFixable?: unknown;
  readonly stack?: unknown;
}

/** One error as the user sees it: one line, and the exit code that says whose problem it is. */
export interface DescribedError {
  readonly line: string;
  readonly exitCode: ExitCode;
}

/** The one line for `err` (`error: <message> (tx <id>) — <hint>`) and its exit code. */
export function describeError(err: unknown): DescribedError {
  const fields: PrintableError = typeof err === 'object' && err !== null ? err : {};
  const message = oneLine(typeof fields.message === 'string' ? fields.message : String(err));
  const transactionId = typeof fields.transactionId === 'string' ? ` (tx ${fields.transactionId})` : '';
  const hint = typeof fields.hint === 'string' && fields.hint !== '' ? ` — ${oneLine(fields.hint)}` : '';
  return { line: `error: ${message}${transactionId}${hint}`, exitCode: exitCodeOf(fields) };
}

/**
 * Prints `err` as one line with `write` and returns the exit code. The stack only with `debug` (the tools pass
 * `DEBUG` from the environment): a user reads the line, a developer asks for the stack.
 */
export function printError(
  err: unknown,
  options: { readonly write: (line: string) => void; readonly debug?: boolean },
): ExitCode {
  const { line, exitCode } = describeError(err);
  options.write(line);
  if (options.debug === true && err instanceof Error && err.stack !== undefined) options.write(err.stack);
  return exitCode;
}

function exitCodeOf(fields: PrintableError): ExitCode {
  const refused =
    fields.kind === 'REJECTED' ||
    (typeof fields.code === 'string' && (CHAINCODE_ERROR_CODES as readonly string[]).includes(fields.code));
  if (refused || fields.userFixable === true) return EXIT_CODES.userError;
  return EXIT_CODES.failure;
}

/** A multi-line message (a gRPC error's details) joined into one line. */
function oneLine(text: string): string {
  return text.trim().replace(/\s*[\r\n]+\s*/g, ' ');
}
