#!/usr/bin/env node
import { EXIT_CODES, printError } from '@carbon-ets/contract';
import { connectAs, type CarbonConnection } from '../connect';
import { type CommandContext, ExpectedError } from './command';
import { useDefaultConnectionDir } from './connection-dir';
import { formatRecord } from './output';
import { type CliOutput, type Invocation, parseCommandLine } from './program';

/**
 * Runs the CLI with `argv` (without node and script); returns the exit code (see EXIT_CODES: 0 done; 1 user
 * mistake or refused by the chaincode; 2 network or service failure; 3 the audit found a mismatch). Every
 * failure is one line on stderr, without a stack trace unless DEBUG is set.
 */
export async function runCli(
  argv: readonly string[],
  io: CliOutput = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  },
): Promise<number> {
  let connection: CarbonConnection | undefined;
  try {
    const parsed = parseCommandLine(argv, io);
    if ('helpExitCode' in parsed) return parsed.helpExitCode;
    let exitCode: number = EXIT_CODES.ok;
    const context = contextOf(parsed, io, {
      connect: (options) => (connection ??= connectAs(options)),
      setExitCode: (code) => {
        exitCode = code;
      },
    });
    await parsed.command.run(context);
    return exitCode;
  } catch (err) {
    return printError(err, { write: io.err, debug: Boolean(process.env.DEBUG) });
  } finally {
    connection?.close();
  }
}

function contextOf(
  { args, options }: Invocation,
  io: CliOutput,
  cli: {
    readonly connect: (options: {
      organization: string;
      user?: string;
      gatewayPeer?: string;
    }) => CarbonConnection;
    readonly setExitCode: (code: number) => void;
  },
): CommandContext {
  const json = options.json === true;
  return {
    args,
    options,
    json,
    connect: (target) => {
      if (typeof options.org !== 'string') throw new ExpectedError('--org is required, e.g. --org Regulator');
      return cli.connect({
        organization: options.org,
        ...(typeof options.user === 'string' ? { user: options.user } : {}),
        ...(target?.gatewayPeer !== undefined ? { gatewayPeer: target.gatewayPeer } : {}),
      });
    },
    print: io.out,
    printRecord: (value) => {
      io.out(json ? JSON.stringify(value, null, 2) : formatRecord(value));
    },
    note: io.err,
    setExitCode: cli.setExitCode,
  };
}

if (require.main === module) {
  useDefaultConnectionDir();
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
