import { serverPaths } from '../server-paths';
import { startServers } from '../servers';
import { runCommand } from './run-command';

// npm run servers:up — starts the five member servers after `network:up` (network:down stops them).
runCommand(async () => {
  for (const { organization, url } of await startServers()) {
    process.stdout.write(`  ${organization.padEnd(12)} console ${url}  API document ${url}/docs\n`);
  }
  process.stdout.write(
    `Demo logins (user and initial password per org): ${serverPaths.passwords} (readable by you only)\n`,
  );
});
