import { Market } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, show } from './support';

export const marketResumeCommand: Command = {
  name: 'market resume',
  summary: 'Regulator: resume trading after a halt (Market:ResumeMarket)',
  options: { reason: { type: 'string', description: 'why (recorded on the ledger)' } },
  async run(context) {
    const request = contractRequest(Market.resumeMarket, { reason: requiredOption(context, 'reason') });
    show(context, await facades(context).market.resumeMarket(request));
  },
};
