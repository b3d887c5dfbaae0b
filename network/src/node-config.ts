import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { identityPaths, ORG_ADMIN, orgPaths } from './crypto-material';
import { fabricBinary, moduleSourceDir } from './fabric-binaries';
import { REPO_ROOT, runPaths } from './paths';
import type { NodeProcess } from './process-supervisor';
import type { OrdererNode, PeerOrganization, Topology } from './topology';
import { peerNodeName } from './topology';
import { nodeAddress, placement } from './hosts';

/** The chaincode-as-a-service external builder shipped in this repository. */
const CCAAS_BUILDER_DIR = path.join(REPO_ROOT, 'network', 'builders', 'ccaas');

const peerConfigDir = (): string => path.join(runPaths.config, 'peer');
const ordererConfigDir = (): string => path.join(runPaths.config, 'orderer');

/**
 * Copies Fabric's stock core.yaml and orderer.yaml from the module source. Two changes are made in the
 * copy because they cannot be expressed as environment overrides: no Docker endpoint (there is no Docker
 * engine; with an endpoint set the peer's health check never reports OK), and the external builder
 * for chaincode-as-a-service. Everything else is set per node through environment variables.
 */
export function writeNodeConfig(topology: Topology): void {
  const source = path.join(moduleSourceDir(topology.fabric), 'sampleconfig');
  mkdirSync(peerConfigDir(), { recursive: true });
  mkdirSync(ordererConfigDir(), { recursive: true });
  const core = parseDocument(readFileSync(path.join(source, 'core.yaml'), 'utf8'));
  core.setIn(['vm', 'endpoint'], '');
  core.setIn(
    ['chaincode', 'externalBuilders'],
    [{ name: 'ccaas', path: CCAAS_BUILDER_DIR, propagateEnvironment: [] }],
  );
  writeFileSync(path.join(peerConfigDir(), 'core.yaml'), core.toString());
  copyFileSync(path.join(source, 'orderer.yaml'), path.join(ordererConfigDir(), 'orderer.yaml'));
}

const baseEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  FABRIC_LOGGING_SPEC: process.env.FABRIC_LOGGING_SPEC ?? 'info',
});

export function ordererProcess(topology: Topology, orderer: OrdererNode): NodeProcess {
  const ids = identityPaths(orgPaths(topology.ordering.name).node(orderer.name));
  const data = path.join(runPaths.data, orderer.name);
  const host = nodeAddress(topology, orderer.name);
  return {
    name: orderer.name,
    ...placement(topology, orderer.name),
    command: fabricBinary(topology.fabric, 'orderer'),
    args: [],
    env: {
      ...baseEnv(),
      FABRIC_CFG_PATH: ordererConfigDir(),
      ORDERER_GENERAL_LISTENADDRESS: host,
      ORDERER_GENERAL_LISTENPORT: String(orderer.port),
      ORDERER_GENERAL_LOCALMSPID: topology.ordering.mspId,
      ORDERER_GENERAL_LOCALMSPDIR: ids.msp,
      ORDERER_GENERAL_TLS_ENABLED: 'true',
      ORDERER_GENERAL_TLS_PRIVATEKEY: ids.tlsKey,
      ORDERER_GENERAL_TLS_CERTIFICATE: ids.tlsCert,
      ORDERER_GENERAL_TLS_ROOTCAS: `[${ids.tlsCa}]`,
      ORDERER_GENERAL_BOOTSTRAPMETHOD: 'none',
      ORDERER_CHANNELPARTICIPATION_ENABLED: 'true',
      ORDERER_FILELEDGER_LOCATION: path.join(data, 'ledger'),
      ORDERER_CONSENSUS_WALDIR: path.join(data, 'etcdraft', 'wal'),
      ORDERER_CONSENSUS_SNAPDIR: path.join(data, 'etcdraft', 'snapshot'),
      ORDERER_OPERATIONS_LISTENADDRESS: `${host}:${orderer.operationsPort}`,
      ORDERER_METRICS_PROVIDER: 'prometheus',
      ORDERER_ADMIN_LISTENADDRESS: `${host}:${orderer.adminPort}`,
      ORDERER_ADMIN_TLS_ENABLED: 'true',
      ORDERER_ADMIN_TLS_CERTIFICATE: ids.tlsCert,
      ORDERER_ADMIN_TLS_PRIVATEKEY: ids.tlsKey,
      ORDERER_ADMIN_TLS_ROOTCAS: `[${ids.tlsCa}]`,
      ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED: 'true',
      ORDERER_ADMIN_TLS_CLIENTROOTCAS: `[${ids.tlsCa}]`,
    },
  };
}

export function peerProcess(topology: Topology, org: PeerOrganization): NodeProcess {
  const ids = identityPaths(orgPaths(org.name).node(org.peer.name));
  const name = peerNodeName(org);
  const data = path.join(runPaths.data, name);
  const host = nodeAddress(topology, name);
  const address = `${host}:${org.peer.port}`;
  return {
    name,
    ...placement(topology, name),
    command: fabricBinary(topology.fabric, 'peer'),
    args: ['node', 'start'],
    env: {
      ...baseEnv(),
      FABRIC_CFG_PATH: peerConfigDir(),
      CORE_PEER_ID: name,
      CORE_PEER_ADDRESS: address,
      CORE_PEER_LISTENADDRESS: address,
      CORE_PEER_CHAINCODEADDRESS: `${host}:${org.peer.chaincodePort}`,
      CORE_PEER_CHAINCODELISTENADDRESS: `${host}:${org.peer.chaincodePort}`,
      CORE_PEER_GOSSIP_BOOTSTRAP: address,
      CORE_PEER_GOSSIP_EXTERNALENDPOINT: address,
      // A peer that missed another org's peer at start-up (the anchor peer not listening yet) tries again
      // after reconnectInterval (25 s in core.yaml); state info carries the chaincodes a peer runs. Shorter
      // intervals let discovery see the whole consortium within seconds of start-up.
      CORE_PEER_GOSSIP_RECONNECTINTERVAL: '3s',
      CORE_PEER_GOSSIP_PUBLISHSTATEINFOINTERVAL: '1s',
      CORE_PEER_GOSSIP_REQUESTSTATEINFOINTERVAL: '1s',
      // A transaction the client re-broadcast (no commit status in time) can be ordered twice; the copy is
      // invalid (DUPLICATE_TXID), and its private data left the transient store with the first commit. By
      // default every member peer then waits pullRetryThreshold (60 s) for it before committing the block:
      // seen to stall four of five peers for a minute per duplicate under a load of carbon-index submissions.
      // An invalid transaction's private data is never applied, so do not pull it.
      CORE_PEER_GOSSIP_PVTDATA_SKIPPULLINGINVALIDTRANSACTIONSDURINGCOMMIT: 'true',
      // The gateway tries the orderers one after another; an orderer that died mid-connection holds a
      // broadcast until this timeout (30 s in core.yaml), so give up on it quickly and try the next.
      CORE_PEER_GATEWAY_BROADCASTTIMEOUT: '2s',
      // A peer cut off from the other organisations would hold each endorsement for 30 s (core.yaml) before
      // failing. Endorsement by three organisations takes well under a second, a 400-fill clearing round a few
      // seconds of chaincode; 5 s was seen to expire under heavy load (32 large writes at once), so 10 s.
      CORE_PEER_GATEWAY_ENDORSEMENTTIMEOUT: '10s',
      CORE_PEER_LOCALMSPID: org.mspId,
      CORE_PEER_MSPCONFIGPATH: ids.msp,
      CORE_PEER_TLS_ENABLED: 'true',
      CORE_PEER_TLS_CERT_FILE: ids.tlsCert,
      CORE_PEER_TLS_KEY_FILE: ids.tlsKey,
      CORE_PEER_TLS_ROOTCERT_FILE: ids.tlsCa,
      CORE_PEER_FILESYSTEMPATH: data,
      CORE_LEDGER_SNAPSHOTS_ROOTDIR: path.join(data, 'snapshots'),
      CORE_LEDGER_STATE_STATEDATABASE: 'goleveldb',
      CORE_OPERATIONS_LISTENADDRESS: `${host}:${org.peer.operationsPort}`,
      CORE_METRICS_PROVIDER: 'prometheus',
      CORE_VM_ENDPOINT: '',
      // For measurement only (BENCHMARKS.md, "Inside a peer"): `CARBON_PEER_PROFILE=1` serves Go's pprof on the
      // operations port + 100.
      ...(process.env.CARBON_PEER_PROFILE === '1'
        ? {
            CORE_PEER_PROFILE_ENABLED: 'true',
            CORE_PEER_PROFILE_LISTENADDRESS: `${host}:${org.peer.operationsPort + 100}`,
          }
        : {}),
    },
  };
}

/** Environment for the `peer` CLI acting as an org's admin against its own peer. */
export function peerAdminEnv(topology: Topology, org: PeerOrganization): NodeJS.ProcessEnv {
  const paths = orgPaths(org.name);
  return {
    ...baseEnv(),
    FABRIC_LOGGING_SPEC: 'warning',
    FABRIC_CFG_PATH: peerConfigDir(),
    CORE_PEER_LOCALMSPID: org.mspId,
    CORE_PEER_MSPCONFIGPATH: identityPaths(paths.user(ORG_ADMIN)).msp,
    CORE_PEER_ADDRESS: `${nodeAddress(topology, peerNodeName(org))}:${org.peer.port}`,
    CORE_PEER_TLS_ENABLED: 'true',
    CORE_PEER_TLS_ROOTCERT_FILE: identityPaths(paths.node(org.peer.name)).tlsCa,
  };
}

/** The CA file that verifies orderer TLS certificates. */
export function ordererTlsCa(topology: Topology): string {
  return path.join(orgPaths(topology.ordering.name).msp, 'tlscacerts', 'ca.pem');
}

/** The CA file that verifies an org's peer TLS certificate. */
export function peerTlsCa(org: PeerOrganization): string {
  return path.join(orgPaths(org.name).msp, 'tlscacerts', 'ca.pem');
}
