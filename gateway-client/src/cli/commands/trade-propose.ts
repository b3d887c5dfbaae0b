import { Market, OFF_CHANNEL } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { formatAmount } from '../../money';
import { instrumentCurrency, moneyOptionSpec, priceOption } from './money-options';
import { contractRequest } from './contract-request';
import { facades, optionalText, show, wholeOption } from './support';

export const tradeProposeCommand: Command = {
  name: 'trade propose',
  summary:
    'Trader/operator: offer a negotiated trade to a named buyer entity; locks the units (Market:ProposeTrade)',
  options: {
    account: { type: 'string', description: 'your selling account' },
    buyer: { type: 'string', description: 'the buyer entity, e.g. ENT2' },
    instrument: { type: 'string', description: 'e.g. allowance-2030' },
    price: moneyOptionSpec('price per tonne'),
    quantity: { type: 'string', description: 'tonnes' },
    'expires-at': { type: 'string', description: 'ISO time the offer lapses' },
  },
  async run(context) {
    const expiresAt = optionalText(context, 'expires-at');
    // Every option is checked before the connection opens: a mistyped price submits nothing.
    const request = contractRequest(Market.proposeTrade, {
      accountId: requiredOption(context, 'account'),
      buyerEntityId: requiredOption(context, 'buyer'),
      instrument: requiredOption(context, 'instrument'),
      price: priceOption(context, 'price'),
      quantity: wholeOption(context, 'quantity'),
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });
    const { market, period } = facades(context);
    const currency = await instrumentCurrency(period, request.instrument);
    const proposal = await market.proposeTrade(request);
    show(context, proposal, {
      ...proposal,
      price: proposal.price === undefined ? OFF_CHANNEL : formatAmount(proposal.price, currency),
    });
  },
};
