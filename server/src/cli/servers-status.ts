import { serverPaths } from '../server-paths';
import { serverEndpoints } from '../servers';
import { runCommand } from './run-command';

// npm run servers:status — where each org's console and API answer, whether they do, and the demo logins.
runCommand(async () => {
  for (const { organization, url } of serverEndpoints()) {
    const up = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (answer) => answer.ok,
      () => false,
    );
    process.stdout.write(
      `  ${organization.padEnd(12)} console ${url}  API document ${url}/docs  ${up ? 'up' : 'DOWN'}\n`,
    );
  }
  process.stdout.write(
    `Demo logins (user and initial password per org): ${serverPaths.passwords} (readable by you only)\n`,
  );
});
