import { z } from 'zod';
import { Id, list, OneOf, optional, PositiveDecimalString, strictObject, Text } from './fields';
import { ANYONE, read, type RequestOf, write } from './transaction';

/** Kinds of participants the regulator registers. Verifiers hold no units. */
export const ENTITY_KINDS = ['covered', 'trader', 'verifier'] as const;
export const EntityKind = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKind>;

/**
 * Account kinds. The three national accounts belong to the regulator and have fixed ids; an operator holding
 * account belongs to one installation; trading accounts belong to covered enterprises or traders.
 */
export const ACCOUNT_KINDS = ['allocation', 'auction', 'deletion', 'holding', 'trading'] as const;
export const AccountKind = z.enum(ACCOUNT_KINDS);
export type AccountKind = z.infer<typeof AccountKind>;

/** Open accounts can send and receive; blocked accounts are frozen by the regulator; closed is final. */
export const ACCOUNT_STATUSES = ['open', 'blocked', 'closed'] as const;
export const AccountStatus = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof AccountStatus>;

/** Fixed ids of the national accounts, so every transaction can find them without a lookup table. */
export const NATIONAL_ACCOUNTS = {
  allocation: 'NATIONAL-ALLOCATION',
  auction: 'NATIONAL-AUCTION',
  deletion: 'NATIONAL-DELETION',
} as const;

/** A registered participant. Its users carry `carbon.entity = id` in certificates issued by `ownerMsp`'s CA. */
export const Entity = z
  .object({
    id: z.string(),
    kind: EntityKind,
    name: z.string(),
    /** The org whose peers must endorse any debit of this entity's units. */
    ownerMsp: z.string(),
    /** Ids of this entity's installations (each is its own `installation` object). */
    installationIds: z.array(z.string()).readonly(),
    registeredAt: z.string(),
  })
  .readonly();
export type Entity = z.infer<typeof Entity>;

/** A physical installation of a covered enterprise: the unit of MRV reporting and compliance. */
export const Installation = z
  .object({
    id: z.string(),
    entityId: z.string(),
    name: z.string(),
    /** Sector code, e.g. `power`, `steel`, `cement`. */
    sector: z.string(),
    /** Rated capacity as a decimal string in `capacityUnit` (e.g. "600" MW). */
    capacity: z.string(),
    capacityUnit: z.string(),
    /** The operator holding account opened for this installation, once opened. */
    holdingAccountId: z.string().optional(),
  })
  .readonly();
export type Installation = z.infer<typeof Installation>;

/** An entity with its installations, as `Registry:GetEntity` answers. */
export const EntityWithInstallations = z
  .object({ ...Entity.unwrap().shape, installations: z.array(Installation).readonly() })
  .readonly();
export type EntityWithInstallations = z.infer<typeof EntityWithInstallations>;

export const Account = z
  .object({
    id: z.string(),
    kind: AccountKind,
    /** Owning entity; absent for national accounts. */
    entityId: z.string().optional(),
    /** For holding accounts: the installation the account serves. */
    installationId: z.string().optional(),
    /** Org that must endorse debits of this account's lots (RegulatorMSP for national accounts). */
    ownerMsp: z.string(),
    status: AccountStatus,
    openedAt: z.string(),
    statusChangedAt: z.string().optional(),
    statusReason: z.string().optional(),
  })
  .readonly();
export type Account = z.infer<typeof Account>;

/** One installation of a registration: `name` defaults to the id, `capacityUnit` to MW. */
export const InstallationSpec = strictObject({
  id: Id,
  name: optional(Text()),
  /** Sector code, e.g. `power`, `steel`. */
  sector: Id,
  /** Rated capacity, decimal string (e.g. "600"). */
  capacity: PositiveDecimalString,
  capacityUnit: optional(Text(16)),
});
export type InstallationSpec = z.input<typeof InstallationSpec>;

/** A status change of an account (block, unblock, close; Market's freeze and unfreeze), with its reason. */
export const AccountStatusChange = strictObject({ accountId: Id, reason: Text(1000) });
export type AccountStatusChange = z.input<typeof AccountStatusChange>;

/** `Registry`: entities, installations and accounts. Every write is the regulator's; anyone may read. */
export const Registry = {
  registerEntity: write({
    contract: 'Registry',
    name: 'RegisterEntity',
    roles: ['regulator'],
    label: 'entity',
    summary: 'Registers a covered enterprise, trader or verifier with its installations',
    request: strictObject({
      id: Id,
      kind: OneOf(ENTITY_KINDS),
      /** Only covered enterprises have installations. */
      installations: optional(list(InstallationSpec, 200)),
      name: Text(),
      /** The org whose peers endorse debits of this entity's units, e.g. `Enterprise1MSP`. */
      ownerMsp: Id,
    }),
    answer: Entity,
  }),
  addInstallations: write({
    contract: 'Registry',
    name: 'AddInstallations',
    roles: ['regulator'],
    label: 'installations',
    summary: 'Adds installations to a registered covered enterprise',
    request: strictObject({ entityId: Id, installations: list(InstallationSpec, 200) }),
    answer: Entity,
  }),
  openAccount: write({
    contract: 'Registry',
    name: 'OpenAccount',
    roles: ['regulator'],
    label: 'account',
    summary:
      'Opens an account: a national one by kind alone (fixed id), a trading account of an entity, or the holding account of an installation',
    request: strictObject({
      kind: OneOf(ACCOUNT_KINDS),
      /** Not for national accounts (their ids are fixed). */
      id: optional(Id),
      /** `holding` and `trading` accounts. */
      entityId: optional(Id),
      /** `holding` accounts only. */
      installationId: optional(Id),
    }),
    answer: Account,
  }),
  blockAccount: write({
    contract: 'Registry',
    name: 'BlockAccount',
    roles: ['regulator'],
    label: 'request',
    summary: 'Blocks an open account: no units leave or enter it until it is unblocked',
    request: AccountStatusChange,
    answer: Account,
  }),
  unblockAccount: write({
    contract: 'Registry',
    name: 'UnblockAccount',
    roles: ['regulator'],
    label: 'request',
    summary: 'Unblocks a blocked account',
    request: AccountStatusChange,
    answer: Account,
  }),
  closeAccount: write({
    contract: 'Registry',
    name: 'CloseAccount',
    roles: ['regulator'],
    label: 'request',
    summary: 'Closes an empty enterprise account for good (national accounts are never closed)',
    request: AccountStatusChange,
    answer: Account,
  }),
  getEntity: read({
    contract: 'Registry',
    name: 'GetEntity',
    roles: ANYONE,
    label: 'entityId',
    summary: 'An entity with its installations',
    args: [Id],
    answer: EntityWithInstallations,
  }),
  getInstallation: read({
    contract: 'Registry',
    name: 'GetInstallation',
    roles: ANYONE,
    label: 'installationId',
    summary: 'An installation',
    args: [Id],
    answer: Installation,
  }),
  getAccount: read({
    contract: 'Registry',
    name: 'GetAccount',
    roles: ANYONE,
    label: 'accountId',
    summary: 'An account: its status and owner, not its holdings',
    args: [Id],
    answer: Account,
  }),
} as const;

/** Names of the requests, as clients use them. */
export type EntityRegistration = RequestOf<typeof Registry.registerEntity>;
export type AccountOpening = RequestOf<typeof Registry.openAccount>;
export type InstallationsAddition = RequestOf<typeof Registry.addInstallations>;
