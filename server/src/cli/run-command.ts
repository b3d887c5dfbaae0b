import { EXIT_CODES, printError } from '@carbon-ets/contract';

/**
 * Runs a server command with the project's one error printer: one line, exit 1 for a user's mistake and 2 for
 * a failure, the stack only with DEBUG. `keepRunning` leaves the process up (a server) after success.
 */
export function runCommand(command: () => Promise<void>, keepRunning = false): void {
  command().then(
    () => {
      if (!keepRunning) process.exit(EXIT_CODES.ok);
    },
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
