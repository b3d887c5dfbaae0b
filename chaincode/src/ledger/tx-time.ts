import type { Context } from 'fabric-contract-api';

/**
 * The transaction's timestamp, set by the client in the proposal and identical on every endorsing peer.
 * Never use the peer's clock: endorsements would differ.
 */
export function txTimestampMillis(ctx: Context): number {
  const ts = ctx.stub.getTxTimestamp();
  return ts.seconds.toNumber() * 1000 + Math.floor(ts.nanos / 1_000_000);
}

/** The transaction timestamp as an ISO-8601 UTC string (millisecond precision). */
export function txTime(ctx: Context): string {
  return new Date(txTimestampMillis(ctx)).toISOString();
}
