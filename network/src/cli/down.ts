import { NetworkError } from '../errors';
import { down } from '../network';
import { main } from './main';

// npm run network:down [-- --purge] — stop our processes by pid; --purge also deletes the run folder.
main(async () => {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--purge');
  if (unknown.length > 0)
    throw new NetworkError(`unknown option ${unknown.join(' ')}`, 'usage: network:down [-- --purge]');
  await down({ purge: args.includes('--purge') });
});
