import { NetworkError } from '../errors';

/**
 * Runs a CLI command: a {@link NetworkError} (a user-fixable problem) prints one line with the hint and
 * exits 1; anything else prints its message and exits 2. Never a stack trace unless DEBUG is set.
 */
export function main(command: () => Promise<void>): void {
  command().then(
    () => process.exit(0),
    (err: unknown) => {
      if (process.env.DEBUG) console.error(err);
      if (err instanceof NetworkError) {
        console.error(`error: ${err.message}${err.hint ? ` — ${err.hint}` : ''}`);
        process.exit(1);
      }
      console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}
