/** Emission-factor sets: their schemas are the wire contract's (`@carbon-ets/contract`). */
export type { EmissionFactorSet, FuelFactors } from '@carbon-ets/contract';
