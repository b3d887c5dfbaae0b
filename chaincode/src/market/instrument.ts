import type { Instrument } from '@carbon-ets/contract';

/**
 * A tradable instrument (`allowance-2025`): one unit type and vintage with its trading rules, set by the
 * regulator per vintage. Declared, with its id's parser, by the wire contract (`@carbon-ets/contract`).
 */
export type { Instrument } from '@carbon-ets/contract';
export { instrumentId, parseInstrumentId } from '@carbon-ets/contract';

/** Defaults are the Chinese national ETS listing rules; the regulator may override each per vintage. */
export const INSTRUMENT_DEFAULTS = {
  tick: 1,
  minQuantity: 1,
  blockThreshold: 100_000,
  bandBasisPoints: 1_000,
  blockBandBasisPoints: 3_000,
} as const;

/** True for block orders, which trade within the wider band. */
export function isBlock(instrument: Instrument, quantity: number): boolean {
  return quantity >= instrument.blockThreshold;
}
