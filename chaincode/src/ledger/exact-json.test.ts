import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import {
  JsonTextError,
  MAX_JSON_DEPTH,
  NumberLiteral,
  parseAmount,
  parseDecimal,
  parseExactJson,
  parseQuantity,
  parseJsonText,
} from '@carbon-ets/contract';

/** The parse with every object turned into a plain one, for comparing with JSON.parse. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof NumberLiteral) return value;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

describe('exact JSON', () => {
  it('keeps exact safe integers as numbers and every other number as its text', () => {
    expect(parseExactJson('[0, -0, 7, -12, 9007199254740991, -9007199254740991]')).toEqual([
      0, 0, 7, -12, 9_007_199_254_740_991, -9_007_199_254_740_991,
    ]);
    const literals = [
      '7.0000000000000001',
      '7.0',
      '1.5',
      '1e3',
      '1E+3',
      '-2.5e-3',
      '9007199254740992',
      '9007199254740993',
      '-9007199254740993',
      '9007199254740993.5',
      '0.5703',
    ];
    for (const text of literals) {
      expect(parseExactJson(text)).toEqual(new NumberLiteral(text));
    }
  });

  it('agrees with JSON.parse on everything but numbers that are not exact safe integers', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.maxSafeInteger(),
        fc.string({ unit: 'binary' }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'binary' }), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const text = JSON.stringify(value, null, 1);
        expect(plain(parseExactJson(text))).toEqual(JSON.parse(text));
      }),
    );
  });

  it.each([
    '',
    ' ',
    '{',
    '{"a":1,}',
    '[1,]',
    '[1 2]',
    '{"a" 1}',
    '{a:1}',
    "{'a':1}",
    '01',
    '-',
    '1.',
    '.5',
    '+1',
    '1e',
    'NaN',
    'Infinity',
    'tru',
    'nulll',
    '"\\x"',
    '"a\nb"',
    '"unterminated',
    '"\\',
    '{} {}',
    '\u00a0{}',
  ])('refuses %j as JSON.parse does', (text) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(() => parseExactJson(text)).toThrow(JsonTextError);
  });

  it('refuses a key given twice, which JSON.parse would take as last-wins', () => {
    expect(() => parseJsonText('{"quantity":1,"quantity":1000}', 'transfer')).toThrow(
      'INVALID_ARGUMENT: transfer: key "quantity" appears twice',
    );
  });

  it('refuses nesting deeper than any request, before the stack could overflow', () => {
    const deep = `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`;
    expect(() => parseJsonText(deep, 'req')).toThrow(
      `INVALID_ARGUMENT: req: nested more than ${MAX_JSON_DEPTH} levels deep`,
    );
    const ok = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(() => parseJsonText(ok, 'req')).not.toThrow();
    expect(() => parseJsonText('['.repeat(100_000), 'req')).toThrow('nested more than');
  });

  it('says where malformed JSON goes wrong', () => {
    expect(() => parseJsonText('{"fromAccount": ', 'transfer')).toThrow(
      'INVALID_ARGUMENT: transfer is not valid JSON: unexpected end of text at position 16',
    );
  });

  it('never lets an unchecked literal reach the ledger', () => {
    expect(() => canonicalJson({ quantity: new NumberLiteral('1.5') })).toThrow(
      'refusing to serialise unchecked number literal 1.5',
    );
  });

  it('treats __proto__ as an ordinary key', () => {
    const parsed = parseExactJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('numbers are judged on their JSON text', () => {
  const literal = (text: string): NumberLiteral => parseExactJson(text) as NumberLiteral;

  it('refuses a literal that is not an exact integer where a whole number is needed', () => {
    for (const text of ['7.0000000000000001', '7.0', '1e3', '1.5', '9007199254740993.5']) {
      expect(() => parseQuantity(literal(text), 'allocation.quantity')).toThrow(
        `INVALID_ARGUMENT: allocation.quantity must be a whole number, got ${text}`,
      );
    }
    expect(() => parseQuantity(literal('9007199254740993'), 'q')).toThrow('q is too large');
    expect(() => parseQuantity(literal('-9007199254740993'), 'q')).toThrow('q must not be negative');
  });

  it('takes a decimal literal exactly as written, never through a double', () => {
    expect(parseDecimal(literal('0.5703'), 'f')).toEqual({ units: 5703n, scale: 4 });
    expect(parseDecimal(literal('48.0'), 'f')).toEqual({ units: 480n, scale: 1 });
    // As a double this is 0.30000000000000004's neighbour; the text is exact.
    expect(parseDecimal(literal('0.300000001'), 'f')).toEqual({ units: 300000001n, scale: 9 });
    expect(() => parseDecimal(literal('1e3'), 'f')).toThrow('f must be a non-negative decimal');
    expect(() => parseDecimal(literal('9007199254740993.5'), 'f')).toThrow(
      'f is a JSON number beyond 2^53 (9007199254740993.5); send it as a decimal string',
    );
  });

  it('asks for a decimal string for money beyond 2^53, and takes the string', () => {
    expect(() => parseAmount(literal('9007199254740993'), 'deposit.amount')).toThrow(
      'INVALID_ARGUMENT: deposit.amount is a JSON number beyond 2^53 (9007199254740993); send it as a decimal string, e.g. "9007199254740993"',
    );
    expect(parseAmount('9007199254740993', 'deposit.amount')).toBe(9_007_199_254_740_993n);
    expect(() => parseAmount(literal('1.5'), 'deposit.amount')).toThrow('must be a whole number of fen');
  });
});
