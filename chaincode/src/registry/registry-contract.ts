import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import {
  conflict,
  failedPrecondition,
  invalidArgument,
  parseArgs,
  parseRequest,
  Registry,
  type ParsedRequestOf,
} from '@carbon-ets/contract';
import { authorizeTransaction } from '../identity/access';
import { RegulatorMsp } from '../identity/msp';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { NationalAccount, type Account } from './account';
import type { Entity, Installation } from './entity';
import { changeAccountStatus } from './account-status';
import { requireAccount, requireEntity, requireInstallation } from './registry-reads';

/** One parsed installation of a RegisterEntity or AddInstallations request. */
type InstallationInput = NonNullable<
  ParsedRequestOf<typeof Registry.registerEntity>['installations']
>[number];

function installationOf(item: InstallationInput, entityId: string): Installation {
  return {
    id: item.id,
    entityId,
    name: item.name ?? item.id,
    sector: item.sector,
    capacity: item.capacity,
    capacityUnit: item.capacityUnit ?? 'MW',
  };
}

/**
 * Participant registry: entities, their installations and their accounts. Every write is the regulator's;
 * anyone with a carbon role may read.
 */
@Info({ title: 'Registry', description: 'Entities, installations and accounts' })
export class RegistryContract extends CarbonContract {
  constructor() {
    super('Registry');
  }

  /**
   * Registers a covered enterprise, trader or verifier with its installations.
   * Request: `{ id, kind, name, ownerMsp, installations?: [{ id, name?, sector, capacity, capacityUnit? }] }`.
   * Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async RegisterEntity(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Registry.registerEntity);
    const input = parseRequest(Registry.registerEntity, request);
    const { id, kind } = input;
    const installations = (input.installations ?? []).map((item) => installationOf(item, id));
    if (kind !== 'covered' && installations.length > 0) {
      throw invalidArgument(`only covered enterprises have installations; ${id} is a ${kind}`);
    }
    const entity: Entity = {
      id,
      kind,
      name: input.name,
      ownerMsp: input.ownerMsp,
      installationIds: installations.map((i) => i.id),
      registeredAt: txTime(ctx),
    };
    const store = new Store(ctx);
    if (await store.exists(ObjectType.entity, [id])) {
      throw conflict(`entity ${id} is already registered`);
    }
    await this.putNewInstallations(store, installations);
    await store.put(ObjectType.entity, [id], entity);
    emitEvent(ctx, 'EntityRegistered', { entity });
    return JSON.stringify(entity);
  }

  /**
   * Adds installations to a registered covered enterprise.
   * Request: `{ entityId, installations: [{ id, name?, sector, capacity, capacityUnit? }] }`.
   * Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async AddInstallations(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Registry.addInstallations);
    const input = parseRequest(Registry.addInstallations, request);
    const { entityId } = input;
    const installations = input.installations.map((item) => installationOf(item, entityId));
    const store = new Store(ctx);
    const entity = await requireEntity(store, entityId);
    if (entity.kind !== 'covered') {
      throw failedPrecondition(
        `only covered enterprises have installations; ${entityId} is a ${entity.kind}`,
      );
    }
    await this.putNewInstallations(store, installations);
    const updated: Entity = {
      ...entity,
      installationIds: [...entity.installationIds, ...installations.map((i) => i.id)],
    };
    await store.put(ObjectType.entity, [entityId], updated);
    emitEvent(ctx, 'InstallationsAdded', { entityId, installations });
    return JSON.stringify(updated);
  }

  private async putNewInstallations(store: Store, installations: readonly Installation[]): Promise<void> {
    const ids = new Set<string>();
    for (const installation of installations) {
      if (ids.has(installation.id) || (await store.exists(ObjectType.installation, [installation.id]))) {
        throw conflict(`installation ${installation.id} is already registered`);
      }
      ids.add(installation.id);
    }
    for (const installation of installations) {
      await store.put(ObjectType.installation, [installation.id], installation);
    }
  }

  /**
   * Opens an account. National accounts (`allocation`, `auction`, `deletion`) get their fixed ids
   * (NATIONAL-ALLOCATION…) and belong to the regulator; a `holding` account needs `entityId` and
   * `installationId` (one per installation); a `trading` account needs `entityId` (covered or trader).
   * Request: `{ kind }` for a national account, `{ kind: 'trading', id, entityId }` or `{ kind: 'holding', id,
   * entityId, installationId }`; a key that does not apply to the kind is refused. Caller: RegulatorMSP /
   * regulator.
   */
  @Transaction()
  @Returns('string')
  public async OpenAccount(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Registry.openAccount);
    const input = parseRequest(Registry.openAccount, request);
    const { kind } = input;
    const required = (name: 'id' | 'entityId' | 'installationId'): string => {
      const value = input[name];
      if (value === undefined) throw invalidArgument(`account.${name} is required`);
      return value;
    };
    const forbid = (name: 'id' | 'entityId' | 'installationId', what: string): void => {
      if (input[name] !== undefined) throw invalidArgument(`account.${name} does not apply to ${what}`);
    };
    const store = new Store(ctx);
    const openedAt = txTime(ctx);
    let account: Account;
    let installationUpdate: Installation | undefined;
    if (kind === 'allocation' || kind === 'auction' || kind === 'deletion') {
      for (const name of ['id', 'entityId', 'installationId'] as const) {
        forbid(name, 'a national account (its id is fixed)');
      }
      account = { id: NationalAccount[kind], kind, ownerMsp: RegulatorMsp, status: 'open', openedAt };
    } else {
      const entity = await requireEntity(store, required('entityId'));
      if (entity.kind === 'verifier') {
        throw failedPrecondition(`verifier ${entity.id} cannot hold units`);
      }
      const id = required('id');
      if (kind === 'holding') {
        const installation = await requireInstallation(store, required('installationId'));
        if (installation.entityId !== entity.id) {
          throw invalidArgument(`installation ${installation.id} does not belong to entity ${entity.id}`);
        }
        if (installation.holdingAccountId !== undefined) {
          throw conflict(
            `installation ${installation.id} already has holding account ${installation.holdingAccountId}`,
          );
        }
        installationUpdate = { ...installation, holdingAccountId: id };
        account = {
          id,
          kind,
          entityId: entity.id,
          installationId: installation.id,
          ownerMsp: entity.ownerMsp,
          status: 'open',
          openedAt,
        };
      } else {
        forbid('installationId', 'a trading account');
        account = { id, kind, entityId: entity.id, ownerMsp: entity.ownerMsp, status: 'open', openedAt };
      }
    }
    if (await store.exists(ObjectType.account, [account.id])) {
      throw conflict(`account ${account.id} already exists`);
    }
    await store.put(ObjectType.account, [account.id], account);
    if (installationUpdate !== undefined) {
      await store.put(ObjectType.installation, [installationUpdate.id], installationUpdate);
    }
    emitEvent(ctx, 'AccountOpened', { account });
    return JSON.stringify(account);
  }

  /**
   * Blocks an open account: no units leave or enter it until it is unblocked.
   * Request: `{ accountId, reason }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async BlockAccount(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Registry.blockAccount);
    const change = parseRequest(Registry.blockAccount, request);
    return changeAccountStatus(ctx, change, 'BlockAccount', ['open'], 'blocked');
  }

  /** Unblocks a blocked account. Request: `{ accountId, reason }`. Caller: RegulatorMSP / regulator. */
  @Transaction()
  @Returns('string')
  public async UnblockAccount(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Registry.unblockAccount);
    const change = parseRequest(Registry.unblockAccount, request);
    return changeAccountStatus(ctx, change, 'UnblockAccount', ['blocked'], 'open');
  }

  /**
   * Closes an empty enterprise account for good. National accounts are never closed.
   * Request: `{ accountId, reason }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async CloseAccount(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Registry.closeAccount);
    const change = parseRequest(Registry.closeAccount, request);
    return changeAccountStatus(ctx, change, 'CloseAccount', ['open', 'blocked'], 'closed');
  }

  /** An entity with its installations. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetEntity(ctx: Context, entityId: string): Promise<string> {
    authorizeTransaction(ctx, Registry.getEntity);
    const [id] = parseArgs(Registry.getEntity, ['entityId'], [entityId]);
    const store = new Store(ctx);
    const entity = await requireEntity(store, id);
    const installations: Installation[] = [];
    for (const installationId of entity.installationIds) {
      installations.push(await requireInstallation(store, installationId));
    }
    return JSON.stringify({ ...entity, installations });
  }

  /** An installation. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetInstallation(ctx: Context, installationId: string): Promise<string> {
    authorizeTransaction(ctx, Registry.getInstallation);
    const [id] = parseArgs(Registry.getInstallation, ['installationId'], [installationId]);
    return JSON.stringify(await requireInstallation(new Store(ctx), id));
  }

  /** An account (its status and owner, not its holdings). Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetAccount(ctx: Context, accountId: string): Promise<string> {
    authorizeTransaction(ctx, Registry.getAccount);
    const [id] = parseArgs(Registry.getAccount, ['accountId'], [accountId]);
    return JSON.stringify(await requireAccount(new Store(ctx), id));
  }
}
