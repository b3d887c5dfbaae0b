import { createHash } from 'node:crypto';
import type { Context } from 'fabric-contract-api';
import {
  COMMERCIAL_TRANSIENT_KEY,
  commercialCollection,
  type CommercialDataRef,
  type CommercialObjectTypeName,
} from '@carbon-ets/contract';
import { fromBytes, toBytes } from './canonical-json';

/** The commercial fields of a write as the client sent them in the transient map (JSON text), if any. */
export function commercialInput(ctx: Context): string | undefined {
  const bytes = ctx.stub.getTransient().get(COMMERCIAL_TRANSIENT_KEY);
  return bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8');
}

/**
 * SHA-256 (hex) of a commercial value as {@link CommercialStore.put} stores it: the hash Fabric records on the
 * channel for the private write. A transaction that may not read a collection compares a value with a copy there
 * through this hash.
 */
export function commercialSha256(value: unknown): string {
  return createHash('sha256').update(toBytes(value)).digest('hex');
}

/**
 * Fabric's answers when a private value is not to be had here: the user's organisation is outside the
 * collection (memberOnlyRead), or this peer's organisation is, so the peer holds only the hash.
 */
const NOT_HELD_HERE = [
  'does not have read access permission',
  'private data matching public hash version is not available',
];

/** What a peer answers about one commercial object: the channel's hash always, the data where it may. */
export interface CommercialRead<T> {
  /** SHA-256 (hex) of the private value as this peer's copy of the channel records it; undefined if none. */
  readonly channelSha256: string | undefined;
  /** The stored value and its exact text; undefined where this peer does not hold it or the caller may not read. */
  readonly stored: { readonly value: T; readonly text: string } | undefined;
}

/**
 * One enterprise organisation's commercial collection. Writes need the owner's peer among the endorsers (the
 * collection's endorsement policy); reads succeed only on a member's peer for a member's user (memberOnlyRead).
 */
export class CommercialStore {
  private constructor(
    private readonly ctx: Context,
    readonly collection: string,
  ) {}

  /** The collection of the organisation owning an entity (its `ownerMsp`). */
  static ofOwner(ctx: Context, ownerMsp: string): CommercialStore {
    return new CommercialStore(ctx, commercialCollection(ownerMsp));
  }

  /** The collection a public record's reference names. */
  static of(ctx: Context, ref: CommercialDataRef): CommercialStore {
    return new CommercialStore(ctx, ref.collection);
  }

  private key(type: CommercialObjectTypeName, attributes: readonly (string | number)[]): string {
    return this.ctx.stub.createCompositeKey(type, attributes.map(String));
  }

  /** Writes a value; returns the reference the public record keeps (its hash is the one on the channel). */
  async put(
    type: CommercialObjectTypeName,
    attributes: readonly (string | number)[],
    value: unknown,
  ): Promise<CommercialDataRef> {
    await this.ctx.stub.putPrivateData(this.collection, this.key(type, attributes), toBytes(value));
    return {
      collection: this.collection,
      key: [type, ...attributes.map(String)],
      sha256: commercialSha256(value),
    };
  }

  /**
   * Reads a value for a query. A peer outside the collection holds nothing, and a user of an organisation
   * outside it is refused by Fabric: both read as "not held here", never as a failed query.
   */
  async read<T>(
    type: CommercialObjectTypeName,
    attributes: readonly (string | number)[],
  ): Promise<CommercialRead<T>> {
    const key = this.key(type, attributes);
    const hash = await this.ctx.stub.getPrivateDataHash(this.collection, key);
    const channelSha256 = hash.length === 0 ? undefined : Buffer.from(hash).toString('hex');
    let bytes: Uint8Array;
    try {
      bytes = await this.ctx.stub.getPrivateData(this.collection, key);
    } catch (err) {
      if (err instanceof Error && NOT_HELD_HERE.some((text) => err.message.includes(text)))
        return { channelSha256, stored: undefined };
      throw err;
    }
    if (bytes.length === 0) return { channelSha256, stored: undefined };
    return {
      channelSha256,
      stored: { value: fromBytes(bytes) as T, text: Buffer.from(bytes).toString('utf8') },
    };
  }
}
