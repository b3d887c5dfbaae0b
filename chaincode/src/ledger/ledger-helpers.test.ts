import {
  addQuantities,
  ChaincodeError,
  divideCeil,
  divideHalfUp,
  formatDecimal,
  multiplyDecimals,
  parseDecimal,
  parsePositiveDecimal,
  parseQuantity,
  parseWholeNumber,
  sumQuantities,
  toSafeNumber,
  parseJsonText,
} from '@carbon-ets/contract';
import { canonicalJson, fromBytes, toBytes } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every level, drops undefined and refuses floats', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
    expect(fromBytes(toBytes({ b: 'x', a: null }))).toEqual({ a: null, b: 'x' });
    expect(() => canonicalJson({ price: 0.1 })).toThrow('non-integer');
    expect(() => parseJsonText('{nope', 'request')).toThrow('INVALID_ARGUMENT: request is not valid JSON');
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
