import { Market } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, show } from './support';

export const tradeRejectCommand: Command = {
  name: 'trade reject',
  summary: "The named buyer: reject a proposal; the seller's units are unlocked (Market:RejectTrade)",
  options: {
    proposal: { type: 'string', description: 'the proposal id' },
    reason: { type: 'string', description: 'why' },
  },
  async run(context) {
    const reason = optionalText(context, 'reason');
    const request = contractRequest(Market.rejectTrade, {
      proposalId: requiredOption(context, 'proposal'),
      ...(reason === undefined ? {} : { reason }),
    });
    const proposal = await facades(context).market.rejectTrade(request);
    show(context, proposal);
  },
};
