import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  configErrorMap,
  describeConfigIssue,
  type OrgConnectionSettings,
  OrgConnectionSettingsSchema,
} from '@carbon-ets/contract';
import { GatewayClientError } from './errors';

export type { CaSettings, OrgConnectionSettings, UserIdentityFiles } from '@carbon-ets/contract';

/** The environment variable that names the folder of connection settings. */
export const CONNECTION_DIR_VARIABLE = 'CARBON_CONNECTION_DIR';

/**
 * The folder of connection settings: the caller's `dir`, else `$CARBON_CONNECTION_DIR`. The library assumes
 * no folder layout of its own — it may run far from the network that wrote the files — so applications supply
 * the default (the CLI, the demo, the tests and the bench use `<cwd>/network/run/connection`).
 */
export function settingsDirOf(dir?: string): string {
  const chosen = dir ?? process.env[CONNECTION_DIR_VARIABLE];
  if (chosen === undefined || chosen === '') {
    throw new GatewayClientError(
      'NO_CONNECTION_SETTINGS',
      'no folder of connection settings was given',
      `pass settingsDir, or set ${CONNECTION_DIR_VARIABLE} (\`npm run network:up\` writes network/run/connection)`,
    );
  }
  return chosen;
}

/** The settings file of one organisation: `<dir>/<organisation in lower case>.json`. */
export function connectionSettingsFile(organization: string, dir?: string): string {
  return path.join(settingsDirOf(dir), `${organization.toLowerCase()}.json`);
}

/**
 * Reads and validates the settings of one organisation (by name, case-insensitive). A missing file is
 * NO_CONNECTION_SETTINGS; a file that does not match the contract's schema is BAD_CONNECTION_SETTINGS, one line
 * naming the file and the field.
 */
export function loadConnectionSettings(organization: string, dir?: string): OrgConnectionSettings {
  const file = connectionSettingsFile(organization, dir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new GatewayClientError(
      'NO_CONNECTION_SETTINGS',
      `no connection settings for organisation "${organization}" at ${file}`,
      `start the network with \`npm start\` (or \`npm run network:up\`), or set ${CONNECTION_DIR_VARIABLE}`,
    );
  }
  const fix = 'the network writes this file: run `npm run network:up` again, or correct the field';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new GatewayClientError('BAD_CONNECTION_SETTINGS', `${file}: ${(err as Error).message}`, fix);
  }
  const parsed = OrgConnectionSettingsSchema.safeParse(json, { error: configErrorMap });
  if (!parsed.success) {
    throw new GatewayClientError(
      'BAD_CONNECTION_SETTINGS',
      `${file}: ${describeConfigIssue(parsed.error)}`,
      fix,
    );
  }
  return parsed.data;
}
