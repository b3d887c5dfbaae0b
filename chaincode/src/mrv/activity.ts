import type { ElectricityUnit, FuelUnit } from '@carbon-ets/contract';

/** Activity lines and documents: their schemas are the wire contract's (`@carbon-ets/contract`). */
export type {
  ActivityLine,
  DocumentRef,
  ElectricityLine,
  ElectricityUnit,
  FuelLine,
  FuelUnit,
} from '@carbon-ets/contract';

/** Units accepted for fuel quantities (converted to tonnes) and electricity (converted to MWh). */
export const FUEL_UNITS: Readonly<Record<FuelUnit, bigint>> = { t: 1n, kt: 1000n };
export const ELECTRICITY_UNITS: Readonly<Record<ElectricityUnit, bigint>> = { MWh: 1n, GWh: 1000n };
