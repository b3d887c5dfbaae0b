/**
 * Factors of one fuel. Units are fixed so the arithmetic is unambiguous:
 * - `ncv`: net calorific value in GJ per tonne of fuel;
 * - `emissionFactor`: kg CO2 per TJ (IPCC 2006 style, e.g. natural gas 56100), or instead
 * - `carbonContent`: tonnes of carbon per TJ (converted with 44/12);
 * - `oxidation`: oxidation factor as a fraction (1 = complete).
 * All are decimal strings.
 */
export interface FuelFactors {
  readonly ncv: string;
  readonly emissionFactor?: string;
  readonly carbonContent?: string;
  readonly oxidation: string;
}

/**
 * A versioned set of emission factors published by the regulator. Reports name the set and version they use,
 * so a newer version never changes an old report's numbers.
 */
export interface EmissionFactorSet {
  readonly id: string;
  readonly version: number;
  readonly description: string;
  readonly fuels: Readonly<Record<string, FuelFactors>>;
  /** Grid electricity factor in tonnes CO2 per MWh (China 2022: "0.5703"). */
  readonly gridFactor: string;
  readonly publishedAt: string;
}
