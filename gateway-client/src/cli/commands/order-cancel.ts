import { Market } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, show } from './support';

export const orderCancelCommand: Command = {
  name: 'order cancel',
  summary: 'Trader/operator (or regulator): cancel an open order, releasing its units or escrow',
  options: {
    account: { type: 'string', description: 'the account that placed it' },
    order: { type: 'string', description: 'the order id' },
    reason: { type: 'string', description: 'why' },
  },
  async run(context) {
    const reason = optionalText(context, 'reason');
    const request = contractRequest(Market.cancelOrder, {
      accountId: requiredOption(context, 'account'),
      orderId: requiredOption(context, 'order'),
      ...(reason === undefined ? {} : { reason }),
    });
    const order = await facades(context).market.cancelOrder(request);
    show(context, order, {
      order: order.id,
      status: order.status,
      remaining: order.remaining,
      reason: order.closeReason,
    });
  },
};
