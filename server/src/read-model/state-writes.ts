import type { ObjectTypeName } from '@carbon-ets/contract';
import type { StateWrite } from './ledger-block';

/** A write to a composite key `\0type\0attr…\0`, split into its object type and attributes. */
export interface ObjectWrite {
  readonly type: string;
  readonly attributes: readonly string[];
  readonly key: string;
  readonly txId: string;
  /** The value as text; `null` for a delete. */
  readonly value: string | null;
}

const SEPARATOR = '\u0000';

/**
 * Splits a composite key as Fabric's shim builds it. Plain keys (the market's `orderBook|…` index entries) are
 * no object of the contract: `undefined`.
 */
export function objectWrite(write: StateWrite): ObjectWrite | undefined {
  if (!write.key.startsWith(SEPARATOR) || !write.key.endsWith(SEPARATOR)) return undefined;
  const [type = '', ...attributes] = write.key.slice(1, -1).split(SEPARATOR);
  return { type, attributes, key: write.key, txId: write.txId, value: write.value };
}

/** A readable form of a key for messages: `lot ~ HOLD1 ~ <id>`. */
export function readableKey(key: string): string {
  return key
    .split(SEPARATOR)
    .filter((part) => part !== '')
    .join(' ~ ');
}

/** What a state schema of the wire contract offers (zod's `safeParse`), so any of them can read a write. */
interface StateSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { readonly success: true; readonly data: T }
    | { readonly success: false; readonly error: { readonly issues: readonly StateIssue[] } };
}

interface StateIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Thrown when a block's write does not match the wire contract's schema of its object type: the chaincode and
 * this server disagree on the contract, and a projection built from a guess would quietly differ from the
 * ledger. The block is then not applied (its transaction rolls back) and the feed reports the error.
 */
export class StateMismatchError extends Error {
  constructor(
    readonly key: string,
    detail: string,
  ) {
    super(`the ${readableKey(key)} written on the ledger does not match the wire contract: ${detail}`);
    this.name = 'StateMismatchError';
  }
}

/** Parses a written value with the contract's schema of its object type. */
export function parseState<T>(schema: StateSchema<T>, write: ObjectWrite): T {
  let json: unknown;
  try {
    json = JSON.parse(write.value ?? 'null');
  } catch {
    throw new StateMismatchError(write.key, 'the value is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue === undefined || issue.path.length === 0 ? 'value' : issue.path.map(String).join('.');
    throw new StateMismatchError(write.key, `${path}: ${issue?.message ?? 'is not valid'}`);
  }
  return parsed.data;
}

/** Projects the writes of one object type into its tables. */
export interface StateProjector {
  readonly types: readonly ObjectTypeName[];
  apply(write: ObjectWrite, block: number): void;
}
