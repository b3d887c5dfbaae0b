import { addQuantities, type Holding } from '@carbon-ets/contract';
import { compareLots, type Lot } from '../units/lot';

/** Holdings: their schema is the wire contract's (`@carbon-ets/contract`). */
export type { Holding };

/** Groups an account's lots by unit type, vintage and project, oldest vintage first. */
export function groupHoldings(lots: readonly Lot[]): Holding[] {
  const groups = new Map<string, { first: Lot; group: Lot[] }>();
  for (const lot of [...lots].sort(compareLots)) {
    const key = `${lot.unitType}|${lot.vintage}|${lot.projectId ?? ''}|${lot.status}`;
    const existing = groups.get(key);
    if (existing === undefined) {
      groups.set(key, { first: lot, group: [lot] });
    } else {
      existing.group.push(lot);
    }
  }
  return [...groups.values()].map(({ first, group }) => {
    return {
      unitType: first.unitType,
      vintage: first.vintage,
      projectId: first.projectId ?? null,
      status: first.status,
      quantity: group.reduce((sum, lot) => addQuantities(sum, lot.quantity), 0),
      locked: group.reduce(
        (sum, lot) => (lot.lockedBy === undefined ? sum : addQuantities(sum, lot.quantity)),
        0,
      ),
      lots: group.map((lot) => ({
        id: lot.id,
        serialStart: lot.serialStart,
        serialEnd: lot.serialEnd,
        ...(lot.serialRanges === undefined ? {} : { serialRanges: lot.serialRanges }),
        quantity: lot.quantity,
        lockedBy: lot.lockedBy ?? null,
      })),
    };
  });
}
