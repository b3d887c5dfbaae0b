import { Market } from '@carbon-ets/contract';
import { type Command, ExpectedError, requiredOption } from '../command';
import { formatAmount } from '../../money';
import { instrumentCurrency, moneyOptionSpec, priceOption } from './money-options';
import { contractRequest } from './contract-request';
import { facades, optionalText, show, wholeOption } from './support';

export const orderPlaceCommand: Command = {
  name: 'order place',
  summary:
    'Trader/operator: place a limit order; sells lock units, buys lock price × quantity; above the account approval threshold it becomes an approval request (Market:PlaceOrder)',
  options: {
    account: { type: 'string', description: "your entity's trading or holding account" },
    side: { type: 'string', description: 'buy or sell' },
    instrument: { type: 'string', description: 'e.g. allowance-2030' },
    price: moneyOptionSpec('limit price per tonne'),
    quantity: { type: 'string', description: 'tonnes' },
    'good-till': { type: 'string', description: 'day (default) or period' },
  },
  async run(context) {
    const side = requiredOption(context, 'side');
    if (side !== 'buy' && side !== 'sell') throw new ExpectedError('--side must be buy or sell');
    const goodTill = optionalText(context, 'good-till');
    if (goodTill !== undefined && goodTill !== 'day' && goodTill !== 'period')
      throw new ExpectedError('--good-till must be day or period');
    // Every option is checked before the connection opens: a mistyped price submits nothing.
    const request = contractRequest(Market.placeOrder, {
      accountId: requiredOption(context, 'account'),
      side,
      instrument: requiredOption(context, 'instrument'),
      price: priceOption(context, 'price'),
      quantity: wholeOption(context, 'quantity'),
      ...(goodTill === undefined ? {} : { goodTill }),
    });
    const { market, period } = facades(context);
    const currency = await instrumentCurrency(period, request.instrument);
    const order = await market.placeOrder(request);
    show(context, order, {
      order: order.id,
      account: order.accountId,
      side: order.side,
      instrument: order.instrument,
      price: formatAmount(order.price, currency),
      quantity: order.quantity,
      status: order.status,
      escrow: formatAmount(order.escrow, currency),
      expiresAt: order.expiresAt,
      // Above the account's approval threshold nothing is in the book yet: the request waits for a second
      // representative, and its approval places the order with this id.
      ...(order.pendingApproval === undefined
        ? {}
        : {
            pendingApproval: `${order.pendingApproval.id} (${order.side === 'buy' ? 'funds reserved' : 'units locked'}; a second representative approves by ${order.pendingApproval.deadline})`,
          }),
    });
  },
};
