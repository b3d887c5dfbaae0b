import { type Command, ExpectedError, requiredOption } from '../command';
import { facades, optionalText, show, wholeOption } from './support';

export const orderPlaceCommand: Command = {
  name: 'order place',
  summary:
    'Trader/operator: place a limit order; sells lock units, buys lock price × quantity (Market:PlaceOrder)',
  options: {
    account: { type: 'string', description: "your entity's trading or holding account" },
    side: { type: 'string', description: 'buy or sell' },
    instrument: { type: 'string', description: 'e.g. allowance-2030' },
    price: { type: 'string', description: 'limit price, fen per tonne' },
    quantity: { type: 'string', description: 'tonnes' },
    'good-till': { type: 'string', description: 'day (default) or period' },
  },
  async run(context) {
    const side = requiredOption(context, 'side');
    if (side !== 'buy' && side !== 'sell') throw new ExpectedError('--side must be buy or sell');
    const goodTill = optionalText(context, 'good-till');
    if (goodTill !== undefined && goodTill !== 'day' && goodTill !== 'period')
      throw new ExpectedError('--good-till must be day or period');
    const order = await facades(context).market.placeOrder({
      accountId: requiredOption(context, 'account'),
      side,
      instrument: requiredOption(context, 'instrument'),
      price: wholeOption(context, 'price'),
      quantity: wholeOption(context, 'quantity'),
      ...(goodTill === undefined ? {} : { goodTill }),
    });
    show(context, order, {
      order: order.id,
      account: order.accountId,
      side: order.side,
      instrument: order.instrument,
      price: order.price,
      quantity: order.quantity,
      status: order.status,
      escrow: order.escrow,
      expiresAt: order.expiresAt,
    });
  },
};
