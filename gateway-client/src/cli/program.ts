import { Command as Program, type CommanderError, Help, Option } from 'commander';
import { type Command, ExpectedError, type OptionSpec } from './command';
import { COMMAND_GROUPS, COMMANDS } from './commands';

/** Options of every command, given before or after it: `carbon --org X whoami` = `carbon whoami --org X`. */
const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  org: { type: 'string', description: 'organisation to act for, e.g. Regulator, Enterprise1' },
  user: { type: 'string', description: "user of that organisation (default: the org's first user)" },
  json: { type: 'boolean', description: 'machine-readable output' },
};

/** What the command line asks for: a command, its positional arguments, its options and the global ones. */
export interface Invocation {
  readonly command: Command;
  readonly args: readonly string[];
  /** By option name as typed, without `--`: `{ 'good-till': 'day', org: 'Enterprise1', json: true }`. */
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
}

/** Where help and usage go: stdout and stderr, one call per block of text. */
export interface CliOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * Parses `argv` (without node and script) into an {@link Invocation}, or prints help and gives its exit code
 * (0 when asked for, 1 when a command is missing). A usage mistake (unknown command or option, missing
 * argument) throws an {@link ExpectedError} naming the `--help` to read; nothing is connected before.
 */
export function parseCommandLine(
  argv: readonly string[],
  io: CliOutput,
): Invocation | { helpExitCode: number } {
  let invocation: Invocation | undefined;
  const program = buildProgram(io, (parsed) => {
    invocation = parsed;
  });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof HelpShown) return { helpExitCode: err.exitCode };
    throw err;
  }
  // Every command has an action and every group without a subcommand shows help, so this is unreachable.
  if (invocation === undefined) throw new Error('no command was selected');
  return invocation;
}

/** Help was printed (commander's way to end parsing). */
class HelpShown extends Error {
  constructor(readonly exitCode: number) {
    super('help shown');
  }
}

function buildProgram(io: CliOutput, invoked: (invocation: Invocation) => void): Program {
  const program = new Program('carbon')
    .description('carbon — the carbon emission trading system, from the command line')
    .usage('<command> [arguments] [options]');
  for (const [name, spec] of Object.entries(GLOBAL_OPTIONS)) {
    program.addOption(optionOf(name, spec).helpGroup('Options for every command, before or after it:'));
  }
  const leaves: Program[] = [];
  program
    .configureOutput({
      writeOut: (text) => {
        io.out(text.replace(/\n$/, ''));
      },
      writeErr: (text) => {
        io.err(text.replace(/\n$/, ''));
      },
      // Errors are printed by the CLI's error printer, once, from the ExpectedError thrown below.
      outputError: () => undefined,
      // Piped help (read by grep or a script) keeps one line per option; a terminal wraps at its width.
      getOutHelpWidth: () => (process.stdout.isTTY ? process.stdout.columns : Number.MAX_SAFE_INTEGER),
      getErrHelpWidth: () => (process.stderr.isTTY ? process.stderr.columns : Number.MAX_SAFE_INTEGER),
    })
    .configureHelp({
      showGlobalOptions: true,
      // `carbon --help` lists every command by its full name (`order place`), as one reads it in the README.
      visibleCommands: (cmd) => (cmd === program ? leaves : new Help().visibleCommands(cmd)),
      // Full names in every list; commander's implicit `help` command has no parent, so it keeps its own.
      subcommandTerm: (cmd) =>
        [
          ...(cmd.parent === null ? [cmd.name()] : commandPath(cmd)),
          ...cmd.registeredArguments.map((arg) => argumentTerm(arg)),
        ].join(' '),
    });
  exitThrowing(program);
  const groups = new Map<string, Program>();
  const groupOf = (name: string): Program => {
    let group = groups.get(name);
    if (group === undefined) {
      group = program.command(name).description(COMMAND_GROUPS[name] ?? '');
      exitThrowing(group);
      groups.set(name, group);
    }
    return group;
  };
  for (const command of COMMANDS) {
    const [first, second] = command.name.split(' ') as [string, string | undefined];
    const leaf = (second === undefined ? program : groupOf(first))
      .command(second ?? first)
      .description(command.summary);
    for (const [syntax, description] of Object.entries(command.arguments ?? {}))
      leaf.argument(syntax, description);
    for (const [name, spec] of Object.entries(command.options ?? {})) leaf.addOption(optionOf(name, spec));
    leaf.action(() => {
      invoked({ command, args: leaf.args, options: optionValues(leaf) });
    });
    exitThrowing(leaf);
    leaves.push(leaf);
  }
  return program;
}

function optionOf(name: string, spec: OptionSpec): Option {
  return new Option(spec.type === 'string' ? `--${name} <value>` : `--${name}`, spec.description);
}

/** The options given to `leaf` and to the program, keyed by their names as typed (`good-till`, `org`). */
function optionValues(leaf: Program): Record<string, string | boolean | undefined> {
  const values: Record<string, string | boolean | undefined> = {};
  for (let cmd: Program | null = leaf; cmd !== null; cmd = cmd.parent) {
    for (const option of cmd.options) {
      const value: unknown = cmd.getOptionValue(option.attributeName());
      if (typeof value === 'string' || typeof value === 'boolean') values[option.name()] = value;
    }
  }
  return values;
}

/**
 * Makes commander throw instead of exiting the process: help ends parsing with its exit code, and a usage
 * mistake becomes an {@link ExpectedError} that names the command's own `--help`.
 */
function exitThrowing(cmd: Program): void {
  cmd.exitOverride((err: CommanderError) => {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.help')
      throw new HelpShown(err.exitCode);
    const path = ['carbon', ...commandPath(cmd)].join(' ');
    if (err.code === 'commander.unknownCommand') {
      const suggestion = /\s(\(Did you mean [^)]*\))$/.exec(err.message)?.[1];
      throw new ExpectedError(
        `unknown command "${[...commandPath(cmd), ...cmd.args.slice(0, 1)].join(' ')}"` +
          (suggestion === undefined ? '' : ` ${suggestion}`),
        `run \`${path} --help\` for the list`,
      );
    }
    throw new ExpectedError(err.message.replace(/^error: /, ''), `run \`${path} --help\` for its usage`);
  });
}

/** The words naming `cmd` after `carbon`: `['order', 'place']`. */
function commandPath(cmd: Program): string[] {
  const words: string[] = [];
  for (let at = cmd; at.parent !== null; at = at.parent) words.unshift(at.name());
  return words;
}

function argumentTerm(arg: { name(): string; required: boolean; variadic: boolean }): string {
  const name = `${arg.name()}${arg.variadic ? '...' : ''}`;
  return arg.required ? `<${name}>` : `[${name}]`;
}
