import type { AccountHoldings, Lot } from '@carbon-ets/contract';

/** The ids of the green certificate lots an account holds (not yet cancelled), in the holdings' order. */
export function certificateLotIds(holdings: AccountHoldings): string[] {
  return holdings.holdings
    .filter((holding) => holding.unitType === 'greenCertificate' && holding.status === 'held')
    .flatMap((holding) => holding.lots.map((lot) => lot.id));
}

/** A lot's serials: `1–300`, or its separate ranges once it was consolidated (`1–100, 201–300`). */
export function serialsText(lot: Pick<Lot, 'serialStart' | 'serialEnd' | 'serialRanges'>): string {
  const ranges = lot.serialRanges ?? [{ start: lot.serialStart, end: lot.serialEnd }];
  return ranges
    .map(({ start, end }) =>
      start === end
        ? start.toLocaleString('en-US')
        : `${start.toLocaleString('en-US')}–${end.toLocaleString('en-US')}`,
    )
    .join(', ');
}

/** MWh held and MWh free to move (not locked by an order, a proposal or an approval request). */
export function certificateTotals(lots: readonly Lot[]): { held: number; free: number } {
  return lots.reduce(
    (sum, lot) => ({
      held: sum.held + lot.quantity,
      free: sum.free + (lot.lockedBy === undefined ? lot.quantity : 0),
    }),
    { held: 0, free: 0 },
  );
}
