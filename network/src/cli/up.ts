import { NetworkError } from '../errors';
import { up } from '../network';
import { main } from './main';

// npm run network:up — build Fabric if needed, start the consortium and deploy the chaincode.
main(async () => {
  const args = process.argv.slice(2);
  if (args.length > 0) {
    // `--purge` belongs to network:down; taking it here silently would keep the ledger the user meant to drop.
    throw new NetworkError(
      `unknown option ${args.join(' ')}`,
      'network:up takes no options; for a fresh ledger run `npm run network:down -- --purge` first',
    );
  }
  await up();
});
