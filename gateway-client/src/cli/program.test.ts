import { connectAs, type CarbonConnection } from '../connect';
import { evaluate } from '../submit';
import { runCli } from './carbon';
import { COMMAND_GROUPS, COMMANDS } from './commands';
import { type Invocation, parseCommandLine } from './program';

// No network: whoami's connection and query are stubs, so a test sees what the command line asked for.
jest.mock('../connect', () => ({ connectAs: jest.fn() }));
jest.mock('../submit', () => ({ evaluate: jest.fn() }));

/** Runs the CLI in-process and captures what it prints. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
  });
  return { code, out, err };
}

/** The invocation `argv` parses to (fails the test if it is help or a usage mistake). */
function parse(...argv: string[]): { name: string; args: readonly string[]; options: Invocation['options'] } {
  const parsed = parseCommandLine(argv, { out: () => undefined, err: () => undefined });
  if ('helpExitCode' in parsed) throw new Error(`${argv.join(' ')} showed help`);
  return { name: parsed.command.name, args: parsed.args, options: parsed.options };
}

beforeEach(() => {
  jest.mocked(connectAs).mockReset();
  jest.mocked(connectAs).mockImplementation(
    (options) =>
      ({
        close: jest.fn(),
        settings: { organization: options.organization },
        user: options.user,
      }) as unknown as CarbonConnection,
  );
  jest
    .mocked(evaluate)
    .mockResolvedValue(new TextEncoder().encode(JSON.stringify({ mspId: 'Enterprise1MSP', role: 'trader' })));
});

describe('global options, before or after the command', () => {
  test.each([
    [
      ['--org', 'Enterprise1', '--user', 'trader1', 'whoami'],
      ['whoami', '--org', 'Enterprise1', '--user', 'trader1'],
    ],
    [
      ['--json', '--org', 'Enterprise1', 'order', 'place', '--side', 'buy', '--good-till', 'day'],
      ['order', 'place', '--side', 'buy', '--org', 'Enterprise1', '--good-till', 'day', '--json'],
    ],
    [
      ['--org', 'Auditor', 'history', 'report', '2030', 'INST-1'],
      ['history', 'report', '--org', 'Auditor', '2030', 'INST-1'],
    ],
  ])('%j parses as %j', (before, after) => {
    expect(parse(...before)).toEqual(parse(...after));
  });

  test('options are keyed by their names as typed, global ones included', () => {
    expect(parse('order', 'place', '--good-till', 'day', '--org', 'Enterprise1', '--json')).toEqual({
      name: 'order place',
      args: [],
      options: { 'good-till': 'day', org: 'Enterprise1', json: true },
    });
    expect(parse('history', 'report', '2030', 'INST-1').args).toEqual(['report', '2030', 'INST-1']);
  });

  test('`carbon --org Enterprise1 --user trader1 whoami` acts as that user', async () => {
    const before = await run('--org', 'Enterprise1', '--user', 'trader1', 'whoami', '--json');
    const after = await run('whoami', '--org', 'Enterprise1', '--user', 'trader1', '--json');
    expect(before).toEqual(after);
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out)).toEqual({
      organization: 'Enterprise1',
      user: 'trader1',
      mspId: 'Enterprise1MSP',
      role: 'trader',
    });
    expect(jest.mocked(connectAs).mock.calls).toEqual([
      [{ organization: 'Enterprise1', user: 'trader1' }],
      [{ organization: 'Enterprise1', user: 'trader1' }],
    ]);
  });
});

describe('help', () => {
  test('`carbon --help` lists every command by its full name, and the global options', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.out).toMatch(new RegExp(`^  ${command.name}\\b`, 'm'));
    expect(result.out).toMatch(/--org <value>\s+organisation to act for/);
  });

  test("the help of a group lists the group's commands only", async () => {
    const result = await run('order', '--help');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toContain('Usage: carbon order [options] [command]');
    for (const name of ['order place', 'order cancel', 'order list'])
      expect(result.out).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
    expect(result.out).not.toContain('market book');
  });

  test('a group without its command shows its help on stderr, exit 1', async () => {
    const result = await run('order');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('order place');
  });

  test('the help of a command shows its arguments', async () => {
    const result = await run('account', 'freeze', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: carbon account freeze [options] <accountId>');
    expect(result.out).toMatch(/accountId\s+the account to freeze/);
  });

  test('every group of two-word commands has a summary, and no group is left without commands', () => {
    const groups = new Set(COMMANDS.flatMap((c) => (c.name.includes(' ') ? [c.name.split(' ')[0]] : [])));
    expect([...groups].sort()).toEqual(Object.keys(COMMAND_GROUPS).sort());
  });
});

describe('usage mistakes: one line on stderr, exit 1, nothing connected', () => {
  test.each([
    [
      ['order', 'place', '--bogus'],
      "error: unknown option '--bogus' — run `carbon order place --help` for its usage",
    ],
    [
      ['whoami', '--orgg', 'X'],
      "error: unknown option '--orgg' (Did you mean --org?) — run `carbon whoami --help` for its usage",
    ],
    [['frobnicate'], 'error: unknown command "frobnicate" — run `carbon --help` for the list'],
    [
      ['order', 'plac'],
      'error: unknown command "order plac" (Did you mean place?) — run `carbon order --help` for the list',
    ],
    [
      ['account', 'freeze', '--reason', 'x'],
      "error: missing required argument 'accountId' — run `carbon account freeze --help` for its usage",
    ],
    [
      ['order', 'place', '--side'],
      "error: option '--side <value>' argument missing — run `carbon order place --help` for its usage",
    ],
    [
      ['whoami', 'extra', '--org', 'Enterprise1'],
      "error: too many arguments for 'whoami'. Expected 0 arguments but got 1. — run `carbon whoami --help` for its usage",
    ],
    [['whoami'], 'error: --org is required, e.g. --org Regulator'],
  ])('%j', async (argv, line) => {
    const result = await run(...argv);
    expect(result).toEqual({ code: 1, out: '', err: `${line}\n` });
    expect(connectAs).not.toHaveBeenCalled();
  });
});
