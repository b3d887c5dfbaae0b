import { stopServers } from '../servers';
import { runCommand } from './run-command';

// npm run servers:down — stops the member servers by pid and leaves the network running.
runCommand(async () => {
  process.stdout.write(`Stopped ${await stopServers()} member server(s).\n`);
});
