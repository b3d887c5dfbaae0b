import type { Context } from 'fabric-contract-api';

/**
 * The transaction's timestamp, set by the client in the proposal and identical on every endorsing peer.
 * Never use the peer's clock: endorsements would differ.
 */
export function txTimestampMillis(ctx: Context): number {
  return timestampMillis(ctx.stub.getTxTimestamp());
}

/**
 * Milliseconds of a protobuf Timestamp. fabric-shim hands out two shapes: the transaction timestamp has
 * `seconds` as a Long, history entries (`Timestamp.toObject()`) as a plain number.
 */
export function timestampMillis(ts: { readonly seconds: unknown; readonly nanos: number }): number {
  const { seconds } = ts;
  const whole =
    typeof seconds === 'number'
      ? seconds
      : typeof seconds === 'object' && seconds !== null && 'toNumber' in seconds
        ? (seconds as { toNumber(): number }).toNumber()
        : Number(seconds);
  return whole * 1000 + Math.floor(ts.nanos / 1_000_000);
}

/** The transaction timestamp as an ISO-8601 UTC string (millisecond precision). */
export function txTime(ctx: Context): string {
  return new Date(txTimestampMillis(ctx)).toISOString();
}
