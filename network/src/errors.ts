/**
 * A failure the user can act on: a missing prerequisite, a port in use, a node that did not come up.
 * The CLI prints `message` (and `hint`, if any) as one line, without a stack trace.
 */
export class NetworkError extends Error {
  /** Read by the error printer of `@carbon-ets/contract`: exit code 1. */
  readonly userFixable = true;

  constructor(
    message: string,
    /** What to do about it. */
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NetworkError';
  }
}
