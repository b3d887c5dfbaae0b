import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { NetworkError } from './errors';
import { retry, run } from './exec';
import { fabricBinary } from './fabric-binaries';
import { runPaths } from './paths';
import type { NodeProcess } from './process-supervisor';
import type { Topology } from './topology';
import { multiHostMode, nodeAddress, placement } from './hosts';

/** The name of the CA of an organisation inside the single fabric-ca-server process. */
export function caName(org: string): string {
  return `ca-${org.toLowerCase()}`;
}

/** Organisation names with a CA: the orderer org (the server's default CA) then every peer org. */
function caOrganizations(topology: Topology): string[] {
  return [topology.ordering.name, ...topology.organizations.map((o) => o.name)];
}

/** The CA's own certificate: root of trust for the org's MSP and for TLS. */
export function caCertFile(org: string): string {
  return path.join(runPaths.ca, caName(org), 'ca-cert.pem');
}

/** TLS root for clients of the CA server itself (its TLS certificate is issued by the default CA). */
export function caServerTlsRoot(topology: Topology): string {
  return caCertFile(topology.ordering.name);
}

const BOOTSTRAP_SECRET_FILE = (): string => path.join(runPaths.ca, 'bootstrap-secrets.json');

/**
 * Random bootstrap (registrar) secrets, one per CA, kept only in the run folder with mode 0600.
 * Nothing secret ever goes on the ledger.
 */
function bootstrapSecrets(topology: Topology): Record<string, string> {
  const file = BOOTSTRAP_SECRET_FILE();
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const secrets = Object.fromEntries(caOrganizations(topology).map((org) => [org, randomSecret()]));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

export function randomSecret(): string {
  return randomBytes(18).toString('base64url');
}

/** One CA's configuration; `dir` is where its files live relative to the config file ('' = beside it). */
function caConfig(topology: Topology, org: string, secret: string, dir = ''): Record<string, unknown> {
  return {
    ca: { name: caName(org), certfile: path.join(dir, 'ca-cert.pem') },
    csr: {
      cn: `ca.${org.toLowerCase()}.${topology.domain}`,
      names: [{ C: 'CN', O: org, OU: 'carbon-ets' }],
      hosts: ['localhost', topology.host, ...(multiHostMode() ? [nodeAddress(topology, 'ca')] : [])],
      ca: { expiry: '131400h', pathlength: 1 },
    },
    registry: {
      maxenrollments: -1,
      identities: [
        {
          name: 'admin',
          pass: secret,
          type: 'client',
          affiliation: '',
          attrs: {
            'hf.Registrar.Roles': '*',
            'hf.Registrar.DelegateRoles': '*',
            'hf.Registrar.Attributes': '*',
            'hf.Revoker': true,
            'hf.IntermediateCA': true,
            'hf.GenCRL': true,
            'hf.AffiliationMgr': true,
          },
        },
      ],
    },
    db: { type: 'sqlite3', datasource: path.join(dir, 'fabric-ca-server.db') },
    affiliations: {},
    // One signing profile for everything: certificates are usable for signing and for TLS server/client auth.
    signing: {
      default: {
        usage: ['digital signature', 'key encipherment', 'server auth', 'client auth'],
        expiry: '8760h',
      },
      profiles: {},
    },
  };
}

/**
 * Writes the server configuration: the orderer org's CA is the server's default CA, every peer org gets a
 * CA of its own from `--cafiles`.
 */
export function writeCaServerConfig(topology: Topology): void {
  const secrets = bootstrapSecrets(topology);
  const [defaultOrg, ...others] = caOrganizations(topology);
  if (defaultOrg === undefined) throw new NetworkError('topology has no organisations');
  for (const org of caOrganizations(topology))
    mkdirSync(path.join(runPaths.ca, caName(org)), { recursive: true });
  const server = {
    // The default CA keeps its files in a sub-folder too, so every CA is laid out the same way.
    ...caConfig(topology, defaultOrg, secrets[defaultOrg] ?? '', caName(defaultOrg)),
    port: topology.ca.port,
    address: nodeAddress(topology, 'ca'),
    // No certificate given: the server issues its own TLS certificate from the default CA (tls-cert.pem).
    tls: { enabled: true },
    operations: {
      listenAddress: `${nodeAddress(topology, 'ca')}:${topology.ca.operationsPort}`,
      tls: { enabled: false },
    },
    cafiles: others.map((org) => path.join(caName(org), 'fabric-ca-server-config.yaml')),
  };
  writeFileSync(path.join(runPaths.ca, 'fabric-ca-server-config.yaml'), stringify(server), { mode: 0o600 });
  for (const org of others) {
    writeFileSync(
      path.join(runPaths.ca, caName(org), 'fabric-ca-server-config.yaml'),
      stringify(caConfig(topology, org, secrets[org] ?? '')),
      { mode: 0o600 },
    );
  }
}

/** The fabric-ca-server process. */
export function caServerProcess(topology: Topology): NodeProcess {
  return {
    name: 'ca',
    command: fabricBinary(topology.fabricCa, 'fabric-ca-server'),
    args: ['start', '--home', runPaths.ca],
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    ...placement(topology, 'ca'),
  };
}

/** A client of one org's CA; every enrolment and registration in the network goes through it. */
export class CaClient {
  private readonly binary: string;
  private readonly url: string;

  constructor(
    private readonly topology: Topology,
    readonly org: string,
  ) {
    this.binary = fabricBinary(topology.fabricCa, 'fabric-ca-client');
    this.url = `https://${nodeAddress(topology, 'ca')}:${topology.ca.port}`;
  }

  /** Folder of the CA's registrar (bootstrap admin) MSP. */
  get registrarMsp(): string {
    return path.join(runPaths.crypto, this.org.toLowerCase(), 'ca-registrar', 'msp');
  }

  /** Enrols the bootstrap registrar of this CA (needed before any registration). */
  async enrollRegistrar(): Promise<void> {
    const secret = bootstrapSecrets(this.topology)[this.org];
    if (secret === undefined) throw new NetworkError(`no CA bootstrap secret for ${this.org}`);
    await retry(() => this.enroll('admin', secret, this.registrarMsp), 15_000);
  }

  /**
   * Registers an identity. `attributes` are added to enrolment certificates by default (`:ecert`),
   * which is how `carbon.role` and `carbon.entity` reach the chaincode.
   */
  async register(
    name: string,
    secret: string,
    type: 'peer' | 'orderer' | 'admin' | 'client',
    attributes: Readonly<Record<string, string>> = {},
  ): Promise<void> {
    const attrs = Object.entries(attributes)
      .map(([key, value]) => `${key}=${value}:ecert`)
      .join(',');
    await run(
      this.binary,
      [
        'register',
        '-u',
        this.url,
        '--caname',
        caName(this.org),
        '--mspdir',
        this.registrarMsp,
        '--tls.certfiles',
        caServerTlsRoot(this.topology),
        '--id.name',
        name,
        '--id.secret',
        secret,
        '--id.type',
        type,
        ...(attrs ? ['--id.attrs', attrs] : []),
      ],
      { env: this.env() },
    );
  }

  /**
   * Enrols an identity into `mspDir` and normalises the layout: `signcerts/cert.pem`,
   * `keystore/key.pem` (mode 0600) and `cacerts/ca.pem`. With `tlsHosts`, the certificate is issued for
   * those host names and addresses (TLS server certificates).
   */
  async enroll(name: string, secret: string, mspDir: string, tlsHosts?: readonly string[]): Promise<void> {
    rmSync(mspDir, { recursive: true, force: true });
    mkdirSync(mspDir, { recursive: true });
    await run(
      this.binary,
      [
        'enroll',
        '-u',
        `https://${encodeURIComponent(name)}:${encodeURIComponent(secret)}@${nodeAddress(this.topology, 'ca')}:${this.topology.ca.port}`,
        '--caname',
        caName(this.org),
        '--mspdir',
        mspDir,
        '--tls.certfiles',
        caServerTlsRoot(this.topology),
        ...(tlsHosts ? ['--csr.hosts', tlsHosts.join(',')] : []),
        '--csr.cn',
        name,
      ],
      { env: this.env() },
    );
    normaliseMsp(mspDir);
  }

  private env(): NodeJS.ProcessEnv {
    // The client writes its own config file into its home; keep that out of the user's home.
    const home = path.join(runPaths.ca, 'client-home', this.org.toLowerCase());
    mkdirSync(home, { recursive: true });
    return { PATH: process.env.PATH, HOME: process.env.HOME, FABRIC_CA_CLIENT_HOME: home };
  }
}

function normaliseMsp(mspDir: string): void {
  const keystore = path.join(mspDir, 'keystore');
  const [key] = readdirSync(keystore).filter((f) => f.endsWith('_sk'));
  if (key === undefined) throw new NetworkError(`enrolment wrote no private key into ${keystore}`);
  renameSync(path.join(keystore, key), path.join(keystore, 'key.pem'));
  chmodSync(path.join(keystore, 'key.pem'), 0o600);
  const cacerts = path.join(mspDir, 'cacerts');
  const [cacert] = readdirSync(cacerts);
  if (cacert === undefined) throw new NetworkError(`enrolment wrote no CA certificate into ${cacerts}`);
  renameSync(path.join(cacerts, cacert), path.join(cacerts, 'ca.pem'));
  for (const leftover of ['IssuerPublicKey', 'IssuerRevocationPublicKey', 'user']) {
    rmSync(path.join(mspDir, leftover), { recursive: true, force: true });
  }
}
