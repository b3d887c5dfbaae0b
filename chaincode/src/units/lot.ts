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
  /** Green certificates: only this device's. */
  readonly deviceId?: string;
}

export function matchesFilter(lot: Lot, filter: LotFilter): boolean {
  return (
    lot.unitType === filter.unitType &&
    (filter.vintage === undefined || lot.vintage === filter.vintage) &&
    (filter.maxVintage === undefined || lot.vintage <= filter.maxVintage) &&
    (filter.projectId === undefined || lot.projectId === filter.projectId) &&
    (filter.deviceId === undefined || lot.deviceId === filter.deviceId)
  );
}

/** Oldest vintage first, then serial order: the natural order to spend units in. */
export function compareLots(a: Lot, b: Lot): number {
  return (
    a.vintage - b.vintage ||
    compareText(a.projectId ?? '', b.projectId ?? '') ||
    compareText(a.deviceId ?? '', b.deviceId ?? '') ||
    compareText(a.productionPeriod?.from ?? '', b.productionPeriod?.from ?? '') ||
    a.serialStart - b.serialStart ||
    compareText(a.id, b.id)
  );
}

/**
 * What a lot's units keep wherever they go: the project of offsets, the device and production period of green
 * certificates (serials are numbered per project or device, so these travel with them).
 */
export function lineageOf(lot: Lot): Pick<Lot, 'projectId' | 'deviceId' | 'productionPeriod'> {
  return {
    ...(lot.projectId === undefined ? {} : { projectId: lot.projectId }),
    ...(lot.deviceId === undefined ? {} : { deviceId: lot.deviceId }),
    ...(lot.productionPeriod === undefined ? {} : { productionPeriod: lot.productionPeriod }),
  };
}
