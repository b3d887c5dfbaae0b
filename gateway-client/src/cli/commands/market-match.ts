import { Market } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { formatMoney } from '../../money';
import { instrumentCurrency, moneyHeader } from './money-options';
import { contractRequest } from './contract-request';
import { facades, optionalText, showTable } from './support';

export const marketMatchCommand: Command = {
  name: 'market match',
  summary:
    'Regulator (market operator): clear an instrument (one bounded round), match by price-time priority and settle DvP',
  options: {
    instrument: { type: 'string', description: 'e.g. allowance-2030' },
    cutoff: { type: 'string', description: 'only orders placed at or before this ISO time (default: now)' },
  },
  async run(context) {
    const cutoff = optionalText(context, 'cutoff');
    const instrument = requiredOption(context, 'instrument');
    const request = contractRequest(Market.match, {
      instrument,
      ...(cutoff === undefined ? {} : { cutoff }),
    });
    const { market, period } = facades(context);
    const currency = await instrumentCurrency(period, instrument);
    const result = await market.match(request);
    showTable(
      context,
      result,
      [
        'TRADE',
        moneyHeader('PRICE', currency),
        'QUANTITY',
        moneyHeader('VALUE', currency),
        'BUYER',
        'SELLER',
      ],
      result.trades.map((t) => [
        t.id,
        formatMoney(t.price),
        t.quantity,
        formatMoney(t.value),
        t.buyAccountId,
        t.sellAccountId,
      ]),
      `no trade: ${result.ordersConsidered} order(s) considered`,
    );
    if (!context.json && result.expiredOrderIds.length > 0)
      context.note(`expired: ${result.expiredOrderIds.join(', ')}`);
    // A round is bounded (CLEARING_LIMITS); the operator runs it again until nothing is left.
    if (!context.json && result.more)
      context.note('more to clear: this round stopped at its limit; run `market match` again');
  },
};
