import { spawn } from 'node:child_process';
import path from 'node:path';
import { NetworkError } from '../errors';
import { ensureFabricBinaries } from '../fabric-binaries';
import { createHosts, hostsExist, removeHosts } from '../host-namespaces';
import { clientsHost, MULTI_HOST_VARIABLE } from '../hosts';
import { REPO_ROOT } from '../paths';
import { Progress } from '../progress';
import { loadTopology } from '../topology';
import { main } from './main';

const USAGE = 'usage: npm run network:hosts -- up | down | exec <command…> | test <command…>';

/** Runs a command on the clients' host (its namespace) in multi-host mode; resolves with its exit code. */
function inClientsHost(namespace: string, command: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('ip', ['netns', 'exec', namespace, ...command], {
      stdio: 'inherit',
      cwd: REPO_ROOT,
      env: { ...process.env, [MULTI_HOST_VARIABLE]: '1' },
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const TS_NODE = path.join(REPO_ROOT, 'node_modules', '.bin', 'ts-node');
const DOWN_SCRIPT = path.join(REPO_ROOT, 'network', 'src', 'cli', 'down.ts');

// npm run network:hosts -- up | down | exec <command…> | test <command…>
//   up    creates the hosts of multi-host mode (network namespaces on one bridge, see network/src/hosts.ts)
//   down  stops a multi-host network by its pids, deletes its run folder and every host
//   exec  runs a command on the clients' host with CARBON_MULTI_HOST=1 (creating the hosts if needed)
//   test  builds Fabric, creates the hosts, runs the command (the fault tests) there, then removes everything
main(async () => {
  const [verb, ...command] = process.argv.slice(2);
  const topology = loadTopology();
  const progress = new Progress();
  const clients = clientsHost(topology);
  const teardown = async (): Promise<void> => {
    await inClientsHost(clients.namespace, [TS_NODE, DOWN_SCRIPT, '--purge']);
    const removed = await removeHosts(topology);
    progress.info(`Removed ${removed} network namespace(s)`);
  };
  switch (verb) {
    case 'up': {
      const hosts = await createHosts(topology);
      progress.info(
        `${hosts.length} hosts: ${hosts.map((h) => `${h.name} ${h.address} (${h.namespace})`).join(', ')}`,
      );
      return;
    }
    case 'down':
      // Stopping needs the namespaces only to exist; create none if they are gone.
      await teardown().catch(async () => {
        await removeHosts(topology);
      });
      return;
    case 'exec':
    case 'test': {
      if (command.length === 0) throw new NetworkError('name the command to run', USAGE);
      if (verb === 'test') {
        // The Go module proxy is reachable only from the machine's own network: build before moving in.
        await ensureFabricBinaries(topology, progress);
        await createHosts(topology);
      } else if (!(await hostsExist(topology))) {
        await createHosts(topology);
      }
      let code = 1;
      try {
        code = await inClientsHost(clients.namespace, command);
      } finally {
        if (verb === 'test') await teardown();
      }
      process.exitCode = code;
      if (code !== 0) throw new NetworkError(`${command.join(' ')} exited with ${code}`);
      return;
    }
    default:
      throw new NetworkError(verb === undefined ? 'name what to do' : `unknown verb ${verb}`, USAGE);
  }
});
