import { EXIT_CODES, printError } from '@carbon-ets/contract';
import { startServers } from '../servers';
import { serverPaths } from '../server-paths';

// npm run servers:up — starts the five member servers after `network:up` (network:down stops them).
startServers().then(
  (endpoints) => {
    for (const { organization, url } of endpoints) {
      process.stdout.write(`  ${organization.padEnd(12)} ${url}  (API document ${url}/docs)\n`);
    }
    process.stdout.write(`Demo users' initial passwords: ${serverPaths.passwords} (readable by you only)\n`);
    process.exit(EXIT_CODES.ok);
  },
  (err: unknown) => {
    process.exit(
      printError(err, {
        write: (line) => process.stderr.write(`${line}\n`),
        debug: Boolean(process.env.DEBUG),
      }),
    );
  },
);
