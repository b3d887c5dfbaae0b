/**
 * The network package's public entry point: what the integration tests and the bench use to start, stop,
 * inspect and fault the local consortium. Anything not exported here is internal to `network`.
 */
export { down, status, up, type NetworkStatus, type UpResult } from './network';
export { restartNode, type RestartResult } from './node-restart';
export { networkNodes, resolveNode, type NetworkNode } from './network-nodes';
export { stateDatabaseDir, tamperLotQuantity, type LotTampered, type LotTampering } from './statedb-tamper';
export { loadTopology, type OrdererNode, type PeerOrganization, type Topology } from './topology';
export { NetworkError } from './errors';
export { createHosts, hostsExist, removeHosts, setHostLink } from './host-namespaces';
export {
  BRIDGE_NAMESPACE,
  clientsHost,
  consortiumHosts,
  hostOfNode,
  MULTI_HOST_VARIABLE,
  multiHostMode,
  nodeAddress,
  placement,
  type ConsortiumHost,
} from './hosts';
export { Progress } from './progress';
export { REPO_ROOT, runPaths } from './paths';
export { blockHeight, ordererHeight } from './channel';
export { waitUntilServing } from './readiness';
export { isHealthy, isRaftLeader } from './health';
export { ordererProcess } from './node-config';
export {
  isAlive,
  listPidFiles,
  readPidFile,
  startNode,
  stopNode,
  type NodeProcess,
  type PidRecord,
} from './process-supervisor';
