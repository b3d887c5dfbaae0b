import type { CarbonConnection } from '../connect';
import { ContractClient, type ContractClientOptions } from './contract-client';

export type EntityKind = 'covered' | 'trader' | 'verifier';
export type AccountKind = 'allocation' | 'auction' | 'deletion' | 'holding' | 'trading';
export type AccountStatus = 'open' | 'blocked' | 'closed';

/** A physical installation of a covered enterprise. */
export interface InstallationSpec {
  readonly id: string;
  readonly name?: string;
  /** Sector code, e.g. `power`, `steel`. */
  readonly sector: string;
  /** Rated capacity, decimal string (e.g. "600"). */
  readonly capacity: string;
  readonly capacityUnit?: string;
}

export interface Installation extends Required<InstallationSpec> {
  readonly entityId: string;
  readonly holdingAccountId?: string;
}

export interface EntityRegistration {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  /** The org whose peers endorse debits of this entity's units, e.g. `Enterprise1MSP`. */
  readonly ownerMsp: string;
  readonly installations?: readonly InstallationSpec[];
}

export interface Entity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly ownerMsp: string;
  readonly installationIds: readonly string[];
  readonly registeredAt: string;
}

/** National accounts get fixed ids; `holding` needs entity and installation, `trading` an entity. */
export interface AccountOpening {
  readonly kind: AccountKind;
  readonly id?: string;
  readonly entityId?: string;
  readonly installationId?: string;
}

export interface Account {
  readonly id: string;
  readonly kind: AccountKind;
  readonly entityId?: string;
  readonly installationId?: string;
  readonly ownerMsp: string;
  readonly status: AccountStatus;
  readonly openedAt: string;
  readonly statusReason?: string;
}

/** A status change of an account, with the reason recorded on the ledger. */
export interface AccountStatusChange {
  readonly accountId: string;
  readonly reason: string;
}

/** Fixed ids of the regulator's national accounts. */
export const NATIONAL_ACCOUNTS = {
  allocation: 'NATIONAL-ALLOCATION',
  auction: 'NATIONAL-AUCTION',
  deletion: 'NATIONAL-DELETION',
} as const;

/** `Registry`: entities, installations and accounts (writes: the regulator). */
export class RegistryClient extends ContractClient {
  constructor(connection: CarbonConnection, options?: ContractClientOptions) {
    super(connection, 'Registry', options);
  }

  registerEntity(request: EntityRegistration): Promise<Entity> {
    return this.write('RegisterEntity', request);
  }

  addInstallations(request: {
    readonly entityId: string;
    readonly installations: readonly InstallationSpec[];
  }): Promise<Entity> {
    return this.write('AddInstallations', request);
  }

  openAccount(request: AccountOpening): Promise<Account> {
    return this.write('OpenAccount', request);
  }

  blockAccount(request: AccountStatusChange): Promise<Account> {
    return this.write('BlockAccount', request);
  }

  unblockAccount(request: AccountStatusChange): Promise<Account> {
    return this.write('UnblockAccount', request);
  }

  closeAccount(request: AccountStatusChange): Promise<Account> {
    return this.write('CloseAccount', request);
  }

  /** An entity with its installations. */
  getEntity(entityId: string): Promise<Entity & { readonly installations: readonly Installation[] }> {
    return this.read('GetEntity', entityId);
  }

  getInstallation(installationId: string): Promise<Installation> {
    return this.read('GetInstallation', installationId);
  }

  getAccount(accountId: string): Promise<Account> {
    return this.read('GetAccount', accountId);
  }
}
