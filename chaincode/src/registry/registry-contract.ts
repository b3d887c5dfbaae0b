import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import { conflict, failedPrecondition, invalidArgument } from '../errors';
import { Anyone, Regulator, authorize } from '../identity/access';
import { RegulatorMsp } from '../identity/msp';
import { emitEvent } from '../ledger/events';
import { InputReader, parseId } from '../ledger/input';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { ACCOUNT_KINDS, NationalAccount, type Account, type AccountKind } from './account';
import { ENTITY_KINDS, type Entity, type Installation } from './entity';
import { changeAccountStatus } from './account-status';
import { requireAccount, requireEntity, requireInstallation } from './registry-reads';

/** Keys of one installation in a RegisterEntity or AddInstallations request. */
const INSTALLATION_KEYS = ['id', 'name', 'sector', 'capacity', 'capacityUnit'] as const;
/** Keys of a Registry:RegisterEntity request. */
const ENTITY_KEYS = ['id', 'kind', 'name', 'ownerMsp', 'installations'] as const;
/** Keys of a Registry:AddInstallations request. */
const ADD_INSTALLATIONS_KEYS = ['entityId', 'installations'] as const;
/** Keys of a Registry:OpenAccount request. */
const ACCOUNT_KEYS = ['kind', 'id', 'entityId', 'installationId'] as const;

function readInstallation(
  item: InputReader<(typeof INSTALLATION_KEYS)[number]>,
  entityId: string,
): Installation {
  return {
    id: item.id('id'),
    entityId,
    name: item.optionalText('name') ?? item.id('id'),
    sector: item.id('sector'),
    capacity: item.positiveDecimal('capacity'),
    capacityUnit: item.optionalText('capacityUnit', 16) ?? 'MW',
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
    authorize(ctx, 'RegisterEntity', [Regulator]);
    const input = InputReader.fromJson(request, 'entity', ENTITY_KEYS);
    const id = input.id('id');
    const kind = input.oneOf('kind', ENTITY_KINDS);
    const installations = input.optionalArray(
      'installations',
      INSTALLATION_KEYS,
      (item) => readInstallation(item, id),
      200,
    );
    if (kind !== 'covered' && installations.length > 0) {
      throw invalidArgument(`only covered enterprises have installations; ${id} is a ${kind}`);
    }
    const entity: Entity = {
      id,
      kind,
      name: input.text('name'),
      ownerMsp: input.id('ownerMsp'),
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
    authorize(ctx, 'AddInstallations', [Regulator]);
    const input = InputReader.fromJson(request, 'installations', ADD_INSTALLATIONS_KEYS);
    const entityId = input.id('entityId');
    const installations = input.array(
      'installations',
      INSTALLATION_KEYS,
      (item) => readInstallation(item, entityId),
      200,
    );
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
    authorize(ctx, 'OpenAccount', [Regulator]);
    const input = InputReader.fromJson(request, 'account', ACCOUNT_KEYS);
    const kind: AccountKind = input.oneOf('kind', ACCOUNT_KINDS);
    const store = new Store(ctx);
    const openedAt = txTime(ctx);
    let account: Account;
    let installationUpdate: Installation | undefined;
    if (kind === 'allocation' || kind === 'auction' || kind === 'deletion') {
      for (const name of ['id', 'entityId', 'installationId'] as const) {
        input.forbid(name, 'a national account (its id is fixed)');
      }
      account = { id: NationalAccount[kind], kind, ownerMsp: RegulatorMsp, status: 'open', openedAt };
    } else {
      const entity = await requireEntity(store, input.id('entityId'));
      if (entity.kind === 'verifier') {
        throw failedPrecondition(`verifier ${entity.id} cannot hold units`);
      }
      const id = input.id('id');
      if (kind === 'holding') {
        const installation = await requireInstallation(store, input.id('installationId'));
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
        input.forbid('installationId', 'a trading account');
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
    authorize(ctx, 'BlockAccount', [Regulator]);
    return changeAccountStatus(ctx, request, 'BlockAccount', ['open'], 'blocked');
  }

  /** Unblocks a blocked account. Request: `{ accountId, reason }`. Caller: RegulatorMSP / regulator. */
  @Transaction()
  @Returns('string')
  public async UnblockAccount(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'UnblockAccount', [Regulator]);
    return changeAccountStatus(ctx, request, 'UnblockAccount', ['blocked'], 'open');
  }

  /**
   * Closes an empty enterprise account for good. National accounts are never closed.
   * Request: `{ accountId, reason }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async CloseAccount(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'CloseAccount', [Regulator]);
    return changeAccountStatus(ctx, request, 'CloseAccount', ['open', 'blocked'], 'closed');
  }

  /** An entity with its installations. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetEntity(ctx: Context, entityId: string): Promise<string> {
    authorize(ctx, 'GetEntity', Anyone);
    const store = new Store(ctx);
    const entity = await requireEntity(store, parseId(entityId, 'entityId'));
    const installations: Installation[] = [];
    for (const id of entity.installationIds) {
      installations.push(await requireInstallation(store, id));
    }
    return JSON.stringify({ ...entity, installations });
  }

  /** An installation. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetInstallation(ctx: Context, installationId: string): Promise<string> {
    authorize(ctx, 'GetInstallation', Anyone);
    return JSON.stringify(
      await requireInstallation(new Store(ctx), parseId(installationId, 'installationId')),
    );
  }

  /** An account (its status and owner, not its holdings). Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetAccount(ctx: Context, accountId: string): Promise<string> {
    authorize(ctx, 'GetAccount', Anyone);
    return JSON.stringify(await requireAccount(new Store(ctx), parseId(accountId, 'accountId')));
  }
}
