import { Allowance } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type {
  AllocationRecord,
  Lot,
  LotStatus,
  RequestOf,
  TransferResult,
  UnitType,
} from '@carbon-ets/contract';

/** `Allowance`: issuance and free allocation (regulator), transfers (the owning entity). */
export const AllowanceClient = facadeOf(Allowance);
export type AllowanceClient = Facade<typeof Allowance>;
