import type { CarbonConnection } from '../connect';
import type { LotStatus, UnitType } from './allowance-client';
import { ContractClient, type ContractClientOptions } from './contract-client';
import type { Account } from './registry-client';

/** Ledger object types that `Query:GetObject`/`GetHistory` know, with the id parts each takes. */
export const OBJECT_TYPES = [
  'entity',
  'installation',
  'account',
  'period',
  'factorSet',
  'lot',
  'issuance',
  'allocation',
  'offsetProject',
  'offsetIssuance',
  'report',
  'compliance',
  'cash',
  'instrument',
  'marketStatus',
  'holdingLimit',
  'order',
  'trade',
  'marketDay',
  'proposal',
] as const;
export type ObjectTypeName = (typeof OBJECT_TYPES)[number];

/** An object's key: its type and id parts, e.g. `{ type: 'lot', id: ['ACC1', '<lotId>'] }`. */
export interface ObjectRef {
  readonly type: ObjectTypeName;
  readonly id: readonly (string | number)[];
}

/** One committed version of an object, newest first. */
export interface HistoryEntry {
  readonly txId: string;
  readonly timestamp: string;
  readonly isDelete: boolean;
  readonly value: unknown;
}

export interface ObjectHistory {
  readonly type: ObjectTypeName;
  readonly id: readonly string[];
  readonly history: readonly HistoryEntry[];
}

/** Units of one type, vintage (and project) and status in one account. */
export interface Holding {
  readonly unitType: UnitType;
  readonly vintage: number;
  readonly projectId: string | null;
  readonly status: LotStatus;
  readonly quantity: number;
  readonly locked: number;
  readonly lots: readonly {
    readonly id: string;
    readonly serialStart: number;
    readonly serialEnd: number;
    readonly quantity: number;
    readonly lockedBy: string | null;
  }[];
}

export interface UnitSupply {
  readonly issued: number;
  readonly heldInNationalAccounts: number;
  readonly heldByParticipants: number;
  readonly held: number;
  readonly locked: number;
  readonly surrendered: number;
  readonly retired: number;
  /** issued = held + surrendered + retired. */
  readonly reconciles: boolean;
}

export interface SupplySummary {
  readonly period: number;
  readonly cap: number | null;
  readonly allocated: number;
  readonly allowances: UnitSupply;
  readonly offsets: UnitSupply;
  readonly surrenderedForPeriod: { readonly allowances: number; readonly offsets: number };
}

/** `Query`: any object, its history, an account's holdings and a period's supply. */
export class QueryClient extends ContractClient {
  constructor(connection: CarbonConnection, options?: ContractClientOptions) {
    super(connection, 'Query', options);
  }

  getObject<T = unknown>(ref: ObjectRef): Promise<T> {
    return this.read('GetObject', JSON.stringify({ type: ref.type, id: ref.id.map(String) }));
  }

  /** Every committed version of the object, newest first. */
  getHistory(ref: ObjectRef): Promise<ObjectHistory> {
    return this.read('GetHistory', JSON.stringify({ type: ref.type, id: ref.id.map(String) }));
  }

  getHoldings(
    accountId: string,
  ): Promise<{ readonly account: Account; readonly holdings: readonly Holding[] }> {
    return this.read('GetHoldings', accountId);
  }

  getSupplySummary(period: number): Promise<SupplySummary> {
    return this.read('GetSupplySummary', period);
  }
}
