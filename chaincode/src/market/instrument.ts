import { invalidArgument } from '../errors';
import { UNIT_TYPES, type UnitType } from '../units/lot';

/**
 * A tradable instrument: one unit type and vintage (`allowance-2025`, `offset-2025`). Its trading rules are
 * ledger data set by the regulator per vintage (= compliance period), never literals in code. Amounts are fen.
 */
export interface Instrument {
  readonly id: string;
  readonly unitType: UnitType;
  readonly vintage: number;
  /** Band reference until the instrument has a first close (fen per tonne). */
  readonly referencePrice: number;
  /** Prices must be a multiple of this many fen (1 fen = the 0.01 CNY tick). */
  readonly tick: number;
  /** Smallest order, whole tonnes. */
  readonly minQuantity: number;
  /** Orders (and bilateral trades) of at least this many tonnes are block orders with the wider band. */
  readonly blockThreshold: number;
  /** Price band around the previous close, basis points (1000 = ±10 %). */
  readonly bandBasisPoints: number;
  /** Band for block orders, basis points (3000 = ±30 %). */
  readonly blockBandBasisPoints: number;
  /** Orders of at least this many tonnes raise a `LargeOrderPlaced` event for the supervisor. */
  readonly largeOrderThreshold: number;
  readonly configuredAt: string;
}

/** Defaults are the Chinese national ETS listing rules; the regulator may override each per vintage. */
export const INSTRUMENT_DEFAULTS = {
  tick: 1,
  minQuantity: 1,
  blockThreshold: 100_000,
  bandBasisPoints: 1_000,
  blockBandBasisPoints: 3_000,
} as const;

export function instrumentId(unitType: UnitType, vintage: number): string {
  return `${unitType}-${vintage}`;
}

/** Parses `allowance-2025` into its unit type and vintage. */
export function parseInstrumentId(value: unknown, field: string): { unitType: UnitType; vintage: number } {
  const match = typeof value === 'string' ? /^(allowance|offset)-([0-9]{4})$/.exec(value) : null;
  const unitType = UNIT_TYPES.find((type) => type === match?.[1]);
  if (match === null || unitType === undefined) {
    throw invalidArgument(`${field} must name an instrument as <unitType>-<vintage>, e.g. allowance-2025`);
  }
  return { unitType, vintage: Number(match[2]) };
}

/** True for block orders, which trade within the wider band. */
export function isBlock(instrument: Instrument, quantity: number): boolean {
  return quantity >= instrument.blockThreshold;
}
