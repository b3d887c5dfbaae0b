import type { ClosingOutcome, PeriodClosing } from '@carbon-ets/contract';
import type { ComplianceClient } from './compliance-client';

/** A period's whole closing, as its pages answered. */
export interface ClosedPeriod {
  readonly period: number;
  /** Installations closed by every page of the closing (also pages before a resumed call). */
  readonly closed: number;
  /** The period's total shortfall. */
  readonly totalShortfall: number;
  /** The outcomes of the pages this call closed, in installation id order. */
  readonly outcomes: readonly ClosingOutcome[];
  /** `Compliance:ClosePeriod` transactions this call committed. */
  readonly pages: number;
}

/** Options of {@link closePeriod}. */
export interface ClosePeriodOptions {
  /** Installations per transaction (the chaincode's default when absent: 200; at most 500). */
  readonly pageSize?: number;
  /** Called after each committed page, with its answer (`closed` counts installations closed so far). */
  readonly onPage?: (page: PeriodClosing) => void;
}

/**
 * Closes a period in full: calls `Compliance:ClosePeriod` page after page until it answers `done`. Each call is
 * its own transaction with bounded work; the chaincode keeps the cursor, so after a refused page (an installation
 * without emissions: it is named) or a lost connection, calling this again resumes where the closing stopped.
 * A period already closed is refused (`FAILED_PRECONDITION … already closed`).
 */
export async function closePeriod(
  compliance: Pick<ComplianceClient, 'closePeriod'>,
  period: number,
  options: ClosePeriodOptions = {},
): Promise<ClosedPeriod> {
  const outcomes: ClosingOutcome[] = [];
  for (let pages = 1; ; pages++) {
    const page = await compliance.closePeriod({
      period,
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
    });
    outcomes.push(...page.outcomes);
    options.onPage?.(page);
    if (page.done) {
      return { period, closed: page.closed, totalShortfall: page.totalShortfall, outcomes, pages };
    }
  }
}
