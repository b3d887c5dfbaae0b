import { ChaincodeError } from '../errors';
import { canonicalJson, fromBytes, parseJsonArgument, toBytes } from './canonical-json';
import {
  divideCeil,
  divideHalfUp,
  formatDecimal,
  multiplyDecimals,
  parseDecimal,
  parsePositiveDecimal,
} from './decimal';
import { InputReader, parseId } from './input';
import { addQuantities, parseQuantity, parseWholeNumber, sumQuantities, toSafeNumber } from './quantity';

describe('canonical JSON', () => {
  it('sorts keys at every level, drops undefined and refuses floats', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
    expect(fromBytes(toBytes({ b: 'x', a: null }))).toEqual({ a: null, b: 'x' });
    expect(() => canonicalJson({ price: 0.1 })).toThrow('non-integer');
    expect(() => parseJsonArgument('{nope', 'request')).toThrow(
      'INVALID_ARGUMENT: request is not valid JSON',
    );
  });
});

describe('quantities', () => {
  it.each([[1], ['1'], [9_007_199_254_740_991], ['9007199254740991']])('accepts %p', (value) => {
    expect(parseQuantity(value, 'q')).toBe(Number(value));
  });
  it.each([
    [0, 'greater than zero'],
    ['0', 'greater than zero'],
    [-5, 'must not be negative'],
    ['-5', 'must not be negative'],
    [1.5, 'whole number'],
    ['1.5', 'whole number'],
    ['1e3', 'whole number'],
    ['', 'whole number'],
    ['ten', 'whole number'],
    [null, 'whole number'],
    [true, 'whole number'],
    ['9007199254740992', 'too large'],
    [2 ** 60, 'too large'],
  ])('refuses %p', (value, message) => {
    expect(() => parseQuantity(value, 'q')).toThrow(message);
  });
  it('adds without leaving the safe-integer range', () => {
    expect(parseWholeNumber('0', 'z')).toBe(0);
    expect(sumQuantities([1, 2, 3])).toBe(6);
    expect(() => addQuantities(Number.MAX_SAFE_INTEGER, 1)).toThrow('quantity overflow');
    expect(() => toSafeNumber(2n ** 60n, 'x')).toThrow('out of range');
    expect(toSafeNumber(42n, 'x')).toBe(42);
  });
});

describe('decimals', () => {
  it('parses, multiplies and rounds exactly', () => {
    expect(parseDecimal('48.0', 'x')).toEqual({ units: 480n, scale: 1 });
    expect(formatDecimal(parseDecimal('0.5703', 'x'))).toBe('0.5703');
    expect(formatDecimal(parseDecimal('007', 'x'))).toBe('7');
    expect(formatDecimal(parseDecimal(12, 'x'))).toBe('12');
    expect(formatDecimal({ units: 5n, scale: 3 })).toBe('0.005');
    expect(multiplyDecimals([parseDecimal('1.5', 'x'), parseDecimal('0.2', 'y')])).toEqual({
      units: 30n,
      scale: 2,
    });
    expect(divideCeil(1001n, 1000n)).toBe(2n);
    expect(divideHalfUp(15n, 10n)).toBe(2n);
    expect(divideHalfUp(14n, 10n)).toBe(1n);
  });
  it.each([['-1'], ['1.'], ['.5'], ['1e3'], ['0.1234567891'], [1.5], [null]])('refuses %p', (value) => {
    expect(() => parseDecimal(value, 'f')).toThrow(ChaincodeError);
  });
  it('refuses zero where a positive factor is needed', () => {
    expect(() => parsePositiveDecimal('0.000', 'f')).toThrow('greater than zero');
  });
});

describe('input reader', () => {
  it('names the field in every message', () => {
    const keys = ['id', 'n', 'list', 'kind', 'lots', 't', 'missing', 'nothing'] as const;
    const input = new InputReader(
      { id: 'bad id', n: 'x', list: [], kind: 'z', lots: ['a', 'a'], t: '' },
      'req',
      keys,
    );
    expect(() => input.id('id')).toThrow('req.id must be an id');
    expect(() => input.quantity('n')).toThrow('req.n must be a whole number');
    expect(() => input.text('missing')).toThrow('req.missing is required');
    expect(() => input.text('t')).toThrow('req.t must be a non-empty string');
    expect(() => input.oneOf('kind', ['a', 'b'])).toThrow('req.kind must be one of a, b');
    expect(() => input.array('list', [], (i) => i)).toThrow('req.list must be a non-empty array');
    expect(() => input.ids('lots')).toThrow('contains the same id twice');
    expect(() => input.idParts('list')).toThrow('non-empty array');
    expect(() => input.positiveDecimals('list')).toThrow('non-empty array');
    expect(() => input.nested('n', [])).toThrow('req.n must be a JSON object');
    expect(() => new InputReader([], 'arr', [])).toThrow('arr must be a JSON object');
    expect(() => InputReader.fromJson('"str"', 'req', [])).toThrow('req must be a JSON object');
    expect(() => InputReader.fromJson('7.5', 'req', [])).toThrow('req must be a JSON object');
    expect(() => parseId('x'.repeat(129), 'id')).toThrow('1-128');
    expect(input.optionalId('nothing')).toBeUndefined();
    expect(input.optionalQuantity('nothing')).toBeUndefined();
    expect(new InputReader({ q: '5' }, 'r', ['q']).optionalQuantity('q')).toBe(5);
    expect(new InputReader({ d: '2025-03-31T23:59:59Z' }, 'r', ['d']).isoTime('d')).toBe(
      '2025-03-31T23:59:59.000Z',
    );
    expect(new InputReader({ d: '1.50' }, 'r', ['d']).decimal('d')).toBe('1.50');
    expect(() => new InputReader({ m: { 'bad key': {} } }, 'r', ['m']).map('m', [], () => 1)).toThrow(
      'r.m key',
    );
  });

  it('refuses unknown keys in one line naming them and the accepted ones', () => {
    expect(() =>
      InputReader.fromJson('{"fromAccount":"A","toAccount":"B","quantitty":5}', 'transfer', [
        'fromAccount',
        'toAccount',
        'quantity',
        'lotIds',
      ]),
    ).toThrow(
      new ChaincodeError(
        'INVALID_ARGUMENT',
        'transfer: unknown key "quantitty"; accepted: fromAccount, lotIds, quantity, toAccount',
      ),
    );
    expect(() => new InputReader({ b: 1, a: 2, c: 3 }, 'r', ['c'])).toThrow(
      'r: unknown keys "a", "b"; accepted: c',
    );
    expect(() => new InputReader({ 'x\ny': 1 }, 'r', [])).toThrow('r: unknown key "x\\ny"; accepted: (none)');
    const many = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => [k, 1]));
    expect(() => new InputReader(many, 'r', ['z'])).toThrow(
      'r: unknown keys "a", "b", "c", "d", "e" (7 in all); accepted: z',
    );
    // An item of an array, a nested object and a map value are checked the same way.
    const outer = InputReader.fromJson(
      '{"items":[{"ok":1},{"ok":1,"okk":2}],"inner":{"x":1},"byId":{"A1":{"v":1,"w":2}}}',
      'req',
      ['items', 'inner', 'byId'],
    );
    expect(() => outer.array('items', ['ok'], (item) => item.quantity('ok'))).toThrow(
      'req.items[1]: unknown key "okk"; accepted: ok',
    );
    expect(() => outer.nested('inner', ['y'])).toThrow('req.inner: unknown key "x"; accepted: y');
    expect(() => outer.map('byId', ['v'], (item) => item.quantity('v'))).toThrow(
      'req.byId.A1: unknown key "w"; accepted: v',
    );
  });

  it('treats reading a key outside its list as a programming error, not a user mistake', () => {
    const input = new InputReader({}, 'req', ['a']) as unknown as InputReader;
    expect(() => input.has('b')).toThrow('req: reading key "b", which is not among its accepted keys');
    expect(() => input.has('b')).not.toThrow(ChaincodeError);
  });

  it('refuses a key that does not apply, naming it', () => {
    const input = new InputReader({ a: 1 }, 'req', ['a', 'b']);
    expect(() => {
      input.forbid('a', 'this kind');
    }).toThrow('INVALID_ARGUMENT: req.a does not apply to this kind');
    expect(() => {
      input.forbid('b', 'this kind');
    }).not.toThrow();
  });
});
