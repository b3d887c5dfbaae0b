import type { CarbonConnection } from '../connect';
import { ContractClient, type ContractClientOptions } from './contract-client';

export type UnitType = 'allowance' | 'offset';
export type LotStatus = 'held' | 'surrendered' | 'retired';

/** A serial block of units held in one account. */
export interface Lot {
  readonly id: string;
  readonly accountId: string;
  readonly unitType: UnitType;
  readonly vintage: number;
  readonly projectId?: string;
  readonly serialStart: number;
  readonly serialEnd: number;
  readonly quantity: number;
  readonly status: LotStatus;
  readonly origin: string;
  readonly createdAt: string;
  readonly createdTxId: string;
  /** The order or proposal that locks the units, while it is open. */
  readonly lockedBy?: string;
}

/** Free allocation: an explicit quantity, or output × benchmark × correction factors. */
export type AllocationRequest =
  | { readonly period: number; readonly installationId: string; readonly quantity: number }
  | {
      readonly period: number;
      readonly installationId: string;
      readonly benchmarkId: string;
      /** Decimal string in the benchmark's output unit. */
      readonly output: string;
      readonly correctionFactors?: readonly string[];
    };

export interface AllocationResult {
  readonly allocation: {
    readonly period: number;
    readonly installationId: string;
    readonly accountId: string;
    readonly quantity: number;
    readonly method: 'explicit' | 'benchmark';
    readonly txId: string;
  };
  readonly lots: readonly Lot[];
}

export interface TransferRequest {
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly quantity: number;
  /** Spend these lots (no range read, so no conflict with transfers of other lots). */
  readonly lotIds?: readonly string[];
  readonly vintage?: number;
}

export interface TransferResult {
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly quantity: number;
  readonly moved: readonly Lot[];
  readonly spentLotIds: readonly string[];
}

/** `Allowance`: issuance and free allocation (regulator), transfers (the owning entity). */
export class AllowanceClient extends ContractClient {
  constructor(connection: CarbonConnection, options?: ContractClientOptions) {
    super(connection, 'Allowance', options);
  }

  /** Issues allowances of the period's vintage into NATIONAL-ALLOCATION, never beyond the cap. */
  issueAllowances(request: { readonly period: number; readonly quantity: number }): Promise<Lot> {
    return this.write('IssueAllowances', request);
  }

  /** Once per installation and period: a second allocation is refused (CONFLICT naming the first). */
  allocateFree(request: AllocationRequest): Promise<AllocationResult> {
    return this.write('AllocateFree', request);
  }

  transfer(request: TransferRequest): Promise<TransferResult> {
    return this.write('Transfer', request);
  }

  getLot(accountId: string, lotId: string): Promise<Lot> {
    return this.read('GetLot', accountId, lotId);
  }
}
