export { UNIT_TYPES, type Lot, type LotOrigin, type LotStatus, type UnitType } from '@carbon-ets/contract';
import type { Lot, UnitType } from '@carbon-ets/contract';
import { compareText } from '../ledger/text-order';

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
    compareText(a.projectId ?? '', b.projectId ?? '') ||
    a.serialStart - b.serialStart ||
    compareText(a.id, b.id)
  );
}
