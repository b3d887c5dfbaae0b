import { up } from '../network';
import { main } from './main';

// npm run network:up — build Fabric if needed, start the consortium and deploy the chaincode.
main(async () => {
  await up();
});
