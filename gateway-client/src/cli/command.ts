import type { CarbonConnection } from '../connect';

/** A user mistake (bad arguments, unknown user…): printed as one line, exit code 1. */
export class ExpectedError extends Error {
  /** Read by the error printer of `@carbon-ets/contract`: exit code 1. */
  readonly userFixable = true;

  constructor(
    message: string,
    /** What to do about it, e.g. which `--help` to read. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ExpectedError';
  }
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
}

/** What a command gets: its positional arguments, its parsed options and the ways to answer. */
export interface CommandContext {
  readonly args: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  /** True with `--json`: print machine-readable output only. */
  readonly json: boolean;
  /**
   * Opens a Gateway connection as `--org`/`--user` (closed by the CLI when the command ends), to the user's own
   * peer or to `gatewayPeer`'s (an organisation name).
   */
  connect(options?: { readonly gatewayPeer?: string }): CarbonConnection;
  print(text: string): void;
  /** Prints `value` as JSON with `--json`, else as a two-column table of its fields. */
  printRecord(value: Readonly<Record<string, unknown>>): void;
  /** A line on stderr that a script reading stdout does not see (progress, notes). */
  note(text: string): void;
  /** Ends the command with this exit code instead of 0 (for a result that is not a success, e.g. a mismatch). */
  setExitCode(code: number): void;
}

/** One `carbon` command; each lives in its own file under `commands/`. */
export interface Command {
  /** One or two words, e.g. `whoami` or `identity enroll`. */
  readonly name: string;
  readonly summary: string;
  /**
   * Positional arguments in commander's syntax (`<required>`, `[optional]`, `<many...>`), each with its help
   * text, in order, e.g. `{ '<Contract:Function>': 'the transaction', '[argument...]': 'its arguments' }`.
   */
  readonly arguments?: Readonly<Record<string, string>>;
  readonly options?: Readonly<Record<string, OptionSpec>>;
  run(context: CommandContext): Promise<void>;
}

/** The option as a string, or an {@link ExpectedError} naming it. */
export function requiredOption(context: CommandContext, name: string): string {
  const value = context.options[name];
  if (typeof value !== 'string' || value === '') throw new ExpectedError(`--${name} is required`);
  return value;
}
