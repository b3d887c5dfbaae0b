import type { ClosingOutcome, PeriodClosing } from '@carbon-ets/contract';
import { TransactionError } from '@carbon-ets/gateway-client';
import type { Participant } from './participants';

/** A period's whole closing through `Compliance:ClosePeriod` pages. */
export interface ClosedPeriod {
  readonly last: PeriodClosing;
  readonly outcomes: readonly ClosingOutcome[];
  readonly pages: readonly PeriodClosing[];
}

function closingRequest(year: number, pageSize: number | undefined): { period: number; pageSize?: number } {
  return { period: year, ...(pageSize === undefined ? {} : { pageSize }) };
}

/**
 * Closes a period as `regulator`, page after page until the chaincode answers `done` (the shared test ledger
 * may hold more installations than one page). A refused page propagates.
 */
export async function closeWholePeriod(
  regulator: Participant,
  year: number,
  pageSize?: number,
): Promise<ClosedPeriod> {
  const pages: PeriodClosing[] = [];
  for (;;) {
    const page = await regulator.submit<PeriodClosing>(
      'Compliance:ClosePeriod',
      closingRequest(year, pageSize),
    );
    pages.push(page);
    if (page.done) return { last: page, outcomes: pages.flatMap((p) => p.outcomes), pages };
  }
}

/**
 * Closes pages of a period until one is refused, and returns that refusal (the page holding an installation
 * without emissions); fails if the period closes instead.
 */
export async function closingRefusal(
  regulator: Participant,
  year: number,
  pageSize?: number,
): Promise<TransactionError> {
  for (;;) {
    let page: PeriodClosing;
    try {
      page = await regulator.submit<PeriodClosing>('Compliance:ClosePeriod', closingRequest(year, pageSize));
    } catch (err) {
      if (err instanceof TransactionError) return err;
      throw err;
    }
    if (page.done) throw new Error(`period ${year} closed: no page was refused`);
  }
}
