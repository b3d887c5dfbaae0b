/** Unit types: an allowance (vintage = compliance period) or an offset credit (CCER-like, per project). */
export const UNIT_TYPES = ['allowance', 'offset'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** `held` units can move; `surrendered` and `retired` units sit in the deletion account for ever. */
export type LotStatus = 'held' | 'surrendered' | 'retired';

/** How a lot came to be: the transaction kind that created it. */
export type LotOrigin =
  | 'issuance'
  | 'allocation'
  | 'transfer'
  | 'surrender'
  | 'retirement'
  /** Split off a lot in the same account so that exactly an order's quantity is locked. */
  | 'split'
  /** Delivered to a buyer by a settled trade. */
  | 'trade';

/**
 * A serial block of units held in one account: serials `serialStart..serialEnd` inclusive of one unit type and
 * vintage (and project, for offsets). Keyed `lot ~ accountId ~ id` so that spending different lots never
 * touches the same key (no MVCC conflict), and carrying a key-level endorsement policy naming the owner's org.
 */
export interface Lot {
  readonly id: string;
  readonly accountId: string;
  readonly unitType: UnitType;
  readonly vintage: number;
  /** Offsets only: serials are numbered per project. */
  readonly projectId?: string;
  readonly serialStart: number;
  readonly serialEnd: number;
  /** `serialEnd - serialStart + 1`, kept for readers. */
  readonly quantity: number;
  readonly status: LotStatus;
  readonly origin: LotOrigin;
  /** The lot this one was split or moved from. */
  readonly parentLotId?: string;
  readonly createdAt: string;
  readonly createdTxId: string;
  /** Set by the market (issue 4) while the units back an open order; locked units cannot move. */
  readonly lockedBy?: string;
  readonly surrender?: { readonly period: number; readonly installationId: string; readonly late: boolean };
  readonly retirement?: { readonly beneficiary: string; readonly reason?: string };
}

/** Which lots a movement may use. */
export interface LotFilter {
  readonly unitType: UnitType;
  /** Only this vintage. */
  readonly vintage?: number;
  /** Only vintages up to and including this one (surrender: vintage ≤ period). */
  readonly maxVintage?: number;
  readonly projectId?: string;
}

export function matchesFilter(lot: Lot, filter: LotFilter): boolean {
  return (
    lot.unitType === filter.unitType &&
    (filter.vintage === undefined || lot.vintage === filter.vintage) &&
    (filter.maxVintage === undefined || lot.vintage <= filter.maxVintage) &&
    (filter.projectId === undefined || lot.projectId === filter.projectId)
  );
}

/** Oldest vintage first, then serial order: the natural order to spend units in. */
export function compareLots(a: Lot, b: Lot): number {
  return (
    a.vintage - b.vintage ||
    (a.projectId ?? '').localeCompare(b.projectId ?? '') ||
    a.serialStart - b.serialStart ||
    a.id.localeCompare(b.id)
  );
}
