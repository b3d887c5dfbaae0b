import { Registry } from '@carbon-ets/contract';
import { type Facade, facadeOf } from './facade';

export type {
  Account,
  AccountKind,
  AccountOpening,
  AccountStatus,
  AccountStatusChange,
  Entity,
  EntityKind,
  EntityRegistration,
  EntityWithInstallations,
  Installation,
  InstallationsAddition,
  InstallationSpec,
} from '@carbon-ets/contract';
export { NATIONAL_ACCOUNTS } from '@carbon-ets/contract';

/** `Registry`: entities, installations and accounts (writes: the regulator). */
export const RegistryClient = facadeOf(Registry);
export type RegistryClient = Facade<typeof Registry>;
