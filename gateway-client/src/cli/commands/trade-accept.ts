import { Market } from '@carbon-ets/contract';
import { type Command, ExpectedError, requiredOption } from '../command';
import { formatAmount } from '../../money';
import { instrumentCurrency, moneyOptionSpec, optionalPrice } from './money-options';
import { contractRequest } from './contract-request';
import { facades, optionalText, show } from './support';

export const tradeAcceptCommand: Command = {
  name: 'trade accept',
  summary:
    'Trader/operator of the named buyer: accept a proposal, settled DvP at once, or (off-channel) delivered free of payment (Market:AcceptTrade)',
  options: {
    proposal: { type: 'string', description: 'the proposal id' },
    account: { type: 'string', description: 'your paying and receiving account' },
    'agreed-price': moneyOptionSpec(
      'off-channel proposals: the private price per tonne agreed with the seller',
    ),
    'price-nonce': { type: 'string', description: 'off-channel proposals: the nonce the seller gave you' },
  },
  async run(context) {
    const agreedPrice = optionalPrice(context, 'agreed-price');
    const priceNonce = optionalText(context, 'price-nonce');
    if ((agreedPrice === undefined) !== (priceNonce === undefined)) {
      throw new ExpectedError('--agreed-price and --price-nonce go together (an off-channel proposal)');
    }
    const request = contractRequest(Market.acceptTrade, {
      proposalId: requiredOption(context, 'proposal'),
      accountId: requiredOption(context, 'account'),
      ...(agreedPrice === undefined || priceNonce === undefined ? {} : { agreedPrice, priceNonce }),
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
        ...(trade.price === undefined || trade.value === undefined
          ? {
              settlement: `${trade.settlement ?? ''} (delivered free of payment: pay the seller outside the ledger)`,
              agreedPrice:
                agreedPrice === undefined ? '' : `${formatAmount(agreedPrice, currency)} (private)`,
              quantity: trade.quantity,
            }
          : {
              price: formatAmount(trade.price, currency),
              quantity: trade.quantity,
              value: formatAmount(trade.value, currency),
            }),
      },
    );
  },
};
