import { runPaths } from '@carbon-ets/network';
import path from 'node:path';

/** Where the member servers keep their files in the network's run folder (git-ignored). */
export const serverPaths = {
  /** One folder per org: the server's SQLite database. */
  data: (organization: string): string => path.join(runPaths.root, 'server', organization.toLowerCase()),
  /** The demo users' initial passwords (JSON lines, 0600). */
  passwords: path.join(runPaths.root, 'server', 'passwords.jsonl'),
  /** The process name: names its pid file and its log, so `network:down` stops it by pid. */
  processName: (organization: string): string => `server.${organization.toLowerCase()}`,
  requestLog: (organization: string): string =>
    path.join(runPaths.logs, `server.${organization.toLowerCase()}.requests.log`),
} as const;
