import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { printError } from '@carbon-ets/contract';
import { CONNECTION_DIR_VARIABLE, loadConnectionSettings } from '@carbon-ets/gateway-client';
import { runPaths } from '@carbon-ets/network';
import { prepareBenchLedger } from '../bench-ledger';

/**
 * Writes what Caliper needs into network/run/caliper/: a network configuration and connection profile for
 * Enterprise1 (user trader1) generated from the network's own connection settings, and a fresh benchmark
 * ledger (funded accounts) for the transfer workload.
 */
async function main(): Promise<void> {
  // Caliper drives the network `npm run network:up` started: read the connection settings it wrote.
  process.env[CONNECTION_DIR_VARIABLE] ??= runPaths.connection;
  const dir = path.join(runPaths.root, 'caliper');
  mkdirSync(dir, { recursive: true });
  const settings = loadConnectionSettings('Enterprise1');
  const trader = settings.users.trader1;
  if (!trader) throw new Error('Enterprise1 has no user trader1');
  const peer = settings.peerHostAlias;
  const profile = {
    name: `carbon-${settings.organization.toLowerCase()}`,
    version: '1.0.0',
    client: { organization: settings.organization },
    organizations: { [settings.organization]: { mspid: settings.mspId, peers: [peer] } },
    peers: {
      [peer]: {
        url: `grpcs://${settings.peerEndpoint}`,
        tlsCACerts: { path: settings.tlsRootCertFile },
        grpcOptions: { 'ssl-target-name-override': peer },
      },
    },
  };
  const profileFile = path.join(dir, 'enterprise1-profile.json');
  writeFileSync(profileFile, JSON.stringify(profile, null, 2));
  const network = {
    name: 'carbon',
    version: '2.0.0',
    caliper: { blockchain: 'fabric' },
    channels: [{ channelName: settings.channel, contracts: [{ id: settings.chaincode }] }],
    organizations: [
      {
        mspid: settings.mspId,
        identities: {
          certificates: [
            {
              name: 'trader1',
              clientPrivateKey: { path: trader.privateKeyFile },
              clientSignedCert: { path: trader.certificateFile },
            },
          ],
        },
        connectionProfile: { path: profileFile, discover: true },
      },
    ],
  };
  writeFileSync(path.join(dir, 'network.yaml'), stringify(network));
  const ledger = await prepareBenchLedger(32, (line) => {
    process.stderr.write(`[caliper] ${line}\n`);
  });
  writeFileSync(path.join(dir, 'ledger.json'), JSON.stringify(ledger, null, 2));
  process.stderr.write(`[caliper] wrote ${dir}/{network.yaml,enterprise1-profile.json,ledger.json}\n`);
}

main().catch((err: unknown) => {
  process.exit(
    printError(err, {
      write: (line) => process.stderr.write(`${line}\n`),
      debug: Boolean(process.env.DEBUG),
    }),
  );
});
