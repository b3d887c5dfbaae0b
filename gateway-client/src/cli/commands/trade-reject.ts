import { type Command, requiredOption } from '../command';
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
    const proposal = await facades(context).market.rejectTrade({
      proposalId: requiredOption(context, 'proposal'),
      ...(reason === undefined ? {} : { reason }),
    });
    show(context, proposal);
  },
};
