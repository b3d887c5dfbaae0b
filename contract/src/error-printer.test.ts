import { describeError, EXIT_CODES, printError } from './error-printer';

/** Errors as the packages throw them, reduced to the fields the printer reads. */
class Refused extends Error {
  readonly kind = 'REJECTED';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly transactionId?: string,
  ) {
    super(message);
  }
}

class Fixable extends Error {
  readonly userFixable = true;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

describe('the error printer: one line, and the exit code says whose problem it is', () => {
  test.each([
    [
      'a chaincode refusal',
      new Refused('NOT_FOUND: account ACC1 does not exist', 'NOT_FOUND'),
      'error: NOT_FOUND: account ACC1 does not exist',
      EXIT_CODES.userError,
    ],
    [
      'a refusal without a code, with its transaction id',
      new Refused('the chaincode panicked', undefined, 'tx9'),
      'error: the chaincode panicked (tx tx9)',
      EXIT_CODES.userError,
    ],
    [
      'a refusal known only by its code (the chaincode side)',
      Object.assign(new Error('FORBIDDEN: regulator only'), { code: 'FORBIDDEN' }),
      'error: FORBIDDEN: regulator only',
      EXIT_CODES.userError,
    ],
    [
      'a transaction that could not be sent, with the hint',
      Object.assign(new Error('X:Y failed: 14 UNAVAILABLE'), {
        kind: 'UNAVAILABLE',
        hint: 'is the network up?',
      }),
      'error: X:Y failed: 14 UNAVAILABLE — is the network up?',
      EXIT_CODES.failure,
    ],
    [
      'a user-fixable problem with a hint',
      new Fixable('no connection settings for "Nowhere"', 'start the network'),
      'error: no connection settings for "Nowhere" — start the network',
      EXIT_CODES.userError,
    ],
    [
      'a user-fixable problem without one',
      new Fixable('bad --side'),
      'error: bad --side',
      EXIT_CODES.userError,
    ],
    [
      "a system error: its code is not the chaincode's",
      Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }),
      'error: ENOENT: no such file',
      EXIT_CODES.failure,
    ],
    ['a bug', new TypeError('x is undefined'), 'error: x is undefined', EXIT_CODES.failure],
    ['something thrown that is not an error', 'boom', 'error: boom', EXIT_CODES.failure],
    [
      'a message over several lines',
      new Error('ABORTED: no endorsement\n    peer0: timeout\n'),
      'error: ABORTED: no endorsement peer0: timeout',
      EXIT_CODES.failure,
    ],
  ])('%s', (_, err, line, exitCode) => {
    expect(describeError(err)).toEqual({ line, exitCode });
  });

  test('prints the line, and the stack only when debugging', () => {
    const lines: string[] = [];
    const write = (line: string): void => {
      lines.push(line);
    };
    expect(printError(new Fixable('bad --side'), { write })).toBe(EXIT_CODES.userError);
    expect(lines).toEqual(['error: bad --side']);
    lines.length = 0;
    expect(printError(new Error('bug'), { write, debug: true })).toBe(EXIT_CODES.failure);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Error: bug\n\s+at /);
  });
});
