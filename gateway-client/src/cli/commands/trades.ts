import { type Command, requiredOption } from '../command';
import { facades, optionalText, showTable, today } from './support';

export const tradesCommand: Command = {
  name: 'trades',
  summary: "Anyone: an instrument's trades on a day; counterparties shown to supervisors and parties only",
  options: {
    instrument: { type: 'string', description: 'e.g. allowance-2030' },
    day: { type: 'string', description: 'YYYY-MM-DD (default: today, UTC)' },
    account: { type: 'string', description: "only this account's trades" },
  },
  async run(context) {
    const accountId = optionalText(context, 'account');
    const trades = await facades(context).market.getTrades({
      instrument: requiredOption(context, 'instrument'),
      day: optionalText(context, 'day') ?? today(),
      ...(accountId === undefined ? {} : { accountId }),
    });
    showTable(
      context,
      trades,
      ['TIME', 'TRADE', 'KIND', 'PRICE', 'QUANTITY', 'VALUE', 'BUYER', 'SELLER'],
      trades.map((t) => [
        t.executedAt,
        t.id,
        t.kind,
        t.price,
        t.quantity,
        t.value,
        t.buyAccountId,
        t.sellAccountId,
      ]),
      'no trade',
    );
  },
};
