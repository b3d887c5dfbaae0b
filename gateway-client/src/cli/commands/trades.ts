import { OFF_CHANNEL, type TradeView } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { formatMoney } from '../../money';
import { instrumentCurrency, moneyHeader } from './money-options';
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
    const instrument = requiredOption(context, 'instrument');
    const { market, period } = facades(context);
    const [trades, currency] = await Promise.all([
      market.getTrades({
        instrument,
        day: optionalText(context, 'day') ?? today(),
        ...(accountId === undefined ? {} : { accountId }),
      }),
      instrumentCurrency(period, instrument),
    ]);
    showTable(
      context,
      trades,
      [
        'TIME',
        'TRADE',
        'KIND',
        moneyHeader('PRICE', currency),
        'QUANTITY',
        moneyHeader('VALUE', currency),
        'BUYER',
        'SELLER',
      ],
      trades.map((t) => [
        t.executedAt,
        t.id,
        t.kind,
        priceText(t),
        t.quantity,
        t.value === undefined ? OFF_CHANNEL : formatMoney(t.value),
        t.buyAccountId,
        t.sellAccountId,
      ]),
      'no trade',
    );
  },
};

/**
 * A trade's price. An off-channel trade has none on the channel: a party's or a supervisor's read joins the agreed
 * price in where their organisation's peer holds it (marked private); anyone else sees only that it was off-channel.
 */
function priceText(trade: TradeView): string {
  if (trade.price !== undefined) return formatMoney(trade.price);
  return trade.agreedPrice === undefined
    ? OFF_CHANNEL
    : `${formatMoney(trade.agreedPrice)} (private, ${OFF_CHANNEL})`;
}
