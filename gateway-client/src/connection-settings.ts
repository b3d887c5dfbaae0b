import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GatewayClientError } from './errors';

/** A user's CA-issued identity files and the attributes it was registered with. */
export interface UserIdentityFiles {
  readonly certificateFile: string;
  readonly privateKeyFile: string;
  readonly role?: string;
  readonly entity?: string;
}

/**
 * What a client of one organisation needs: its peer's endpoint and TLS root, the channel and chaincode,
 * and its users' identity files. `network:up` writes one file per org to `network/run/connection/`.
 */
export interface OrgConnectionSettings {
  readonly organization: string;
  readonly mspId: string;
  readonly peerEndpoint: string;
  readonly peerHostAlias: string;
  readonly tlsRootCertFile: string;
  readonly channel: string;
  readonly chaincode: string;
  /** The ordering service's batch timeout: the longest a transaction waits for its block to be cut. */
  readonly batchTimeoutMs?: number;
  readonly users: Readonly<Record<string, UserIdentityFiles>>;
  /** The org's Fabric CA, for enrolling and registering users. */
  readonly ca: CaSettings;
}

/** How to reach an org's Fabric CA with its client binary. */
export interface CaSettings {
  readonly url: string;
  readonly caName: string;
  readonly tlsRootCertFile: string;
  readonly clientBinary: string;
  /** MSP folder of the org's registrar, the identity allowed to register new users. */
  readonly registrarMspDir: string;
  /** Where enrolled users' identity folders go (`<dir>/<user>/msp`). */
  readonly identitiesDir: string;
}

/** Default folder of connection settings: `$CARBON_CONNECTION_DIR`, else the local network's run folder. */
export function defaultSettingsDir(): string {
  return (
    process.env.CARBON_CONNECTION_DIR ?? path.resolve(__dirname, '..', '..', 'network', 'run', 'connection')
  );
}

/** Reads the settings of one organisation (by name, case-insensitive). */
export function loadConnectionSettings(
  organization: string,
  dir = defaultSettingsDir(),
): OrgConnectionSettings {
  const file = path.join(dir, `${organization.toLowerCase()}.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new GatewayClientError(
      'NO_CONNECTION_SETTINGS',
      `no connection settings for organisation "${organization}" at ${file}`,
      'start the network with `npm start` (or `npm run network:up`), or set CARBON_CONNECTION_DIR',
    );
  }
  return JSON.parse(text) as OrgConnectionSettings;
}
