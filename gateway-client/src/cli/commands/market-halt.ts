import { Market } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, show } from './support';

export const marketHaltCommand: Command = {
  name: 'market halt',
  summary: 'Regulator: halt all trading (orders, matching, proposals) (Market:HaltMarket)',
  options: { reason: { type: 'string', description: 'why (recorded on the ledger)' } },
  async run(context) {
    const request = contractRequest(Market.haltMarket, { reason: requiredOption(context, 'reason') });
    show(context, await facades(context).market.haltMarket(request));
  },
};
