import { invalidArgument } from '../errors';
import { parseJsonArgument } from './canonical-json';
import { NumberLiteral, quoteKey } from './exact-json';
import { parseDecimal, formatDecimal, parsePositiveDecimal } from './decimal';
import { parseAmount, type Fen } from './money';
import { parseQuantity, parseWholeNumber } from './quantity';

/** Identifiers: letters, digits, `.`, `_`, `-`; they become parts of composite keys. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

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

/** How many unknown keys one refusal names before it says how many there are. */
const UNKNOWN_KEYS_NAMED = 5;

function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof NumberLiteral)
  );
}

/**
 * Reads a client's JSON request field by field with messages that name the field, so a malformed request
 * fails with one clear line (`INVALID_ARGUMENT: transfer.quantity must be greater than zero`).
 *
 * Every reader is made with the keys its object may have (`K`). A key outside that list is refused at once —
 * `transfer: unknown key "quantitty"; accepted: fromAccount, lotIds, quantity, toAccount` — because a misspelt
 * optional field would otherwise silently fall back to its default. Reading a key outside the list is a
 * programming error (a plain Error), which keeps the lists honest; they are the requests' schemas.
 * `K` is contravariant: a reader of more keys may be passed where a reader of fewer keys is expected.
 */
export class InputReader<in K extends string = string> {
  private readonly object: Readonly<Record<string, unknown>>;
  private readonly accepted: readonly string[];

  constructor(
    value: unknown,
    private readonly path: string,
    accepted: readonly K[],
  ) {
    if (!isJsonObject(value)) {
      throw invalidArgument(`${path} must be a JSON object`);
    }
    this.object = value;
    this.accepted = accepted;
    const unknown = Object.keys(value)
      .filter((key) => !accepted.includes(key as K))
      .sort();
    if (unknown.length > 0) {
      const named = unknown.slice(0, UNKNOWN_KEYS_NAMED).map(quoteKey).join(', ');
      const more = unknown.length > UNKNOWN_KEYS_NAMED ? ` (${unknown.length} in all)` : '';
      const list = accepted.length === 0 ? '(none)' : [...accepted].sort().join(', ');
      throw invalidArgument(
        `${path}: unknown key${unknown.length === 1 ? '' : 's'} ${named}${more}; accepted: ${list}`,
      );
    }
  }

  /** Parses the JSON text of a transaction argument into a reader of the `accepted` keys. */
  static fromJson<K extends string>(text: string, path: string, accepted: readonly K[]): InputReader<K> {
    return new InputReader(parseJsonArgument(text, path), path, accepted);
  }

  private field(name: string): string {
    return `${this.path}.${name}`;
  }

  /** The field's value, `undefined` when absent (null counts as absent). */
  private value(name: K): unknown {
    if (!this.accepted.includes(name)) {
      throw new Error(`${this.path}: reading key "${name}", which is not among its accepted keys`);
    }
    return Object.prototype.hasOwnProperty.call(this.object, name)
      ? (this.object[name] ?? undefined)
      : undefined;
  }

  private required(name: K): unknown {
    const value = this.value(name);
    if (value === undefined) {
      throw invalidArgument(`${this.field(name)} is required`);
    }
    return value;
  }

  /**
   * The field's JSON value (required), for parsers that live with their domain. Numbers that are not safe
   * integers arrive as {@link NumberLiteral}.
   */
  raw(name: K): unknown {
    return this.required(name);
  }

  has(name: K): boolean {
    return this.value(name) !== undefined;
  }

  /** True when the key is present, even as `null` (for fields where null says something, e.g. "no limit"). */
  hasKey(name: K): boolean {
    this.value(name);
    return Object.prototype.hasOwnProperty.call(this.object, name);
  }

  /**
   * Refuses a key that is accepted in general but does not apply here (`what`: "a national account"), so it
   * is never silently ignored.
   */
  forbid(name: K, what: string): void {
    if (this.has(name)) {
      throw invalidArgument(`${this.field(name)} does not apply to ${what}`);
    }
  }

  id(name: K): string {
    return parseId(this.required(name), this.field(name));
  }

  optionalId(name: K): string | undefined {
    return this.has(name) ? this.id(name) : undefined;
  }

  text(name: K, maxLength = 256): string {
    const value = this.required(name);
    if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
      throw invalidArgument(
        `${this.field(name)} must be a non-empty string of at most ${maxLength} characters`,
      );
    }
    return value;
  }

  optionalText(name: K, maxLength = 256): string | undefined {
    return this.has(name) ? this.text(name, maxLength) : undefined;
  }

  oneOf<T extends string>(name: K, allowed: readonly T[]): T {
    const value = this.required(name);
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw invalidArgument(`${this.field(name)} must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  quantity(name: K): number {
    return parseQuantity(this.required(name), this.field(name));
  }

  optionalQuantity(name: K): number | undefined {
    return this.has(name) ? this.quantity(name) : undefined;
  }

  /** A positive amount of money in fen (decimal string or safe integer), as a bigint. */
  amount(name: K): Fen {
    return parseAmount(this.required(name), this.field(name));
  }

  wholeNumber(name: K): number {
    return parseWholeNumber(this.required(name), this.field(name));
  }

  /** A calendar year used as a compliance period / vintage. */
  year(name: K): number {
    return parseYear(this.required(name), this.field(name));
  }

  /** Basis points, 0..10000 (10000 = 100 %). */
  basisPoints(name: K): number {
    const value = parseWholeNumber(this.required(name), this.field(name));
    if (value > 10_000) {
      throw invalidArgument(`${this.field(name)} must be between 0 and 10000 basis points`);
    }
    return value;
  }

  /** A decimal factor, returned in canonical text form for storage. */
  decimal(name: K): string {
    return formatDecimal(parseDecimal(this.required(name), this.field(name)));
  }

  positiveDecimal(name: K): string {
    return formatDecimal(parsePositiveDecimal(this.required(name), this.field(name)));
  }

  /** A non-empty array of positive decimals, in canonical text form. */
  positiveDecimals(name: K, maxItems = 20): string[] {
    const value = this.required(name);
    if (!Array.isArray(value) || value.length === 0 || value.length > maxItems) {
      throw invalidArgument(`${this.field(name)} must be a non-empty array of at most ${maxItems} decimals`);
    }
    return value.map((item: unknown, index) =>
      formatDecimal(parsePositiveDecimal(item, `${this.field(name)}[${index}]`)),
    );
  }

  /** An ISO-8601 UTC timestamp or date (`2025-03-31` or `2025-03-31T23:59:59Z`), normalised to full ISO. */
  isoTime(name: K): string {
    const value = this.required(name);
    if (
      typeof value !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/.test(value)
    ) {
      throw invalidArgument(`${this.field(name)} must be an ISO-8601 UTC date such as 2025-03-31T23:59:59Z`);
    }
    const millis = Date.parse(value);
    if (Number.isNaN(millis)) {
      throw invalidArgument(`${this.field(name)} is not a valid date`);
    }
    return new Date(millis).toISOString();
  }

  /** A lowercase hex SHA-256 digest. */
  sha256(name: K): string {
    const value = this.required(name);
    if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
      throw invalidArgument(`${this.field(name)} must be a SHA-256 digest as 64 lowercase hex characters`);
    }
    return value;
  }

  /** A non-empty array of objects with the `accepted` keys, each read with `readItem`. */
  array<T, N extends string>(
    name: K,
    accepted: readonly N[],
    readItem: (item: InputReader<N>) => T,
    maxItems = 1000,
  ): T[] {
    const value = this.required(name);
    if (!Array.isArray(value) || value.length === 0 || value.length > maxItems) {
      throw invalidArgument(`${this.field(name)} must be a non-empty array of at most ${maxItems} items`);
    }
    return value.map((item: unknown, index) =>
      readItem(new InputReader(item, `${this.field(name)}[${index}]`, accepted)),
    );
  }

  optionalArray<T, N extends string>(
    name: K,
    accepted: readonly N[],
    readItem: (item: InputReader<N>) => T,
    maxItems = 1000,
  ): T[] {
    return this.has(name) ? this.array(name, accepted, readItem, maxItems) : [];
  }

  /** Array of ids; numbers (years) are accepted and turned into their decimal text. */
  idParts(name: K, maxItems = 1000): string[] {
    const value = this.required(name);
    if (!Array.isArray(value) || value.length === 0 || value.length > maxItems) {
      throw invalidArgument(`${this.field(name)} must be a non-empty array of at most ${maxItems} ids`);
    }
    return value.map((item: unknown, index) =>
      parseId(
        typeof item === 'number' && Number.isSafeInteger(item) ? String(item) : item,
        `${this.field(name)}[${index}]`,
      ),
    );
  }

  /** Array of distinct ids (e.g. lots to spend: naming one twice would spend it twice). */
  ids(name: K, maxItems = 1000): string[] {
    const ids = this.idParts(name, maxItems);
    if (new Set(ids).size !== ids.length) {
      throw invalidArgument(`${this.field(name)} contains the same id twice`);
    }
    return ids;
  }

  /** A nested object with the `accepted` keys. */
  nested<N extends string>(name: K, accepted: readonly N[]): InputReader<N> {
    return new InputReader(this.required(name), this.field(name), accepted);
  }

  /**
   * An object keyed by ids (e.g. fuels by name); each value is an object with the `accepted` keys, read with
   * `readItem`. The map's own keys are data, not field names, so they are checked as ids instead.
   */
  map<T, N extends string>(
    name: K,
    accepted: readonly N[],
    readItem: (item: InputReader<N>, key: string) => T,
  ): Record<string, T> {
    const value = this.required(name);
    if (!isJsonObject(value)) {
      throw invalidArgument(`${this.field(name)} must be a JSON object`);
    }
    const result: Record<string, T> = {};
    for (const key of Object.keys(value).sort()) {
      parseId(key, `${this.field(name)} key`);
      result[key] = readItem(new InputReader(value[key], `${this.field(name)}.${key}`, accepted), key);
    }
    return result;
  }
}
