import { z } from 'zod';
import { formatDecimal, parsePositiveDecimal } from './decimal';
import { NumberLiteral, parseJsonText, quoteKey } from './exact-json';
import { parseAmount } from './money';
import { parseQuantity, parseWholeNumber } from './quantity';
import { documentedAs, jsonArguments, type JsonSchemaMeta } from './json-schema';
import { ChaincodeError, invalidArgument } from './refusal';

/**
 * The field schemas every request is built from. Each wraps one exact parser (whole numbers judged on their
 * JSON text, decimals taken as written, money beyond 2^53 as decimal strings), so a request refused by its
 * schema says the same one line as before: `allocation.quantity must be greater than zero`. A parser names
 * its field {@link FIELD}; the request reader puts the field's path there.
 */
export const FIELD = '\u0000field\u0000';

/** Identifiers: letters, digits, `.`, `_`, `-`; they become parts of composite keys. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Checks an identifier from a client. */
export function parseId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw invalidArgument(`${field} must be an id of 1-128 letters, digits, '.', '_' or '-'`);
  }
  return value;
}

/** Checks a calendar year used as a compliance period or vintage (2000..2200). */
export function parseYear(value: unknown, field: string): number {
  const year = parseWholeNumber(value, field);
  if (year < 2000 || year > 2200) {
    throw invalidArgument(`${field} must be a year between 2000 and 2200`);
  }
  return year;
}

/** A non-empty string of at most `maxLength` characters. */
export function parseText(value: unknown, field: string, maxLength = 256): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw invalidArgument(`${field} must be a non-empty string of at most ${maxLength} characters`);
  }
  return value;
}

/** An ISO-8601 UTC timestamp or date (`2025-03-31` or `2025-03-31T23:59:59Z`), normalised to full ISO. */
export function parseIsoTime(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/.test(value)) {
    throw invalidArgument(`${field} must be an ISO-8601 UTC date such as 2025-03-31T23:59:59Z`);
  }
  const millis = Date.parse(value);
  // Date.parse rolls days that do not exist over (2025-02-30 is 2 March, 24:00 the next day): the instant must
  // read back as the date and time that were written.
  const iso = Number.isNaN(millis) ? '' : new Date(millis).toISOString();
  const written = value.replace(/Z$/, '');
  if (iso === '' || !iso.startsWith(written.slice(0, 10)) || !iso.slice(11).startsWith(written.slice(11))) {
    throw invalidArgument(`${field} is not a valid date`);
  }
  return iso;
}

/** A lowercase hex SHA-256 digest. */
export function parseSha256(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
    throw invalidArgument(`${field} must be a SHA-256 digest as 64 lowercase hex characters`);
  }
  return value;
}

/** Basis points, 0..10000 (10000 = 100 %). */
export function parseBasisPoints(value: unknown, field: string): number {
  const points = parseWholeNumber(value, field);
  if (points > 10_000) {
    throw invalidArgument(`${field} must be between 0 and 10000 basis points`);
  }
  return points;
}

/**
 * A field read by `parse`: `In` is what a client sends (its TypeScript type), the output is what the parser
 * returns. An absent or null value is "required"; wrap with {@link optional} where it may be left out.
 */
export function field<In, Out>(
  parse: (value: unknown, field: string) => Out,
  jsonSchema: JsonSchemaMeta = {},
) {
  const schema = z.custom<In>().transform((value, ctx): Out => {
    if (value === undefined || value === null) {
      ctx.addIssue({ code: 'custom', message: `${FIELD} is required` });
      return z.NEVER;
    }
    try {
      return parse(value, FIELD);
    } catch (err) {
      addRefusal(ctx, err);
      return z.NEVER;
    }
  });
  // What the API document says a client sends: the parser itself cannot be described in JSON Schema.
  return Object.keys(jsonSchema).length === 0 ? schema : schema.meta(jsonSchema);
}

/**
 * Reports a parser's refusal as the schema's issue (its text without the `CODE: ` prefix, the reader adds the
 * path); any other error is a bug and propagates.
 */
function addRefusal(ctx: z.RefinementCtx, err: unknown): void {
  if (!(err instanceof ChaincodeError)) throw err;
  ctx.addIssue({ code: 'custom', message: err.message.slice(err.code.length + 2) });
}

/** A field that may be left out; `null` counts as left out. */
export function optional<T extends z.ZodType>(schema: T): z.ZodOptional<T> {
  // Typed as the plain optional schema, so that a client's request type says `field?: <input>` (the
  // preprocess step's own input type is `unknown`).
  return z.preprocess(
    (value) => (value === null ? undefined : value),
    schema.optional(),
  ) as unknown as z.ZodOptional<T>;
}

/** A whole number written as a JSON integer or as a decimal string (beyond 2^53). */
export function wholeNumberSchema(description: string, minimum = 0): JsonSchemaMeta {
  return {
    description,
    anyOf: [
      { type: 'integer', minimum },
      { type: 'string', pattern: '^[0-9]+$' },
    ],
  };
}

export const Id = field<string, string>(parseId, {
  type: 'string',
  pattern: ID_PATTERN.source,
  description: "An identifier: 1-128 letters, digits, '.', '_' or '-'",
});
export const Year = field<number | string, number>(parseYear, {
  type: 'integer',
  minimum: 2000,
  maximum: 2200,
  description: 'A calendar year: a compliance period or a vintage',
});
/** Whole tonnes, greater than zero (JSON safe integer or decimal string). */
export const Quantity = field<number | string, number>(
  parseQuantity,
  wholeNumberSchema('Whole units (tonnes, or minor units of money), greater than zero', 1),
);
export const WholeNumber = field<number | string, number>(
  parseWholeNumber,
  wholeNumberSchema('A whole number ≥ 0'),
);
export const BasisPoints = field<number | string, number>(parseBasisPoints, {
  type: 'integer',
  minimum: 0,
  maximum: 10_000,
  description: 'Basis points (10000 = 100 %)',
});
/** A positive amount in minor units, as a bigint; clients send a decimal string (or a safe integer). */
export const Amount = field<string | number, bigint>(
  parseAmount,
  wholeNumberSchema('Minor units of the currency (fen), greater than zero', 1),
);
export const PositiveDecimalString = field<string | number, string>(
  (v, f) => formatDecimal(parsePositiveDecimal(v, f)),
  {
    description: 'A positive decimal, best sent as a string to keep every digit',
    anyOf: [
      { type: 'number', exclusiveMinimum: 0 },
      { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' },
    ],
  },
);
export const IsoTime = field<string, string>(parseIsoTime, {
  type: 'string',
  description: 'An ISO-8601 UTC date or time: 2025-03-31 or 2025-03-31T23:59:59Z',
});
export const Sha256 = field<string, string>(parseSha256, { type: 'string', pattern: '^[0-9a-f]{64}$' });
export const Text = (maxLength = 256) =>
  field<string, string>((value, name) => parseText(value, name, maxLength), {
    type: 'string',
    minLength: 1,
    maxLength,
  });
export const OneOf = <const T extends readonly [string, ...string[]]>(allowed: T) =>
  field<T[number], T[number]>(
    (value, name) => {
      if (typeof value !== 'string' || !allowed.includes(value)) {
        throw invalidArgument(`${name} must be one of ${allowed.join(', ')}`);
      }
      return value;
    },
    { type: 'string', enum: [...allowed] },
  );

/** A non-empty list of at most `maxItems` items. */
export function list<T extends z.ZodType>(item: T, maxItems = 1000, what = 'items') {
  const schema = z
    .custom<z.input<T>[]>()
    .transform((value, ctx) => {
      if (!Array.isArray(value) || value.length === 0 || value.length > maxItems) {
        ctx.addIssue({
          code: 'custom',
          message: `${FIELD} must be a non-empty array of at most ${maxItems} ${what}`,
        });
        return z.NEVER;
      }
      return value;
    })
    .pipe(z.array(item));
  documentedAs.set(schema, z.array(item).min(1).max(maxItems));
  return schema;
}

/** Distinct ids (e.g. lots to spend: naming one twice would spend it twice). */
export function distinctIds(maxItems = 1000) {
  const schema = list(Id, maxItems, 'ids').refine((ids) => new Set(ids).size === ids.length, {
    message: `${FIELD} contains the same id twice`,
  });
  documentedAs.set(schema, z.array(Id).min(1).max(maxItems));
  return schema;
}

/** How many unknown keys one refusal names before it says how many there are. */
const UNKNOWN_KEYS_NAMED = 5;

/**
 * A request object that refuses any key it does not declare — a misspelt optional field must never fall
 * back to its default: `transfer: unknown key "quantitty"; accepted: fromAccount, lotIds, quantity, toAccount`.
 */
export function strictObject<S extends z.ZodRawShape>(shape: S) {
  const accepted = Object.keys(shape).sort();
  const schema = z
    .custom<unknown>()
    .superRefine((value, ctx) => {
      if (
        value === null ||
        typeof value !== 'object' ||
        Array.isArray(value) ||
        value instanceof NumberLiteral
      ) {
        ctx.addIssue({ code: 'custom', message: `${FIELD} must be a JSON object`, fatal: true });
        return;
      }
      const unknown = Object.keys(value)
        .filter((key) => !accepted.includes(key))
        .sort();
      if (unknown.length > 0) {
        const named = unknown.slice(0, UNKNOWN_KEYS_NAMED).map(quoteKey).join(', ');
        const more = unknown.length > UNKNOWN_KEYS_NAMED ? ` (${unknown.length} in all)` : '';
        ctx.addIssue({
          code: 'custom',
          message: `${FIELD}: unknown key${unknown.length === 1 ? '' : 's'} ${named}${more}; accepted: ${accepted.length === 0 ? '(none)' : accepted.join(', ')}`,
          fatal: true,
        });
      }
    })
    .pipe(z.object(shape));
  documentedAs.set(schema, z.strictObject(shape));
  return schema as unknown as z.ZodType<z.output<z.ZodObject<S>>, z.input<z.ZodObject<S>>>;
}

/**
 * A read's positional argument that carries a JSON object (e.g. `Market:GetTrades`): parsed exactly, then
 * validated with `schema`, refusals naming the argument (`trades.day must be …`). A client passes the object;
 * the façade sends its JSON text.
 */
export function jsonArgument<T extends z.ZodType>(schema: T): z.ZodType<z.output<T>, z.input<T>> {
  const argument = z
    .custom<unknown>()
    .transform((value, ctx): unknown => {
      if (typeof value !== 'string') {
        ctx.addIssue({ code: 'custom', message: `${FIELD} must be a JSON object` });
        return z.NEVER;
      }
      try {
        return parseJsonText(value, FIELD);
      } catch (err) {
        addRefusal(ctx, err);
        return z.NEVER;
      }
    })
    .pipe(schema);
  documentedAs.set(argument, schema);
  jsonArguments.add(argument);
  return argument as unknown as z.ZodType<z.output<T>, z.input<T>>;
}

/**
 * An object keyed by ids (fuels by name, benchmarks by id): the keys are data, not field names, so each is
 * checked as an id (`period.benchmarks key must be an id …`) and each value is read with `item`, key by key
 * in sorted order.
 */
export function idRecord<T extends z.ZodType>(
  item: T,
): z.ZodType<Record<string, z.output<T>>, Readonly<Record<string, z.input<T>>>> {
  const record = z.custom<unknown>().transform((value, ctx) => {
    if (value === undefined || value === null) {
      ctx.addIssue({ code: 'custom', message: `${FIELD} is required` });
      return z.NEVER;
    }
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof NumberLiteral) {
      ctx.addIssue({ code: 'custom', message: `${FIELD} must be a JSON object` });
      return z.NEVER;
    }
    const result: Record<string, z.output<T>> = {};
    for (const key of Object.keys(value).sort()) {
      try {
        parseId(key, `${FIELD} key`);
      } catch (err) {
        addRefusal(ctx, err);
        return z.NEVER;
      }
      const parsed = item.safeParse((value as Readonly<Record<string, unknown>>)[key]);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({ code: 'custom', message: issue.message, path: [key, ...issue.path] });
        }
        return z.NEVER;
      }
      result[key] = parsed.data;
    }
    return result;
  });
  documentedAs.set(record, z.record(z.string().regex(ID_PATTERN), item));
  return record as unknown as z.ZodType<Record<string, z.output<T>>, Readonly<Record<string, z.input<T>>>>;
}
