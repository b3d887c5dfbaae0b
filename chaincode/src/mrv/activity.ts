/** Units accepted for fuel quantities (converted to tonnes) and electricity (converted to MWh). */
export const FUEL_UNITS = { t: 1n, kt: 1000n } as const;
export const ELECTRICITY_UNITS = { MWh: 1n, GWh: 1000n } as const;

export type FuelUnit = keyof typeof FUEL_UNITS;
export type ElectricityUnit = keyof typeof ELECTRICITY_UNITS;

/** Combustion of a fuel named in the factor set; `quantity` is a decimal string in `unit`. */
export interface FuelLine {
  readonly kind: 'fuel';
  readonly fuel: string;
  readonly quantity: string;
  readonly unit: FuelUnit;
}

/** Purchased grid electricity; `quantity` is a decimal string in `unit`. */
export interface ElectricityLine {
  readonly kind: 'electricity';
  readonly quantity: string;
  readonly unit: ElectricityUnit;
}

export type ActivityLine = FuelLine | ElectricityLine;

/** A supporting document kept off-chain; the ledger keeps its SHA-256. */
export interface DocumentRef {
  readonly name: string;
  readonly sha256: string;
}
