#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { connectAs, type CarbonConnection } from '../connect';
import { GatewayClientError } from '../errors';
import { TransactionError } from '../transaction-error';
import { type Command, type CommandContext, ExpectedError, type OptionSpec } from './command';
import { COMMANDS } from './commands';
import { formatRecord } from './output';

/**
 * Exit codes: 0 done; 1 user mistake or refused by the chaincode; 2 network or service failure;
 * 3 the audit found a mismatch.
 */
export const EXIT = { ok: 0, userError: 1, failure: 2, mismatch: 3 } as const;

const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  org: { type: 'string', description: 'organisation to act for, e.g. Regulator, Enterprise1' },
  user: { type: 'string', description: "user of that organisation (default: the org's first user)" },
  json: { type: 'boolean', description: 'machine-readable output' },
  help: { type: 'boolean', description: 'show help' },
};

function findCommand(words: readonly string[]): { command: Command; rest: string[] } | undefined {
  for (const length of [2, 1]) {
    const name = words.slice(0, length).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: words.slice(length) };
  }
  return undefined;
}

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  return Object.entries(options).map(
    ([name, spec]) =>
      `  --${`${name}${spec.type === 'string' ? ' <value>' : ''}`.padEnd(18)} ${spec.description}`,
  );
}

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'carbon — the carbon emission trading system, from the command line',
    '',
    'Usage: carbon <command> [arguments] [--org <org>] [--user <user>] [--json]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    'Run `carbon <command> --help` for a command’s own options.',
  ].join('\n');
}

export function commandHelp(command: Command): string {
  return [
    `Usage: carbon ${command.name}${command.usage ? ` ${command.usage}` : ''} [options]`,
    '',
    command.summary,
    '',
    'Options:',
    ...optionLines({ ...command.options, ...GLOBAL_OPTIONS }),
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli(
  argv: readonly string[],
  io: { out: (text: string) => void; err: (text: string) => void } = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  },
): Promise<number> {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const found = findCommand(words);
  if (!found) {
    if (argv.length === 0 || argv.includes('--help')) {
      io.out(generalHelp());
      return argv.length === 0 ? EXIT.userError : EXIT.ok;
    }
    io.err(`error: unknown command "${words.join(' ')}" — run \`carbon --help\` for the list`);
    return EXIT.userError;
  }
  const { command } = found;
  let connection: CarbonConnection | undefined;
  try {
    const spec = { ...command.options, ...GLOBAL_OPTIONS };
    const parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(
        Object.entries(spec).map(([name, option]) => [name, { type: option.type }]),
      ),
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help === true) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    const json = parsed.values.json === true;
    const options = parsed.values as Record<string, string | boolean | undefined>;
    let exitCode: number = EXIT.ok;
    const context: CommandContext = {
      args: parsed.positionals.slice(command.name.split(' ').length),
      options,
      json,
      connect: () => {
        if (connection) return connection;
        if (typeof options.org !== 'string')
          throw new ExpectedError('--org is required, e.g. --org Regulator');
        connection = connectAs({
          organization: options.org,
          ...(typeof options.user === 'string' ? { user: options.user } : {}),
        });
        return connection;
      },
      print: io.out,
      printRecord: (value) => {
        io.out(json ? JSON.stringify(value, null, 2) : formatRecord(value));
      },
      note: io.err,
      setExitCode: (code) => {
        exitCode = code;
      },
    };
    await command.run(context);
    return exitCode;
  } catch (err) {
    if (process.env.DEBUG) io.err(String((err as Error).stack));
    return reportError(err, io.err);
  } finally {
    connection?.close();
  }
}

/** One line per failure, no stack trace; the exit code says whose problem it is. */
function reportError(err: unknown, write: (text: string) => void): number {
  if (
    err instanceof ExpectedError ||
    (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    write(`error: ${err.message}`);
    return EXIT.userError;
  }
  if (err instanceof GatewayClientError) {
    write(`error: ${err.message}${err.hint ? ` — ${err.hint}` : ''}`);
    return EXIT.userError;
  }
  if (err instanceof TransactionError) {
    write(`error: ${err.message}${err.details.transactionId ? ` (tx ${err.details.transactionId})` : ''}`);
    return err.code === 'REJECTED' ? EXIT.userError : EXIT.failure;
  }
  write(`error: ${err instanceof Error ? err.message : String(err)}`);
  return EXIT.failure;
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
