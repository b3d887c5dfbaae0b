import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeFile } from '../compose';
import { REPO_ROOT } from '../paths';
import { loadTopology } from '../topology';
import { main } from './main';

// npm run compose — regenerate docker-compose.yaml from network/topology.yaml.
main(() => {
  const file = path.join(REPO_ROOT, 'docker-compose.yaml');
  writeFileSync(file, composeFile(loadTopology()));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  return Promise.resolve();
});
