/**
 * How long a member server takes to rebuild its read model from block 0 on the running network:
 * `npx ts-node bench/read-model-rebuild.ts [--org Auditor]`. Starts that org's member server in this process
 * on an empty database in a temporary folder (no market operator, a free port), waits until its read model has
 * applied every block the org's peer has, and prints the time, blocks per second and the database's size.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONNECTION_DIR_VARIABLE,
  connectAs,
  ledgerHeight,
  loadConnectionSettings,
} from '@carbon-ets/gateway-client';
import { runPaths } from '@carbon-ets/network';
import { startMemberServer } from '@carbon-ets/server';

const { values } = parseArgs({ options: { org: { type: 'string', default: 'Auditor' } } });
const ORGANIZATION = values.org;
process.env[CONNECTION_DIR_VARIABLE] ??= runPaths.connection;

const log = (line: string): void => {
  process.stderr.write(`[read-model-rebuild] ${line}\n`);
};

async function main(): Promise<void> {
  const user = Object.keys(loadConnectionSettings(ORGANIZATION).users)[0];
  if (user === undefined) throw new Error(`${ORGANIZATION} has no user in its connection settings`);
  const probe = connectAs({ organization: ORGANIZATION, user });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'read-model-'));
  try {
    const target = await ledgerHeight(probe);
    log(`${ORGANIZATION}'s peer is at height ${target}; rebuilding into ${dataDir}`);
    const started = performance.now();
    const server = await startMemberServer({
      organization: ORGANIZATION,
      dataDir,
      port: 0,
      marketOperator: false,
    });
    try {
      let last = performance.now();
      while (server.readModel.height() < target) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        if (performance.now() - last > 30_000) {
          last = performance.now();
          log(`${server.readModel.height()} of ${target} blocks applied`);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      // The database and its write-ahead log, as the server leaves them.
      const bytes = ['server.db', 'server.db-wal']
        .map((file) => path.join(dataDir, file))
        .reduce((sum, file) => sum + (existsSync(file) ? statSync(file).size : 0), 0);
      process.stdout.write(
        `${ORGANIZATION}'s read model rebuilt from block 0 to height ${target} in ${seconds.toFixed(1)} s ` +
          `(${(Number(target) / seconds).toFixed(0)} blocks/s); server.db ${(bytes / 2 ** 20).toFixed(1)} MiB.\n`,
      );
    } finally {
      await server.close();
    }
  } finally {
    probe.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
