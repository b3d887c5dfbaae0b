import type { ClosingOutcome, PeriodClosing } from '@carbon-ets/contract';
import { Users } from './identities';
import { cc, submit, tx } from './scenario';
import type { TestLedger } from './test-ledger';

/** A period's whole closing, as the pages of `Compliance:ClosePeriod` answered it. */
export interface ClosedPeriod {
  /** The last page's answer (`done`, the period's totals). */
  readonly last: PeriodClosing;
  /** Every page's outcomes, in installation id order. */
  readonly outcomes: readonly ClosingOutcome[];
  readonly pages: readonly PeriodClosing[];
}

/**
 * Closes a period as the regulator, calling `Compliance:ClosePeriod` until it answers `done` (the unit-test
 * twin of gateway-client's `closePeriod`). A refused page propagates: call again after fixing its cause.
 */
export async function closePeriod(
  ledger: TestLedger,
  year: number,
  pageSize?: number,
): Promise<ClosedPeriod> {
  const pages: PeriodClosing[] = [];
  for (;;) {
    const page = (await submit(ledger, Users.regulator, tx(cc.compliance, 'ClosePeriod'), {
      period: year,
      ...(pageSize === undefined ? {} : { pageSize }),
    })) as PeriodClosing;
    pages.push(page);
    if (page.done) return { last: page, outcomes: pages.flatMap((p) => p.outcomes), pages };
  }
}
