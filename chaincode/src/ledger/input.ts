import { invalidArgument } from '../errors';
import { parseJsonArgument } from './canonical-json';
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

/**
 * Reads a client's JSON request field by field with messages that name the field, so a malformed request
 * fails with one clear line (`INVALID_ARGUMENT: transfer.quantity must be greater than zero`).
 */
export class InputReader {
  private readonly object: Record<string, unknown>;

  constructor(
    value: unknown,
    private readonly path: string,
  ) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw invalidArgument(`${path} must be a JSON object`);
    }
    this.object = value as Record<string, unknown>;
  }

  /** Parses the JSON text of a transaction argument. */
  static fromJson(text: string, path: string): InputReader {
    return new InputReader(parseJsonArgument(text, path), path);
  }

  private field(name: string): string {
    return `${this.path}.${name}`;
  }

  private required(name: string): unknown {
    const value = this.object[name];
    if (value === undefined || value === null) {
      throw invalidArgument(`${this.field(name)} is required`);
    }
    return value;
  }

  /** The field's raw JSON value (required), for parsers that live with their domain. */
  raw(name: string): unknown {
    return this.required(name);
  }

  has(name: string): boolean {
    const value = this.object[name];
    return value !== undefined && value !== null;
  }

  id(name: string): string {
    return parseId(this.required(name), this.field(name));
  }

  optionalId(name: string): string | undefined {
    return this.has(name) ? this.id(name) : undefined;
  }

  text(name: string, maxLength = 256): string {
    const value = this.required(name);
    if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
      throw invalidArgument(
        `${this.field(name)} must be a non-empty string of at most ${maxLength} characters`,
      );
    }
    return value;
  }

  optionalText(name: string, maxLength = 256): string | undefined {
    return this.has(name) ? this.text(name, maxLength) : undefined;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.required(name);
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      throw invalidArgument(`${this.field(name)} must be one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  quantity(name: string): number {
    return parseQuantity(this.required(name), this.field(name));
  }

  optionalQuantity(name: string): number | undefined {
    return this.has(name) ? this.quantity(name) : undefined;
  }

  /** A positive amount of money in fen (decimal string or safe integer), as a bigint. */
  amount(name: string): Fen {
    return parseAmount(this.required(name), this.field(name));
  }

  wholeNumber(name: string): number {
    return parseWholeNumber(this.required(name), this.field(name));
  }

  /** A calendar year used as a compliance period / vintage. */
  year(name: string): number {
    return parseYear(this.required(name), this.field(name));
  }

  /** Basis points, 0..10000 (10000 = 100 %). */
  basisPoints(name: string): number {
    const value = parseWholeNumber(this.required(name), this.field(name));
    if (value > 10_000) {
      throw invalidArgument(`${this.field(name)} must be between 0 and 10000 basis points`);
    }
    return value;
  }

  /** A decimal factor, returned in canonical text form for storage. */
  decimal(name: string): string {
    return formatDecimal(parseDecimal(this.required(name), this.field(name)));
  }

  positiveDecimal(name: string): string {
    return formatDecimal(parsePositiveDecimal(this.required(name), this.field(name)));
  }

  /** A non-empty array of positive decimals, in canonical text form. */
  positiveDecimals(name: string, maxItems = 20): string[] {
    const value = this.required(name);
    if (!Array.isArray(value) || value.length === 0 || value.length > maxItems) {
      throw invalidArgument(`${this.field(name)} must be a non-empty array of at most ${maxItems} decimals`);
    }
    return value.map((item: unknown, index) =>
      formatDecimal(parsePositiveDecimal(item, `${this.field(name)}[${index}]`)),
    );
  }

  /** An ISO-8601 UTC timestamp or date (`2025-03-31` or `2025-03-31T23:59:59Z`), normalised to full ISO. */
  isoTime(name: string): string {
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
  sha256(name: string): string {
    const value = this.required(name);
    if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
      throw invalidArgument(`${this.field(name)} must be a SHA-256 digest as 64 lowercase hex characters`);
    }
    return value;
  }

  /** A non-empty array whose items are read with `readItem`. */
  array<T>(name: string, readItem: (item: InputReader) => T, maxItems = 1000): T[] {
    const value = this.required(name);
    if (!Array.isArray(value) || value.length === 0 || value.length > maxItems) {
      throw invalidArgument(`${this.field(name)} must be a non-empty array of at most ${maxItems} items`);
    }
    return value.map((item: unknown, index) =>
      readItem(new InputReader(item, `${this.field(name)}[${index}]`)),
    );
  }

  optionalArray<T>(name: string, readItem: (item: InputReader) => T, maxItems = 1000): T[] {
    return this.has(name) ? this.array(name, readItem, maxItems) : [];
  }

  /** Array of ids; numbers (years) are accepted and turned into their decimal text. */
  idParts(name: string, maxItems = 1000): string[] {
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
  ids(name: string, maxItems = 1000): string[] {
    const ids = this.idParts(name, maxItems);
    if (new Set(ids).size !== ids.length) {
      throw invalidArgument(`${this.field(name)} contains the same id twice`);
    }
    return ids;
  }

  /** A nested object. */
  nested(name: string): InputReader {
    return new InputReader(this.required(name), this.field(name));
  }

  /** Keys of a nested object map (e.g. fuels by name), each read with `readItem`. */
  map<T>(name: string, readItem: (item: InputReader, key: string) => T): Record<string, T> {
    const nested = this.nested(name);
    const result: Record<string, T> = {};
    for (const key of nested.keys()) {
      parseId(key, `${this.field(name)} key`);
      result[key] = readItem(nested.nested(key), key);
    }
    return result;
  }

  keys(): string[] {
    return Object.keys(this.object).sort();
  }
}
