import type { Role } from '@carbon-ets/contract';
import type { AuthStore } from './auth-store';
import type { CaRegistrar } from './ca-registrar';
import { AuthError } from './errors';
import { checkNewUser, type ServerUser } from './user-store';

/** A user the org's admin registers: a ledger role is required, since the CA issues an identity with it. */
export interface UserRegistration {
  readonly name: string;
  readonly role: Role;
  readonly entity?: string;
  /** The initial password, which the admin hands to the user. */
  readonly password: string;
  /** Whether the new user may register users too. */
  readonly admin?: boolean;
}

/**
 * Registers a user end to end: checks the request, refuses a name the server or the wallet already has
 * (CONFLICT), registers and enrols the identity with the org's Fabric CA, then stores the server user. The CA
 * goes first: a server user without a wallet identity could log in but never act.
 */
export async function registerServerUser(
  store: AuthStore,
  registrar: CaRegistrar,
  registration: UserRegistration,
): Promise<ServerUser> {
  checkNewUser(registration);
  if (store.users.get(registration.name) !== undefined || registrar.hasIdentity(registration.name)) {
    throw new AuthError('CONFLICT', `user ${registration.name} already exists`);
  }
  await registrar.registerAndEnroll({
    name: registration.name,
    role: registration.role,
    ...(registration.entity !== undefined ? { entity: registration.entity } : {}),
  });
  return store.users.create(registration);
}
