import { Market, OFF_CHANNEL } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { formatAmount } from '../../money';
import { instrumentCurrency } from './money-options';
import { contractRequest } from './contract-request';
import { facades, show } from './support';

export const tradeAcceptCommand: Command = {
  name: 'trade accept',
  summary: 'Trader/operator of the named buyer: accept a proposal, settled DvP at once (Market:AcceptTrade)',
  options: {
    proposal: { type: 'string', description: 'the proposal id' },
    account: { type: 'string', description: 'your paying and receiving account' },
  },
  async run(context) {
    const request = contractRequest(Market.acceptTrade, {
      proposalId: requiredOption(context, 'proposal'),
      accountId: requiredOption(context, 'account'),
    });
    const { market, period } = facades(context);
    // The currency is read before accepting, so that printing the trade cannot fail once it is settled.
    const offered = await market.getProposal(request.proposalId);
    const currency = await instrumentCurrency(period, offered.instrument);
    const { proposal, trade } = await market.acceptTrade(request);
    show(
      context,
      { proposal, trade },
      {
        proposal: proposal.id,
        status: proposal.status,
        trade: trade.id,
        // A trade paid off-channel has no public price (this command cannot accept one yet).
        price: trade.price === undefined ? OFF_CHANNEL : formatAmount(trade.price, currency),
        quantity: trade.quantity,
        value: trade.value === undefined ? OFF_CHANNEL : formatAmount(trade.value, currency),
      },
    );
  },
};
