import type { CarbonConnection } from '../connect';
import type { Lot, TransferResult } from './allowance-client';
import { ContractClient, type ContractClientOptions } from './contract-client';

export interface OffsetProjectRegistration {
  readonly id: string;
  readonly name: string;
  readonly methodology: string;
  /** The entity credits are issued to. */
  readonly ownerEntityId: string;
}

export interface OffsetProject extends OffsetProjectRegistration {
  readonly registeredAt: string;
}

/** One issuance of credits: no day of a project's monitoring is ever credited twice. */
export interface OffsetIssuance {
  readonly projectId: string;
  readonly vintage: number;
  readonly monitoringPeriod: { readonly from: string; readonly to: string };
  readonly serialStart: number;
  readonly serialEnd: number;
  readonly quantity: number;
  readonly accountId: string;
  readonly lotId: string;
  readonly issuedAt: string;
  readonly txId: string;
}

export interface OffsetIssuanceRequest {
  readonly projectId: string;
  /** Must be the calendar year in which the monitoring period ends. */
  readonly vintage: number;
  /**
   * The monitoring period the credits are for: `YYYY-MM-DD` days, both inclusive, within one calendar year.
   * It may share no day with a period already issued for the project (touching periods are fine).
   */
  readonly monitoringPeriod: { readonly from: string; readonly to: string };
  readonly serialStart: number;
  readonly quantity: number;
  readonly toAccount: string;
}

export interface OffsetTransferRequest {
  readonly fromAccount: string;
  readonly toAccount: string;
  readonly quantity: number;
  readonly lotIds?: readonly string[];
  readonly vintage?: number;
  readonly projectId?: string;
}

export interface RetirementRequest {
  readonly accountId: string;
  readonly quantity: number;
  readonly beneficiary: string;
  readonly reason?: string;
  readonly lotIds?: readonly string[];
  readonly projectId?: string;
  readonly vintage?: number;
}

/** `Offset`: projects and credit issuance (regulator), transfers and retirement (the owning entity). */
export class OffsetClient extends ContractClient {
  constructor(connection: CarbonConnection, options?: ContractClientOptions) {
    super(connection, 'Offset', options);
  }

  registerProject(request: OffsetProjectRegistration): Promise<OffsetProject> {
    return this.write('RegisterProject', request);
  }

  /**
   * Refused when the monitoring period shares a day with one already issued for the project (CONFLICT), or
   * when the vintage is not the year the period ends (INVALID_ARGUMENT).
   */
  issueOffsets(request: OffsetIssuanceRequest): Promise<OffsetIssuance> {
    return this.write('IssueOffsets', request);
  }

  transferOffsets(request: OffsetTransferRequest): Promise<TransferResult> {
    return this.write('TransferOffsets', request);
  }

  /** Terminal: retired credits never move again. */
  retireOffsets(
    request: RetirementRequest,
  ): Promise<{ readonly quantity: number; readonly lots: readonly Lot[] }> {
    return this.write('RetireOffsets', request);
  }

  getProject(projectId: string): Promise<OffsetProject> {
    return this.read('GetProject', projectId);
  }
}
