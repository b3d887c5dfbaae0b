import { runCli } from '../carbon';
import { toCsv } from './export-csv';
import { COMMANDS } from './index';

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

describe('carbon commands', () => {
  test('every command has a unique name of one or two words, a summary, described options and arguments', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of COMMANDS) {
      expect(command.name).toMatch(/^[a-z]+( [a-z]+)?$/);
      expect(command.summary.length).toBeGreaterThan(10);
      for (const option of Object.values(command.options ?? {})) expect(option.description).not.toBe('');
      for (const [syntax, description] of Object.entries(command.arguments ?? {})) {
        expect(syntax).toMatch(/^(<[^<>]+>|\[[^[\]]+\])$/);
        expect(description).not.toBe('');
      }
    }
    // A one-word command and a group of the same name could not both be reached.
    const groups = names.filter((n) => n.includes(' ')).map((n) => n.split(' ')[0]);
    expect(names.filter((n) => groups.includes(n))).toEqual([]);
  });

  test.each([
    [['order', 'place', '--side', 'hold'], 'error: --side must be buy or sell'],
    [['period', 'create', '--cap', '5'], 'error: --report-by is required (or give it in --file)'],
    [['history', 'nonsense', 'X'], /^error: usage: carbon history <type> <id\.\.\.>/],
    [
      ['market', 'configure', '--instrument', 'gold-2030'],
      'error: --instrument must look like allowance-2030',
    ],
    [
      ['report', 'verify', '--opinion', 'fine'],
      'error: --opinion must be positive or positive-with-comments',
    ],
    [['factors', 'publish', '--file', '/no/such/file.json'], 'error: cannot read /no/such/file.json'],
    [
      ['offsets', 'issue', '--project', 'P1', '--vintage', '2030', '--from', '2030-01-01'],
      'error: --to is required',
    ],
  ])('%j is one line on stderr and exit 1, before any connection', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    const lines = result.err.trim().split('\n');
    expect(lines).toHaveLength(1);
    if (typeof message === 'string') expect(lines[0]).toBe(message);
    else expect(lines[0]).toMatch(message);
  });

  test('--help of a command lists its options and the global ones', async () => {
    const result = await run('order', 'place', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: carbon order place [options]');
    expect(result.out).toMatch(
      /--price <value>\s+limit price per tonne, in the period's currency with two decimals \(e\.g\. 60\.50\)/,
    );
    expect(result.out).toContain('--json');
  });

  test('the issue commands describe their day period in their own words', async () => {
    const certificates = await run('certificates', 'issue', '--help');
    expect(certificates.out).toMatch(/--from <value>\s+first day of production, YYYY-MM-DD \(inclusive\)/);
    const offsets = await run('offsets', 'issue', '--help');
    expect(offsets.out).toMatch(
      /--to <value>\s+last day of the monitoring period, YYYY-MM-DD \(inclusive, same year as --from\)/,
    );
  });

  test('CSV quotes fields with commas, quotes or line breaks (RFC 4180)', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          [null, 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n,3\r\n');
  });
});
