import { type Command, requiredOption } from '../command';
import { facades, optionalText, show, wholeOption } from './support';

export const tradeProposeCommand: Command = {
  name: 'trade propose',
  summary:
    'Trader/operator: offer a negotiated trade to a named buyer entity; locks the units (Market:ProposeTrade)',
  options: {
    account: { type: 'string', description: 'your selling account' },
    buyer: { type: 'string', description: 'the buyer entity, e.g. ENT2' },
    instrument: { type: 'string', description: 'e.g. allowance-2030' },
    price: { type: 'string', description: 'fen per tonne' },
    quantity: { type: 'string', description: 'tonnes' },
    'expires-at': { type: 'string', description: 'ISO time the offer lapses' },
  },
  async run(context) {
    const expiresAt = optionalText(context, 'expires-at');
    const proposal = await facades(context).market.proposeTrade({
      accountId: requiredOption(context, 'account'),
      buyerEntityId: requiredOption(context, 'buyer'),
      instrument: requiredOption(context, 'instrument'),
      price: wholeOption(context, 'price'),
      quantity: wholeOption(context, 'quantity'),
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });
    show(context, proposal);
  },
};
