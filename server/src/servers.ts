import { CONNECTION_DIR_VARIABLE } from '@carbon-ets/gateway-client';
import {
  isAlive,
  listPidFiles,
  loadTopology,
  nodeAddress,
  placement,
  Progress,
  runPaths,
  startNode,
  stopNode,
  type Topology,
} from '@carbon-ets/network';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serverPaths } from './server-paths';

/** The compiled entry point of one server (`npm run build` writes it), from src/ (tests) or dist/ alike. */
const SERVE_SCRIPT = path.resolve(__dirname, '..', 'dist', 'cli', 'serve.js');

/** Where each org's server answers. */
export interface ServerEndpoint {
  readonly organization: string;
  readonly url: string;
}

/** The five member servers' addresses, from the topology. */
export function serverEndpoints(topology: Topology = loadTopology()): ServerEndpoint[] {
  return topology.organizations.map((org) => ({
    organization: org.name,
    url: `http://${nodeAddress(topology, serverPaths.processName(org.name))}:${org.server.port}`,
  }));
}

async function healthy(url: string): Promise<boolean> {
  try {
    const answer = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
    return answer.ok;
  } catch {
    return false;
  }
}

/**
 * Starts every org's member server as a detached process with a pid file in the network's run folder (so
 * `network:down` stops it by pid) and waits until each answers `/healthz`. A server already running is kept.
 */
export async function startServers(
  progress = new Progress(),
  topology: Topology = loadTopology(),
  timeoutMs = 90_000,
): Promise<ServerEndpoint[]> {
  if (!existsSync(SERVE_SCRIPT)) {
    throw new Error(`${SERVE_SCRIPT} is missing: run npm run build first`);
  }
  const endpoints = serverEndpoints(topology);
  const running = new Set(
    listPidFiles()
      .filter(isAlive)
      .map((record) => record.name),
  );
  progress.step(`Starting the member servers (${endpoints.length})`);
  for (const { organization } of endpoints) {
    const name = serverPaths.processName(organization);
    if (running.has(name)) continue;
    startNode({
      name,
      command: process.execPath,
      args: [SERVE_SCRIPT, '--org', organization],
      env: { ...process.env, [CONNECTION_DIR_VARIABLE]: runPaths.connection },
      ...placement(topology, name),
    });
  }
  const deadline = Date.now() + timeoutMs;
  for (const { organization, url } of endpoints) {
    const name = serverPaths.processName(organization);
    while (!(await healthy(url))) {
      const record = listPidFiles().find((pid) => pid.name === name);
      if (record === undefined || !isAlive(record) || Date.now() > deadline) {
        const log = runPaths.log(name);
        const tail = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
        throw new Error(
          `the ${organization} server did not start (${url}); its log ${log} ends with:\n${tail}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  progress.done();
  return endpoints;
}

/** Stops the member servers by their pid files (the network keeps running); returns how many were running. */
export async function stopServers(topology: Topology = loadTopology()): Promise<number> {
  const names = new Set(topology.organizations.map((org) => serverPaths.processName(org.name)));
  let stopped = 0;
  for (const record of listPidFiles().filter((pid) => names.has(pid.name))) {
    if (await stopNode(record)) stopped++;
  }
  return stopped;
}
