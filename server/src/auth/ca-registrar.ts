import type { OrgConnectionSettings } from '@carbon-ets/contract';
import type { Role } from '@carbon-ets/contract';
import {
  enrollUser,
  GatewayClientError,
  loadConnectionSettings,
  registerUser,
} from '@carbon-ets/gateway-client';
import { AuthError } from './errors';

/** A user to register with the org's Fabric CA and enrol into the org's wallet. */
export interface CaUser {
  readonly name: string;
  readonly role: Role;
  readonly entity?: string;
}

/**
 * The server's way to the org's Fabric CA, an interface so that unit tests register users without a CA.
 * Failures are {@link AuthError}s: INVALID_ARGUMENT, CONFLICT (the CA knows the name) or UNAVAILABLE.
 */
export interface CaRegistrar {
  /** Whether the org's wallet already holds an identity of that name. */
  hasIdentity(name: string): boolean;
  /** Registers the user (with `carbon.role`, `carbon.entity`) and enrols it into the org's wallet. */
  registerAndEnroll(user: CaUser): Promise<void>;
}

/**
 * The real registrar: `registerUser` then `enrollUser` with the org's connection settings, read afresh for each
 * user (another process, or an earlier registration, may have added users to the file since the server started;
 * enrolling from a stale copy would drop them) and one registration at a time (each rewrites the settings file).
 */
export function fabricCaRegistrar(organization: string, settingsDir?: string): CaRegistrar {
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    hasIdentity: (name) => name in loadConnectionSettings(organization, settingsDir).users,
    registerAndEnroll: (user) =>
      serially(async () => {
        try {
          const settings = loadConnectionSettings(organization, settingsDir);
          if (user.name in settings.users) {
            throw new AuthError('CONFLICT', `the wallet already holds an identity named ${user.name}`);
          }
          checkRoleOfOrg(settings, user);
          const secret = await registerUser(settings, user);
          await enrollUser(loadConnectionSettings(organization, settingsDir), user.name, secret, settingsDir);
        } catch (err) {
          throw asAuthError(err);
        }
      }),
  };
}

/**
 * A new user may hold only a role (and act only for an entity) that this org's identities hold already, as the
 * topology gave them: the chaincode ties the institutional roles to their org's MSP and the enterprise roles to
 * the entities that MSP owns, and the server's read model and event stream trust the role and entity of its own
 * users — a `regulator` registered by an enterprise's admin would otherwise see every entity's data there.
 */
function checkRoleOfOrg(settings: OrgConnectionSettings, user: CaUser): void {
  const identities = Object.values(settings.users);
  if (!identities.some((identity) => identity.role === user.role)) {
    throw new AuthError('FORBIDDEN', `${settings.organization}'s users cannot hold the role ${user.role}`);
  }
  if (user.entity !== undefined && !identities.some((identity) => identity.entity === user.entity)) {
    throw new AuthError('FORBIDDEN', `${settings.organization}'s users cannot act for entity ${user.entity}`);
  }
}

/** A CA client's failure, without the command line (its URL carries the enrolment secret). */
function withoutSecrets(message: string): string {
  return message.replace(/\/\/[^/\s:@]+:[^@\s]+@/g, '//***@');
}

function asAuthError(err: unknown): unknown {
  if (!(err instanceof GatewayClientError)) return err;
  if (err.code === 'INVALID_USER') return new AuthError('INVALID_ARGUMENT', err.message);
  if (/already registered/i.test(err.message)) {
    return new AuthError(
      'CONFLICT',
      `the org's Fabric CA already has a user of that name: ${withoutSecrets(err.message)}`,
    );
  }
  return new AuthError('UNAVAILABLE', withoutSecrets(err.message));
}
