import { evaluate } from '../../submit';
import type { Command } from '../command';
import { decodeResult } from '../output';

export const whoamiCommand: Command = {
  name: 'whoami',
  summary: 'Show who the chaincode sees: MSP id, carbon.role and carbon.entity of --org/--user',
  async run(context) {
    const connection = context.connect();
    const answer = decodeResult(await evaluate(connection.contract, 'System:WhoAmI')) as Record<
      string,
      unknown
    >;
    context.printRecord({ organization: connection.settings.organization, user: connection.user, ...answer });
  },
};
