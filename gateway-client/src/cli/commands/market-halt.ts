import { type Command, requiredOption } from '../command';
import { facades, show } from './support';

export const marketHaltCommand: Command = {
  name: 'market halt',
  summary: 'Regulator: halt all trading (orders, matching, proposals) (Market:HaltMarket)',
  options: { reason: { type: 'string', description: 'why (recorded on the ledger)' } },
  async run(context) {
    show(context, await facades(context).market.haltMarket({ reason: requiredOption(context, 'reason') }));
  },
};
