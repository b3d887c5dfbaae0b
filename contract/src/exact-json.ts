import { invalidArgument, type ChaincodeError } from './refusal';

/**
 * A JSON number literal that is not an exact safe integer (`7.0000000000000001`, `1e3`, `7.0`, `2.5`,
 * `9007199254740993`), kept as the text the client wrote. `JSON.parse` would have rounded it to a double —
 * `7.0000000000000001` becomes the integer 7 — so readers see the text instead: whole-number fields refuse it
 * naming the field, decimal fields take its digits exactly.
 */
export class NumberLiteral {
  constructor(readonly text: string) {}
}

/** A parsed request value; objects have no prototype, so a `__proto__` key is just a key. */
export type ExactJson = null | boolean | number | string | NumberLiteral | ExactJson[] | JsonObject;
export interface JsonObject {
  [key: string]: ExactJson;
}

/** Why a request text was refused; the caller turns it into one INVALID_ARGUMENT line naming the request. */
export class JsonTextError extends Error {
  constructor(
    readonly reason: 'syntax' | 'duplicate-key' | 'too-deep',
    detail: string,
  ) {
    super(detail);
    this.name = 'JsonTextError';
  }
}

/** Deeper nesting than any request has; refusing it keeps the recursion far from the stack limit. */
export const MAX_JSON_DEPTH = 64;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * Parses JSON (RFC 8259) exactly: integer literals become numbers only when they are safe integers, every
 * other number stays a {@link NumberLiteral}; a key given twice is refused rather than silently last-wins.
 */
export function parseExactJson(text: string): ExactJson {
  return new ExactJsonParser(text).document();
}

class ExactJsonParser {
  private position = 0;

  constructor(private readonly text: string) {}

  document(): ExactJson {
    const value = this.value(1);
    this.skipWhitespace();
    if (this.position < this.text.length) {
      this.fail('unexpected text after the value');
    }
    return value;
  }

  private value(depth: number): ExactJson {
    this.skipWhitespace();
    const char = this.text[this.position];
    switch (char) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.word('true', true);
      case 'f':
        return this.word('false', false);
      case 'n':
        return this.word('null', null);
      default:
        return this.number();
    }
  }

  private object(depth: number): JsonObject {
    this.enter(depth);
    const result = Object.create(null) as JsonObject;
    this.position += 1;
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position += 1;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') {
        this.fail('expected a key in double quotes');
      }
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(result, key)) {
        // JSON.parse keeps the last copy; an exact request says each thing once.
        throw new JsonTextError('duplicate-key', `key ${quoteKey(key)} appears twice`);
      }
      this.expect(':');
      result[key] = this.value(depth + 1);
      if (this.endOfList('}')) {
        return result;
      }
    }
  }

  private array(depth: number): ExactJson[] {
    this.enter(depth);
    const result: ExactJson[] = [];
    this.position += 1;
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position += 1;
      return result;
    }
    for (;;) {
      result.push(this.value(depth + 1));
      if (this.endOfList(']')) {
        return result;
      }
    }
  }

  /** After an item: `,` continues the list, `close` ends it. */
  private endOfList(close: '}' | ']'): boolean {
    this.skipWhitespace();
    const char = this.text[this.position];
    if (char === ',') {
      this.position += 1;
      return false;
    }
    if (char === close) {
      this.position += 1;
      return true;
    }
    return this.fail(`expected ',' or '${close}'`);
  }

  private string(): string {
    const start = this.position;
    let end = start + 1;
    for (;;) {
      const char = this.text[end];
      if (char === undefined) {
        this.fail('unterminated string');
      }
      if (char === '"') {
        break;
      }
      end += char === '\\' ? 2 : 1;
    }
    this.position = end + 1;
    try {
      // The token's bounds are ours; decoding escapes of a string literal is exact, so JSON.parse may do it
      // (it also refuses raw control characters and malformed escapes).
      return JSON.parse(this.text.slice(start, end + 1)) as string;
    } catch {
      this.position = start;
      return this.fail('invalid string');
    }
  }

  private number(): number | NumberLiteral {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (match === null) {
      return this.fail(this.position < this.text.length ? 'unexpected character' : 'unexpected end of text');
    }
    const literal = match[0];
    this.position += literal.length;
    if (INTEGER.test(literal)) {
      const value = Number(literal);
      if (Number.isSafeInteger(value)) {
        return value === 0 ? 0 : value; // -0 is 0
      }
    }
    return new NumberLiteral(literal);
  }

  private word<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.position)) {
      this.fail('unexpected character');
    }
    this.position += word.length;
    return value;
  }

  private expect(char: string): void {
    this.skipWhitespace();
    if (this.text[this.position] !== char) {
      this.fail(`expected '${char}'`);
    }
    this.position += 1;
  }

  private enter(depth: number): void {
    if (depth > MAX_JSON_DEPTH) {
      throw new JsonTextError('too-deep', `nested more than ${MAX_JSON_DEPTH} levels deep`);
    }
  }

  private skipWhitespace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.position);
      // JSON whitespace: space, tab, line feed, carriage return (NaN past the end stops the loop).
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
        return;
      }
      this.position += 1;
    }
  }

  private fail(message: string): never {
    throw new JsonTextError('syntax', `${message} at position ${this.position}`);
  }
}

/** A client's key in a one-line message: JSON-quoted (no raw newlines) and cut short. */
export function quoteKey(key: string): string {
  const quoted = JSON.stringify(key);
  return quoted.length > 66 ? `${quoted.slice(0, 62)}…"` : quoted;
}

/**
 * True when a JSON number literal's magnitude is beyond 2^53 − 1: such values must travel as decimal strings,
 * since most JSON stacks (the client's included) hold numbers as doubles and round them.
 */
export function beyondSafeRange(literal: NumberLiteral): boolean {
  const match = /^-?([0-9]+)/.exec(literal.text);
  const whole = (match?.[1] ?? '').replace(/^0+/, '');
  const max = String(Number.MAX_SAFE_INTEGER);
  return whole.length > max.length || (whole.length === max.length && whole > max);
}

/** The refusal of a number literal beyond 2^53 where the field itself may be that large. */
export function sendAsDecimalString(field: string, literal: NumberLiteral): ChaincodeError {
  return invalidArgument(
    `${field} is a JSON number beyond 2^53 (${literal.text}); send it as a decimal string, e.g. "${literal.text.replace(/^-/, '')}"`,
  );
}

/**
 * Parses a client's JSON text exactly (see {@link parseExactJson}); malformed JSON, a repeated key or too deep a
 * nesting is one INVALID_ARGUMENT line naming `what`, not a crash.
 */
export function parseJsonText(text: string, what: string): ExactJson {
  try {
    return parseExactJson(text);
  } catch (err) {
    if (!(err instanceof JsonTextError)) throw err;
    throw invalidArgument(
      err.reason === 'syntax' ? `${what} is not valid JSON: ${err.message}` : `${what}: ${err.message}`,
    );
  }
}

/**
 * Writes a value read by {@link parseExactJson} back as JSON text, each number exactly as it was written: a
 * server that checked a request passes the chaincode the very numbers the client sent, never a rounded double.
 */
export function exactJsonText(value: ExactJson): string {
  if (value instanceof NumberLiteral) return value.text;
  if (Array.isArray(value)) return `[${value.map(exactJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${exactJsonText(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
