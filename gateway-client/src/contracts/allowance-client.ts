import { Allowance } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type {
  AllocationPlanLine,
  AllocationRecord,
  AllocationResult,
  AllocationView,
  ConsolidationResult,
  Lot,
  LotStatus,
  RequestOf,
  TransferResult,
  UnitType,
} from '@carbon-ets/contract';

/**
 * `Allowance`: issuance, allocation plans, pre-allocation and true-up (regulator), returns of over-allocation
 * (the installation's operator), transfers and lot consolidation (the owning entity).
 */
export const AllowanceClient = facadeOf(Allowance);
export type AllowanceClient = Facade<typeof Allowance>;
