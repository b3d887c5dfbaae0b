import type { Store } from '../ledger/store';
import { ObjectType } from '../ledger/keys';
import type { Account } from './account';
import type { Entity, Installation } from './entity';

/** Lookups shared by every contract that needs registry objects; each fails with NOT_FOUND naming the id. */
export function requireEntity(store: Store, id: string): Promise<Entity> {
  return store.require<Entity>(ObjectType.entity, [id], `entity ${id}`);
}

export function requireInstallation(store: Store, id: string): Promise<Installation> {
  return store.require<Installation>(ObjectType.installation, [id], `installation ${id}`);
}

export function requireAccount(store: Store, id: string): Promise<Account> {
  return store.require<Account>(ObjectType.account, [id], `account ${id}`);
}
