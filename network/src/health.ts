import { connect } from 'node:net';
import { request } from 'node:http';

/**
 * GETs `path` from a node's operations endpoint: the status code and body, or undefined when the node does
 * not answer within `timeoutMs`.
 */
function operationsGet(
  host: string,
  port: number,
  path: string,
  timeoutMs: number,
): Promise<{ status: number | undefined; body: string } | undefined> {
  return new Promise((resolve) => {
    const req = request({ host, port, path, method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode, body });
      });
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(undefined);
    });
    req.on('error', () => {
      resolve(undefined);
    });
    req.end();
  });
}

/** Asks a node's operations endpoint `/healthz`; true only for HTTP 200 (status OK). */
export async function isHealthy(host: string, port: number, timeoutMs = 2000): Promise<boolean> {
  return (await operationsGet(host, port, '/healthz', timeoutMs))?.status === 200;
}

/** True if something accepts TCP connections on host:port (chaincode servers have no health endpoint). */
export function isListening(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: timeoutMs });
    const done = (result: boolean): void => {
      socket.destroy();
      resolve(result);
    };
    socket.once('connect', () => {
      done(true);
    });
    socket.once('timeout', () => {
      done(false);
    });
    socket.once('error', () => {
      done(false);
    });
  });
}

/** Reads a node's Prometheus metrics from its operations endpoint (empty text if unreachable). */
async function metrics(host: string, port: number, timeoutMs = 2000): Promise<string> {
  return (await operationsGet(host, port, '/metrics', timeoutMs))?.body ?? '';
}

/** True if this orderer reports itself Raft leader of the channel. */
export async function isRaftLeader(host: string, operationsPort: number, channel: string): Promise<boolean> {
  const text = await metrics(host, operationsPort);
  return text.includes(`consensus_etcdraft_is_leader{channel="${channel}"} 1`);
}
