import type { Context } from 'fabric-contract-api';
import {
  addQuantities,
  CLOSING_PAGE_SIZE,
  failedPrecondition,
  invalidArgument,
  MAX_CLOSING_PAGE_SIZE,
  type ClosingOutcome,
  type CompliancePeriod,
  type ComplianceFinal,
  type PeriodClosing,
  type PeriodClosingProgress,
} from '@carbon-ets/contract';
import { emitEvent } from '../ledger/events';
import { objectsAfter } from '../ledger/key-range';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requirePeriod } from '../period/period-reads';
import type { Installation } from '../registry/entity';
import {
  complianceStatus,
  loadAllocation,
  loadComplianceRecord,
  loadObligationCap,
  type ComplianceCode,
  type ComplianceRecord,
  type ComplianceStatus,
} from './compliance-record';

/** One installation of a page, read and checked before anything is written. */
interface PageRow {
  readonly record: ComplianceRecord;
  readonly status: ComplianceStatus;
  readonly unreturned: number;
}

/**
 * Closes the next page of a period's installations, in installation id order, after the period's surrender
 * deadline: each one's final code, shortfall (an allocation return still due included) and penalty, its
 * shortfall carried into the next period. The cursor (`periodClosing ~ period`) says where the last page ended,
 * so a call resumes there; the first page that leaves installations to close marks the period `closing`, the
 * last marks it `closed`. A page is refused, writing nothing, while one of its covered installations has
 * neither accepted nor estimated emissions; since every installation's final is written by the page that checks
 * it, a non-reporter never ends a period owing nothing. Work per call is bounded by the page size: per
 * installation at most 5 state reads (installation, record, allocation twice, next period's record) and 2
 * writes, plus the period, the cursor and one look-ahead key.
 */
export async function closePeriodPage(
  ctx: Context,
  store: Store,
  year: number,
  pageSize: number = CLOSING_PAGE_SIZE,
): Promise<PeriodClosing> {
  if (pageSize > MAX_CLOSING_PAGE_SIZE) {
    throw invalidArgument(
      `pageSize ${pageSize} is above the most one call closes (${MAX_CLOSING_PAGE_SIZE}); call again for the rest`,
    );
  }
  const period = await requirePeriod(store, year);
  if (period.status === 'closed') {
    throw failedPrecondition(`compliance period ${year} is already closed`);
  }
  const now = txTime(ctx);
  if (now <= period.deadlines.surrenderBy) {
    throw failedPrecondition(
      `compliance period ${year} can be closed only after ${period.deadlines.surrenderBy}`,
    );
  }
  const progress: PeriodClosingProgress = (await store.get<PeriodClosingProgress>(ObjectType.periodClosing, [
    year,
  ])) ?? { period: year, after: null, closed: 0, totalShortfall: 0, pages: 0, startedAt: now };
  // One installation past the page tells whether this page is the last (no empty page to call for).
  const installations = await objectsAfter<Installation>(
    ctx,
    ObjectType.installation,
    progress.after,
    pageSize + 1,
  );
  const page = installations.slice(0, pageSize).map(({ value }) => value);
  const last = installations.length <= pageSize;

  // Everything is read and checked first: a refusal writes nothing.
  const rows: PageRow[] = [];
  const missing: string[] = [];
  for (const installation of page) {
    const record = await loadComplianceRecord(store, year, installation.id);
    const allocation = await loadAllocation(store, year, installation.id);
    const covered = installation.holdingAccountId !== undefined || allocation !== undefined;
    if (covered && record.verifiedEmissions === undefined) missing.push(installation.id);
    const cap = await loadObligationCap(store, period, installation.id);
    // An allocation return still due at closing is owed as shortfall (and penalty).
    rows.push({ record, status: complianceStatus(record, cap), unreturned: allocation?.returnDue ?? 0 });
  }
  if (missing.length > 0) {
    const done = progress.closed === 0 ? '' : ` (${progress.closed} installation(s) already closed stay so)`;
    throw failedPrecondition(
      `compliance period ${year} cannot be closed: ${missing.length} covered installation(s) have neither accepted nor estimated emissions: ${missing.join(', ')}; accept their reports or estimate their emissions first, then call again to resume${done}`,
    );
  }

  const outcomes: ClosingOutcome[] = [];
  let pageShortfall = 0;
  for (const row of rows) {
    const outcome = await closeInstallation(store, period, row, now);
    pageShortfall = addQuantities(pageShortfall, outcome.shortfall);
    outcomes.push(outcome);
  }
  const closed = progress.closed + outcomes.length;
  const totalShortfall = addQuantities(progress.totalShortfall, pageShortfall);
  await store.put(ObjectType.periodClosing, [year], {
    ...progress,
    after: page.at(-1)?.id ?? progress.after,
    closed,
    totalShortfall,
    pages: progress.pages + 1,
    ...(last ? { closedAt: now } : {}),
  } satisfies PeriodClosingProgress);
  if (last) {
    await store.put(ObjectType.period, [year], {
      ...period,
      status: 'closed',
      closedAt: now,
    } satisfies CompliancePeriod);
  } else if (period.status === 'open') {
    // Written once, so transactions that only read the period (orders of its vintage) conflict once at most.
    await store.put(ObjectType.period, [year], { ...period, status: 'closing' } satisfies CompliancePeriod);
  }
  const answer: PeriodClosing = { period: year, done: last, closed, totalShortfall, outcomes };
  if (last) emitEvent(ctx, 'PeriodClosed', answer);
  else emitEvent(ctx, 'PeriodClosingProgressed', answer);
  return answer;
}

/** Writes an installation's final outcome and carries its shortfall into the next period's record. */
async function closeInstallation(
  store: Store,
  period: CompliancePeriod,
  { record, status, unreturned }: PageRow,
  now: string,
): Promise<ClosingOutcome> {
  const { installationId } = record;
  const year = period.year;
  const shortfall = addQuantities(Math.max(0, -status.balance), unreturned);
  const penalty = (BigInt(shortfall) * BigInt(period.penaltyPerTonne)).toString();
  const code: ComplianceCode = unreturned > 0 ? 'B' : status.code;
  const final: ComplianceFinal = {
    code,
    shortfall,
    penalty,
    currency: period.currency,
    closedAt: now,
    ...(unreturned === 0 ? {} : { unreturnedAllocation: unreturned }),
  };
  await store.put(ObjectType.compliance, [year, installationId], {
    ...record,
    final,
  } satisfies ComplianceRecord);
  if (shortfall > 0) {
    const next = await loadComplianceRecord(store, year + 1, installationId);
    await store.put(ObjectType.compliance, [year + 1, installationId], {
      ...next,
      carriedShortfall: addQuantities(next.carriedShortfall, shortfall),
    } satisfies ComplianceRecord);
  }
  return { installationId, code, shortfall, penalty };
}
