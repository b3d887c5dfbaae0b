import { ROLES, type Role } from '@carbon-ets/contract';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  connectionSettingsFile,
  type OrgConnectionSettings,
  type UserIdentityFiles,
} from './connection-settings';
import { GatewayClientError } from './errors';

const execFileAsync = promisify(execFile);

export { ROLES, type Role };

export interface NewUser {
  readonly name: string;
  readonly role: Role;
  /** The enterprise the user acts for (`carbon.entity`); operators and traders need one. */
  readonly entity?: string;
  /** Enrolment secret; a random one is generated when absent. */
  readonly secret?: string;
}

/**
 * Registers a user with the org's Fabric CA, as the org's registrar, with `carbon.role` (and
 * `carbon.entity`) written into its enrolment certificates. Returns the enrolment secret.
 */
export async function registerUser(settings: OrgConnectionSettings, user: NewUser): Promise<string> {
  if (!/^[a-z][a-z0-9._-]{1,63}$/.test(user.name)) {
    throw new GatewayClientError(
      'INVALID_USER',
      `user name "${user.name}" must be 2-64 of a-z 0-9 . _ - and start with a letter`,
    );
  }
  if (!ROLES.includes(user.role)) {
    throw new GatewayClientError(
      'INVALID_USER',
      `role "${user.role as string}" is not one of ${ROLES.join(', ')}`,
    );
  }
  if ((user.role === 'operator' || user.role === 'trader') && !user.entity) {
    throw new GatewayClientError(
      'INVALID_USER',
      `an ${user.role} needs --entity, the enterprise it acts for`,
    );
  }
  if (user.entity !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(user.entity)) {
    throw new GatewayClientError('INVALID_USER', `entity "${user.entity}" must be 1-64 of A-Z a-z 0-9 . _ -`);
  }
  const secret = user.secret ?? randomBytes(18).toString('base64url');
  const attrs = [
    `carbon.role=${user.role}:ecert`,
    ...(user.entity ? [`carbon.entity=${user.entity}:ecert`] : []),
  ].join(',');
  await fabricCaClient(settings, [
    'register',
    '-u',
    settings.ca.url,
    '--mspdir',
    settings.ca.registrarMspDir,
    '--id.name',
    user.name,
    '--id.secret',
    secret,
    '--id.type',
    'client',
    '--id.attrs',
    attrs,
  ]);
  return secret;
}

/**
 * Enrols a registered user: the key pair is generated locally, the certificate issued by the org's CA.
 * Files are written with owner-only permissions and the user is added to the org's connection settings.
 */
export async function enrollUser(
  settings: OrgConnectionSettings,
  name: string,
  secret: string,
  /** The folder the org's settings were read from; defaults to `$CARBON_CONNECTION_DIR`. */
  settingsDir?: string,
): Promise<UserIdentityFiles> {
  const dir = path.join(settings.ca.identitiesDir, name);
  const msp = path.join(dir, 'msp');
  // Enrol into a fresh folder and swap it in only on success: a failed enrolment loses no identity.
  const pending = path.join(dir, 'msp.pending');
  rmSync(pending, { recursive: true, force: true });
  mkdirSync(pending, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  // https://<name>:<secret>@host:port, without the trailing slash URL#toString adds (the CA rejects it).
  const { protocol, host } = new URL(settings.ca.url);
  const url = `${protocol}//${encodeURIComponent(name)}:${encodeURIComponent(secret)}@${host}`;
  try {
    await fabricCaClient(settings, ['enroll', '-u', url, '--mspdir', pending, '--csr.cn', name]);
    const keystore = path.join(pending, 'keystore');
    const [key] = readdirSync(keystore).filter((file) => file.endsWith('_sk'));
    if (key === undefined)
      throw new GatewayClientError('IDENTITY_FILES', `enrolment of ${name} wrote no private key`);
    renameSync(path.join(keystore, key), path.join(keystore, 'key.pem'));
    chmodSync(path.join(keystore, 'key.pem'), 0o600);
  } catch (err) {
    rmSync(pending, { recursive: true, force: true });
    throw err;
  }
  rmSync(msp, { recursive: true, force: true });
  renameSync(pending, msp);
  const keystore = path.join(msp, 'keystore');
  const files: UserIdentityFiles = {
    certificateFile: path.join(msp, 'signcerts', 'cert.pem'),
    privateKeyFile: path.join(keystore, 'key.pem'),
  };
  const updated: OrgConnectionSettings = { ...settings, users: { ...settings.users, [name]: files } };
  writeFileSync(
    connectionSettingsFile(settings.organization, settingsDir),
    `${JSON.stringify(updated, null, 2)}\n`,
  );
  return files;
}

async function fabricCaClient(settings: OrgConnectionSettings, args: readonly string[]): Promise<void> {
  const home = path.join(settings.ca.identitiesDir, '..', 'ca-client-home');
  mkdirSync(home, { recursive: true, mode: 0o700 });
  try {
    await execFileAsync(
      settings.ca.clientBinary,
      [...args, '--caname', settings.ca.caName, '--tls.certfiles', settings.ca.tlsRootCertFile],
      { env: { PATH: process.env.PATH, FABRIC_CA_CLIENT_HOME: home }, timeout: 30_000 },
    );
  } catch (err) {
    const output = `${(err as { stdout?: string }).stdout ?? ''}${(err as { stderr?: string }).stderr ?? ''}`;
    const reason = /Error: (.*)/.exec(output)?.[1] ?? (err as Error).message;
    throw new GatewayClientError('CA_REQUEST', `Fabric CA ${args[0] ?? ''} failed: ${reason}`, undefined, {
      cause: err,
    });
  }
}
