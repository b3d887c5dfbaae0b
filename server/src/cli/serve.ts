import { EXIT_CODES } from '@carbon-ets/contract';
import { CONNECTION_DIR_VARIABLE } from '@carbon-ets/gateway-client';
import { runPaths } from '@carbon-ets/network';
import { Command, InvalidArgumentError } from 'commander';
import { startMemberServer } from '../member-server';
import { serverPaths } from '../server-paths';
import { runCommand } from './run-command';

// npm run serve -- --org <org> [--rebuild] [--port <port>] — runs one consortium member's server.

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InvalidArgumentError('must be a port number 1-65535');
  }
  return port;
}

const program = new Command('serve')
  .description(
    "Runs a consortium member's server (REST API, login, read model, notifications) before its peer",
  )
  .requiredOption('--org <organization>', 'the peer organisation, e.g. Enterprise1')
  .option('--rebuild', 'rebuild the read model from block 0 before serving')
  .option('--port <port>', 'listen on this port instead of the topology’s', portNumber)
  .option('--no-demo-users', 'do not create the demo users and their passwords file')
  .showHelpAfterError();

async function serve(): Promise<void> {
  program.parse();
  const options = program.opts<{ org: string; rebuild?: boolean; port?: number; demoUsers: boolean }>();
  process.env[CONNECTION_DIR_VARIABLE] ??= runPaths.connection;
  const server = await startMemberServer({
    organization: options.org,
    dataDir: serverPaths.data(options.org),
    logFile: serverPaths.requestLog(options.org),
    ...(options.demoUsers ? { passwordsFile: serverPaths.passwords } : {}),
    ...(options.rebuild === true ? { rebuild: true } : {}),
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  process.stdout.write(
    `${options.org} server listening on ${server.url} (API document ${server.url}/docs)` +
      `${options.rebuild === true ? '; rebuilding the read model from block 0' : ''}\n`,
  );
  const shutdown = (): void => {
    server.close().then(
      () => process.exit(EXIT_CODES.ok),
      () => process.exit(EXIT_CODES.failure),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

runCommand(serve, true);
