import { type Command, requiredOption } from '../command';
import { formatMoney } from '../../money';
import { instrumentCurrency, moneyHeader } from './money-options';
import { facades, showTable } from './support';

export const marketBookCommand: Command = {
  name: 'market book',
  summary: 'Anyone: order book depth per price level, with the price band (Market:GetOrderBook)',
  options: { instrument: { type: 'string', description: 'e.g. allowance-2030' } },
  async run(context) {
    const instrument = requiredOption(context, 'instrument');
    const { market, period } = facades(context);
    const [book, currency] = await Promise.all([
      market.getOrderBook(instrument),
      instrumentCurrency(period, instrument),
    ]);
    const price = (level: { price: number } | undefined): string | undefined =>
      level === undefined ? undefined : formatMoney(level.price);
    const depth = Math.max(book.bids.length, book.asks.length);
    const rows = Array.from({ length: depth }, (_, i) => {
      const bid = book.bids[i];
      const ask = book.asks[i];
      return [bid?.orders, bid?.quantity, price(bid), price(ask), ask?.quantity, ask?.orders];
    });
    showTable(
      context,
      book,
      [
        'BID ORDERS',
        'BID QTY',
        moneyHeader('BID', currency),
        moneyHeader('ASK', currency),
        'ASK QTY',
        'ASK ORDERS',
      ],
      rows,
      'empty book',
    );
    if (!context.json)
      context.print(
        `previous close ${formatMoney(book.previousClose)}; band ${formatMoney(book.band.low)}-` +
          `${formatMoney(book.band.high)} ${currency} per tonne`,
      );
  },
};
