import { type Command, requiredOption } from '../command';
import { formatAmount } from '../../money';
import { FUNDS_PERIOD_OPTION, fundsCurrency, instrumentCurrency } from './money-options';
import { facades, showTable } from './support';

export const orderListCommand: Command = {
  name: 'order list',
  summary:
    "Trader/operator/supervisor: an account's open orders, locked units and funds (Market:GetPosition)",
  options: {
    account: { type: 'string', description: 'the account' },
    period: FUNDS_PERIOD_OPTION,
  },
  async run(context) {
    const accountId = requiredOption(context, 'account');
    const { market, period } = facades(context);
    const [position, fundsIn] = await Promise.all([
      market.getPosition(accountId),
      fundsCurrency(context, period),
    ]);
    // Orders may be in instruments of several vintages, each priced in the currency of its own period.
    const instruments = [...new Set(position.openOrders.map((o) => o.instrument))];
    const currencies = new Map(
      await Promise.all(instruments.map(async (id) => [id, await instrumentCurrency(period, id)] as const)),
    );
    const money = (minor: number | string, instrument: string): string =>
      formatAmount(minor, currencies.get(instrument) ?? fundsIn);
    showTable(
      context,
      position,
      ['ORDER', 'SIDE', 'INSTRUMENT', 'PRICE', 'QUANTITY', 'REMAINING', 'ESCROW', 'EXPIRES'],
      position.openOrders.map((o) => [
        o.id,
        o.side,
        o.instrument,
        money(o.price, o.instrument),
        o.quantity,
        o.remaining,
        money(o.escrow, o.instrument),
        o.expiresAt,
      ]),
      'no open order',
    );
    if (!context.json)
      context.print(
        `locked units: ${position.lockedUnits} t; funds: available ${formatAmount(position.funds.available, fundsIn)}, ` +
          `locked ${formatAmount(position.funds.locked, fundsIn)}, total ${formatAmount(position.funds.total, fundsIn)}`,
      );
  },
};
