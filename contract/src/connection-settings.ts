import { z } from 'zod';
import { unlessMissing } from './config-issues';
import { ROLES } from './roles';

const path = z.string().min(1, 'must be a non-empty path');
const text = z.string().min(1, 'must be a non-empty string');

/** A user's CA-issued identity files and the attributes it was registered with. */
export const UserIdentityFilesSchema = z
  .strictObject({
    certificateFile: path,
    privateKeyFile: path,
    role: z.enum(ROLES, `must be one of ${ROLES.join(', ')}`).optional(),
    entity: text.optional(),
  })
  .readonly();
export type UserIdentityFiles = z.infer<typeof UserIdentityFilesSchema>;

/** How to reach an org's Fabric CA with its client binary. */
export const CaSettingsSchema = z
  .strictObject({
    url: z.url(unlessMissing('must be a URL such as https://127.0.0.1:7054')),
    caName: text,
    tlsRootCertFile: path,
    clientBinary: path,
    /** MSP folder of the org's registrar, the identity allowed to register new users. */
    registrarMspDir: path,
    /** Where enrolled users' identity folders go (`<dir>/<user>/msp`). */
    identitiesDir: path,
  })
  .readonly();
export type CaSettings = z.infer<typeof CaSettingsSchema>;

/**
 * What a client of one organisation needs: its peer's endpoint and TLS root, the channel and chaincode, its
 * users' identity files and its CA. The network writes one file per org (`<org>.json`, lower case) into the
 * folder of connection settings; the client reads it, and `identity enroll` adds the users it enrols.
 */
export const OrgConnectionSettingsSchema = z
  .strictObject({
    organization: text,
    mspId: text,
    peerEndpoint: z.string().regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port'),
    peerHostAlias: text,
    tlsRootCertFile: path,
    channel: text,
    chaincode: text,
    /** The ordering service's batch timeout: the longest a transaction waits for its block to be cut. */
    batchTimeoutMs: z.int('must be a whole number of milliseconds').positive().optional(),
    users: z.record(z.string(), UserIdentityFilesSchema).readonly(),
    /** The org's Fabric CA, for enrolling and registering users. */
    ca: CaSettingsSchema,
    /** Where the org's member server listens (absent in settings written before round 2). */
    server: z
      .strictObject({ host: text, port: z.int().min(1).max(65535) })
      .readonly()
      .optional(),
  })
  .readonly();
export type OrgConnectionSettings = z.infer<typeof OrgConnectionSettingsSchema>;

/**
 * Set to `1` (by `npm run network:hosts -- exec`) to run the consortium as if on several machines (see
 * network/src/hosts.ts); the network then keeps its run folder, and so its connection settings, under
 * `network/run-hosts` instead of `network/run`.
 */
export const MULTI_HOST_VARIABLE = 'CARBON_MULTI_HOST';

/** The run folder's name under `network/`: `run-hosts` in multi-host mode, `run` otherwise. */
export function runFolderName(env: NodeJS.ProcessEnv = process.env): string {
  return env[MULTI_HOST_VARIABLE] === '1' ? 'run-hosts' : 'run';
}
