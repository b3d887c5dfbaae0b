import { NumberLiteral } from '@carbon-ets/contract';

/**
 * Deterministic JSON: object keys sorted at every level, no whitespace. Every peer must produce the same bytes
 * for the same state, otherwise endorsements from different orgs would not match.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value instanceof NumberLiteral) {
    // A client's number that no reader has checked must never be stored as it came.
    throw new Error(`refusing to serialise unchecked number literal ${value.text}`);
  }
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      const item = source[key];
      if (item !== undefined) {
        sorted[key] = sortKeys(item);
      }
    }
    return sorted;
  }
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    // Floats (and unsafe integers) never reach the ledger: they would round differently across peers.
    throw new Error(`refusing to serialise non-integer number ${String(value)}`);
  }
  return value;
}

/** UTF-8 bytes of the canonical JSON, as the stub stores them. */
export function toBytes(value: unknown): Uint8Array {
  return Buffer.from(canonicalJson(value), 'utf8');
}

/** Parses ledger bytes written by {@link toBytes}. */
export function fromBytes(bytes: Uint8Array): unknown {
  return JSON.parse(Buffer.from(bytes).toString('utf8'));
}
