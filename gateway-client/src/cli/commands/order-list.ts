import { type Command, requiredOption } from '../command';
import { facades, showTable } from './support';

export const orderListCommand: Command = {
  name: 'order list',
  summary:
    "Trader/operator/supervisor: an account's open orders, locked units and funds (Market:GetPosition)",
  options: { account: { type: 'string', description: 'the account' } },
  async run(context) {
    const position = await facades(context).market.getPosition(requiredOption(context, 'account'));
    showTable(
      context,
      position,
      ['ORDER', 'SIDE', 'INSTRUMENT', 'PRICE', 'QUANTITY', 'REMAINING', 'ESCROW', 'EXPIRES'],
      position.openOrders.map((o) => [
        o.id,
        o.side,
        o.instrument,
        o.price,
        o.quantity,
        o.remaining,
        o.escrow,
        o.expiresAt,
      ]),
      'no open order',
    );
    if (!context.json)
      context.print(
        `locked units: ${position.lockedUnits} t; funds (fen): available ${position.funds.available}, ` +
          `locked ${position.funds.locked}, total ${position.funds.total}`,
      );
  },
};
