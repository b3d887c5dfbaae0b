import { type Command, requiredOption } from '../command';
import { facades, show } from './support';

export const tradeAcceptCommand: Command = {
  name: 'trade accept',
  summary: 'Trader/operator of the named buyer: accept a proposal, settled DvP at once (Market:AcceptTrade)',
  options: {
    proposal: { type: 'string', description: 'the proposal id' },
    account: { type: 'string', description: 'your paying and receiving account' },
  },
  async run(context) {
    const { proposal, trade } = await facades(context).market.acceptTrade({
      proposalId: requiredOption(context, 'proposal'),
      accountId: requiredOption(context, 'account'),
    });
    show(
      context,
      { proposal, trade },
      {
        proposal: proposal.id,
        status: proposal.status,
        trade: trade.id,
        price: trade.price,
        quantity: trade.quantity,
        value: trade.value,
      },
    );
  },
};
