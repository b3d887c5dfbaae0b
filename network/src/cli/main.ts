import { EXIT_CODES, printError } from '@carbon-ets/contract';

/**
 * Runs a CLI command with the project's one error printer: a NetworkError (a user-fixable problem) prints one
 * line with its hint and exits 1; anything else prints its message and exits 2. Never a stack trace unless
 * DEBUG is set.
 */
export function main(command: () => Promise<void>): void {
  command().then(
    () => process.exit(EXIT_CODES.ok),
    (err: unknown) => {
      process.exit(
        printError(err, {
          write: (line) => process.stderr.write(`${line}\n`),
          debug: Boolean(process.env.DEBUG),
        }),
      );
    },
  );
}
