import { z } from 'zod';
import {
  distinctIds,
  Id,
  idRecord,
  IsoTime,
  list,
  OneOf,
  optional,
  PositiveDecimalString,
  Quantity,
  strictObject,
  Text,
} from './fields';
import { ChaincodeError } from './refusal';
import { parseRequest, write } from './transaction';

/** A write whose request is `schema`, labelled `req`, for checking refusals of field schemas. */
const requestOf = <T extends z.ZodType>(schema: T) =>
  write({
    contract: 'Test',
    name: 'Try',
    roles: ['regulator'],
    label: 'req',
    summary: '',
    request: schema,
    answer: z.unknown(),
  });

function refusal(schema: z.ZodType, json: unknown): string {
  try {
    parseRequest(requestOf(schema), JSON.stringify(json));
  } catch (err) {
    expect(err).toBeInstanceOf(ChaincodeError);
    return (err as ChaincodeError).message.replace(/^INVALID_ARGUMENT: /, '');
  }
  throw new Error('expected a refusal');
}

describe('field schemas', () => {
  const shape = strictObject({
    id: Id,
    n: optional(Quantity),
    t: optional(Text()),
    kind: optional(OneOf(['a', 'b'])),
    lots: optional(distinctIds()),
    when: optional(IsoTime),
    factors: optional(list(PositiveDecimalString, 20, 'decimals')),
  });

  test('name the field in every message', () => {
    expect(refusal(shape, { id: 'bad id' })).toBe(
      "req.id must be an id of 1-128 letters, digits, '.', '_' or '-'",
    );
    expect(refusal(shape, { id: 'x'.repeat(129) })).toMatch(/^req\.id must be an id of 1-128/);
    expect(refusal(shape, {})).toBe('req.id is required');
    expect(refusal(shape, { id: 'A', n: 'x' })).toMatch(/^req\.n must be a whole number/);
    expect(refusal(shape, { id: 'A', t: '' })).toBe(
      'req.t must be a non-empty string of at most 256 characters',
    );
    expect(refusal(shape, { id: 'A', kind: 'z' })).toBe('req.kind must be one of a, b');
    expect(refusal(shape, { id: 'A', lots: ['a', 'a'] })).toBe('req.lots contains the same id twice');
    expect(refusal(shape, { id: 'A', lots: [] })).toBe(
      'req.lots must be a non-empty array of at most 1000 ids',
    );
    expect(refusal(shape, { id: 'A', factors: ['1', '0'] })).toBe('req.factors[1] must be greater than zero');
    expect(refusal(shape, { id: 'A', when: 'June' })).toMatch(/^req\.when must be an ISO-8601 UTC date/);
    for (const day of ['2025-02-30', '2025-04-31', '2025-03-31T24:00Z', '2025-03-31T23:60Z']) {
      expect(refusal(shape, { id: 'A', when: day })).toBe('req.when is not a valid date');
    }
    expect(refusal(shape, [])).toBe('req must be a JSON object');
  });

  test('parse to exact values, null counting as left out', () => {
    expect(
      parseRequest(
        requestOf(shape),
        '{"id":"A","n":"5","when":"2025-03-31T23:59:59Z","t":null,"factors":["1.50"]}',
      ),
    ).toEqual({ id: 'A', n: 5, when: '2025-03-31T23:59:59.000Z', factors: ['1.50'] });
  });

  test('refuse unknown keys in one line naming them and the accepted ones', () => {
    const small = strictObject({ c: Id });
    expect(refusal(small, { b: 1, a: 2, c: 'x' })).toBe('req: unknown keys "a", "b"; accepted: c');
    expect(refusal(strictObject({}), { 'x\ny': 1 })).toBe('req: unknown key "x\\ny"; accepted: (none)');
    const many = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => [k, 1]));
    expect(refusal(strictObject({ z: optional(Id) }), many)).toBe(
      'req: unknown keys "a", "b", "c", "d", "e" (7 in all); accepted: z',
    );
  });

  test('check an item of an array, a nested object and a map value the same way', () => {
    const outer = strictObject({
      items: optional(list(strictObject({ ok: Quantity }))),
      inner: optional(strictObject({ y: optional(Id) })),
      byId: optional(idRecord(strictObject({ v: Quantity }))),
    });
    expect(refusal(outer, { items: [{ ok: 1 }, { ok: 1, okk: 2 }] })).toBe(
      'req.items[1]: unknown key "okk"; accepted: ok',
    );
    expect(refusal(outer, { inner: { x: 1 } })).toBe('req.inner: unknown key "x"; accepted: y');
    expect(refusal(outer, { byId: { A1: { v: 1, w: 2 } } })).toBe(
      'req.byId.A1: unknown key "w"; accepted: v',
    );
    expect(refusal(outer, { byId: { 'bad key': { v: 1 } } })).toMatch(/^req\.byId key must be an id/);
  });
});
