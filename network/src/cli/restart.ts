import { NetworkError } from '../errors';
import { networkNodes } from '../network-nodes';
import { restartNode } from '../node-restart';
import { loadTopology } from '../topology';
import { main } from './main';

// npm run network:restart -- <node> — stop one node by its pid and start it again, waiting until it serves.
main(async () => {
  const args = process.argv.slice(2);
  const [name, ...rest] = args;
  if (name === undefined || name.startsWith('-') || rest.length > 0) {
    const names = networkNodes(loadTopology())
      .map((node) => node.name)
      .join(', ');
    throw new NetworkError(
      name === undefined ? 'name the node to restart' : `unexpected argument(s) ${args.join(' ')}`,
      `usage: npm run network:restart -- <node>, one of: ${names}`,
    );
  }
  await restartNode(name);
});
