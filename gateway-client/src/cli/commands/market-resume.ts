import { type Command, requiredOption } from '../command';
import { facades, show } from './support';

export const marketResumeCommand: Command = {
  name: 'market resume',
  summary: 'Regulator: resume trading after a halt (Market:ResumeMarket)',
  options: { reason: { type: 'string', description: 'why (recorded on the ledger)' } },
  async run(context) {
    show(context, await facades(context).market.resumeMarket({ reason: requiredOption(context, 'reason') }));
  },
};
