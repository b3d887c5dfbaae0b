import type { Context } from 'fabric-contract-api';
import { fromBytes, toBytes } from '../ledger/canonical-json';
import { entriesOf } from '../ledger/state-iteration';
import type { MarketDay } from './trade';

/**
 * The close of every day with order-book trades, one plain key per instrument and day:
 * `dayClose|<instrumentId>|<YYYY-MM-DD>`. Plain keys sort by day and allow a bounded `getStateByRange`, so the
 * previous close is one range read over the look-back window ending *before* today: the clearing
 * transactions that write today's close fall outside it, and placing an order never conflicts with them.
 * (It replaces up to 15 point reads of earlier days' market data per order.)
 */
const PREFIX = 'dayClose|';

interface DayClose {
  readonly instrument: string;
  readonly day: string;
  readonly close: number;
}

export function dayCloseKey(instrument: string, day: string): string {
  return `${PREFIX}${instrument}|${day}`;
}

/** Records a day's close (after a clearing settled trades of that day). Days without a close write nothing. */
export async function recordDayClose(ctx: Context, day: MarketDay): Promise<void> {
  if (day.close === null) return;
  const record: DayClose = { instrument: day.instrument, day: day.day, close: day.close };
  await ctx.stub.putState(dayCloseKey(day.instrument, day.day), toBytes(record));
}

/** The close of the latest day in `[firstDay, beforeDay)` that has one. */
export async function latestCloseBetween(
  ctx: Context,
  instrument: string,
  firstDay: string,
  beforeDay: string,
): Promise<number | undefined> {
  let latest: number | undefined;
  const closes = ctx.stub.getStateByRange(
    dayCloseKey(instrument, firstDay),
    dayCloseKey(instrument, beforeDay),
  );
  for await (const kv of entriesOf(closes)) {
    latest = (fromBytes(kv.value) as DayClose).close;
  }
  return latest;
}
