import { runFolderName } from '@carbon-ets/contract';
import path from 'node:path';

/** Repository root (network/src → ../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Where built Fabric binaries are cached (git-ignored, reused across runs). */
export const CACHE_DIR = process.env.CARBON_CACHE_DIR ?? path.join(REPO_ROOT, '.cache');

/**
 * Everything a running network owns: keys, ledgers, logs, pid files (git-ignored). Multi-host mode keeps its
 * own folder, so a loopback network's ledger survives a run of the fault tests.
 */
export const RUN_DIR = process.env.CARBON_RUN_DIR ?? path.join(REPO_ROOT, 'network', runFolderName());

/** Layout of the run folder. */
export const runPaths = {
  root: RUN_DIR,
  logs: path.join(RUN_DIR, 'logs'),
  pids: path.join(RUN_DIR, 'pids'),
  data: path.join(RUN_DIR, 'data'),
  config: path.join(RUN_DIR, 'config'),
  ca: path.join(RUN_DIR, 'ca'),
  crypto: path.join(RUN_DIR, 'crypto'),
  channel: path.join(RUN_DIR, 'channel'),
  chaincode: path.join(RUN_DIR, 'chaincode'),
  connection: path.join(RUN_DIR, 'connection'),
  /** Written last by a successful bootstrap; its absence means the run folder is incomplete. */
  state: path.join(RUN_DIR, 'network.json'),
  log: (node: string): string => path.join(RUN_DIR, 'logs', `${node}.log`),
  pid: (node: string): string => path.join(RUN_DIR, 'pids', `${node}.pid`),
} as const;
