import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import {
  connect,
  type Contract,
  type Gateway,
  type Identity,
  type Network,
  hash,
  type Signer,
} from '@hyperledger/fabric-gateway';
import { createPrivateKey } from 'node:crypto';
import { loadConnectionSettings, type OrgConnectionSettings } from './connection-settings';
import { GatewayClientError } from './errors';
import { evaluatingOn, gatewayPeerSettings, loadGatewayPeerSettings } from './gateway-peer';
import { newNativeEcdsaSigner } from './native-signer';
import { type CommitWait, commitWaitFor } from './submit';

/** Assumed when the connection settings do not say how often the ordering service cuts a block. */
const DEFAULT_BATCH_TIMEOUT_MS = 500;

/**
 * Deadlines for each step of a transaction, in milliseconds. Waiting for the commit status has its own policy,
 * {@link CommitWait}, derived from the ordering service's batch timeout.
 */
export interface Deadlines {
  readonly evaluateMs: number;
  readonly endorseMs: number;
  readonly submitMs: number;
}

/**
 * Defaults sized for a local network: endorsement by three organisations takes well under a second, so these
 * leave room for a loaded 2-core machine.
 */
export const DEFAULT_DEADLINES: Deadlines = {
  evaluateMs: 10_000,
  endorseMs: 30_000,
  submitMs: 10_000,
};

export interface ConnectOptions {
  /** Organisation name from the topology, e.g. `Regulator` or `Enterprise1`. */
  readonly organization: string;
  /** User name registered with the org's CA, e.g. `regulator1`; defaults to the first registered user. */
  readonly user?: string;
  /** Folder with the per-org connection settings; defaults to `$CARBON_CONNECTION_DIR`. */
  readonly settingsDir?: string;
  readonly deadlines?: Partial<Deadlines>;
  /** Overrides the commit wait derived from the ordering service's batch timeout. */
  readonly commitWait?: Partial<CommitWait>;
  /**
   * Connect to this organisation's peer Gateway instead of the user's own, e.g. `Enterprise2` (any channel
   * member's identity is accepted there); the contract's evaluations are then endorsed by that peer only.
   */
  readonly gatewayPeer?: string;
}

/** An open Gateway connection as one user of one organisation. Close it when done. */
export interface CarbonConnection {
  readonly settings: OrgConnectionSettings;
  readonly user: string;
  readonly gateway: Gateway;
  readonly network: Network;
  /** The carbon chaincode; call transactions as `Contract:Function`. */
  readonly contract: Contract;
  /** How {@link submit} waits for commits on this network (see {@link CommitWait}). */
  readonly commitWait: CommitWait;
  close(): void;
}

/** Connects to the org's own peer (or `gatewayPeer`'s) over TLS with the user's CA-issued identity. */
export function connectAs(options: ConnectOptions): CarbonConnection {
  const own = loadConnectionSettings(options.organization, options.settingsDir);
  const peer =
    options.gatewayPeer === undefined
      ? undefined
      : loadGatewayPeerSettings(options.gatewayPeer, options.settingsDir);
  const settings = peer ? gatewayPeerSettings(own, peer) : own;
  const user =
    options.user ?? Object.keys(settings.users).find((name) => settings.users[name]?.role !== undefined);
  const files = user === undefined ? undefined : settings.users[user];
  if (user === undefined || files === undefined) {
    throw new GatewayClientError(
      'UNKNOWN_USER',
      `organisation ${settings.organization} has no user "${options.user ?? ''}"`,
      `known users: ${Object.keys(settings.users).join(', ')}`,
    );
  }
  const deadlines = { ...DEFAULT_DEADLINES, ...options.deadlines };
  const commitWait: CommitWait = {
    ...commitWaitFor(settings.batchTimeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS),
    ...options.commitWait,
  };
  const client = newGrpcClient(settings);
  const gateway = connect({
    client,
    identity: identityOf(settings.mspId, files.certificateFile),
    signer: signerOf(files.privateKeyFile),
    // The signer hashes the message itself (see newNativeEcdsaSigner).
    hash: hash.none,
    evaluateOptions: () => ({ deadline: Date.now() + deadlines.evaluateMs }),
    endorseOptions: () => ({ deadline: Date.now() + deadlines.endorseMs }),
    submitOptions: () => ({ deadline: Date.now() + deadlines.submitMs }),
    // For callers of the raw Gateway API; `submit` re-sends and waits per try instead.
    commitStatusOptions: () => ({ deadline: Date.now() + commitWait.totalMs }),
  });
  const network = gateway.getNetwork(settings.channel);
  return {
    settings,
    user,
    gateway,
    network,
    contract: peer
      ? evaluatingOn(network.getContract(settings.chaincode), peer.mspId)
      : network.getContract(settings.chaincode),
    commitWait,
    close: () => {
      gateway.close();
      client.close();
    },
  };
}

function newGrpcClient(settings: OrgConnectionSettings): grpc.Client {
  const tlsRoot = readIdentityFile(settings.tlsRootCertFile);
  return new grpc.Client(settings.peerEndpoint, grpc.credentials.createSsl(tlsRoot), {
    'grpc.ssl_target_name_override': settings.peerHostAlias,
  });
}

function identityOf(mspId: string, certificateFile: string): Identity {
  return { mspId, credentials: readIdentityFile(certificateFile) };
}

function signerOf(privateKeyFile: string): Signer {
  return newNativeEcdsaSigner(createPrivateKey(readIdentityFile(privateKeyFile)));
}

function readIdentityFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new GatewayClientError(
      'IDENTITY_FILES',
      `cannot read ${file}`,
      'is the network up? run `npm start`',
      { cause: err },
    );
  }
}
