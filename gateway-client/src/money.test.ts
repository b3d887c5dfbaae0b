import {
  formatAmount,
  formatMoney,
  InvalidMoneyError,
  minorUnitsAsNumber,
  parseCurrency,
  parseMoney,
} from './money';

describe('money as people type it', () => {
  test.each([
    ['60.50', 6050n],
    ['60.5', 6050n],
    ['60', 6000n],
    ['0.01', 1n],
    ['0', 0n],
    ['007.10', 710n],
  ])('%s is %p minor units', (text, minor) => {
    expect(parseMoney(text, '--price')).toBe(minor);
  });

  test('amounts beyond 2^53 minor units convert exactly', () => {
    expect(parseMoney('123456789012345678901234.56', '--amount')).toBe(12345678901234567890123456n);
    // 2^53 + 1 minor units: the first amount a double cannot hold.
    expect(parseMoney('90071992547409.93', '--amount')).toBe(9007199254740993n);
    expect(formatMoney(9007199254740993n)).toBe('90071992547409.93');
  });

  test.each([
    ['60.505', '--price has more than two decimals (the smallest amount is 0.01), got "60.505"'],
    ['60.500', '--price has more than two decimals (the smallest amount is 0.01), got "60.500"'],
    [
      '-1',
      '--price takes no sign: write the amount as digits with at most two decimals, e.g. 60.50, got "-1"',
    ],
    [
      '+1',
      '--price takes no sign: write the amount as digits with at most two decimals, e.g. 60.50, got "+1"',
    ],
  ])('%s is refused with one clear line', (text, message) => {
    expect(() => parseMoney(text, '--price')).toThrow(new InvalidMoneyError(message));
  });

  test.each([
    ['1e3'],
    ['6.05e1'],
    ['1,000.00'],
    ['60.'],
    ['.5'],
    [''],
    [' 60'],
    ['CNY 60'],
    ['0x10'],
    ['NaN'],
    ['六十'],
  ])('%j is refused', (text) => {
    expect(() => parseMoney(text, '--price')).toThrow(
      `--price must be an amount with at most two decimals, e.g. 60.50 (digits only: no exponent or separators), got "${text}"`,
    );
  });

  test('every message is one line, whatever was typed', () => {
    for (const text of ['60.505', '-1', '1e3', 'x\ny', '1\r\n2']) {
      expect(() => parseMoney(text, '--amount')).toThrow(/^[^\n\r]+$/);
    }
  });
});

describe('money as people read it', () => {
  test.each([
    [6050n, '60.50'],
    [6000, '60.00'],
    ['5', '0.05'],
    [0n, '0.00'],
    [-120, '-1.20'],
    ['183000000', '1830000.00'],
    ['12345678901234567890123456', '123456789012345678901234.56'],
  ])('%p minor units are %s', (minor, text) => {
    expect(formatMoney(minor)).toBe(text);
  });

  test('with the currency code in front', () => {
    expect(formatAmount(6050n, 'CNY')).toBe('CNY 60.50');
    expect(formatAmount('10000', 'EUR')).toBe('EUR 100.00');
  });

  test('what is printed parses back to the same minor units', () => {
    for (const minor of [1n, 99n, 100n, 6050n, 2n ** 64n + 7n]) {
      expect(parseMoney(formatMoney(minor), 'amount')).toBe(minor);
    }
  });

  test.each([[1.5], [Number.MAX_SAFE_INTEGER + 2], ['1.5'], ['1e3'], ['']])(
    'refuses %p as minor units from the ledger',
    (minor) => {
      expect(() => formatMoney(minor)).toThrow(InvalidMoneyError);
    },
  );
});

describe('minor units for JSON number fields and currency codes', () => {
  test('a safe integer passes, a larger amount is refused', () => {
    expect(minorUnitsAsNumber(6050n, '--price')).toBe(6050);
    expect(minorUnitsAsNumber(BigInt(Number.MAX_SAFE_INTEGER), '--price')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => minorUnitsAsNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n, '--price')).toThrow(
      '--price is too large (at most 90071992547409.91)',
    );
  });

  test('currency codes are three capital letters', () => {
    expect(parseCurrency('EUR', '--currency')).toBe('EUR');
    for (const bad of ['eur', 'EURO', 'CN', '']) {
      expect(() => parseCurrency(bad, '--currency')).toThrow(
        '--currency must be an ISO 4217 currency code of three capital letters, e.g. CNY',
      );
    }
  });
});
