import { type Command, requiredOption } from '../command';
import { facades, showTable } from './support';

export const marketBookCommand: Command = {
  name: 'market book',
  summary: 'Anyone: order book depth per price level, with the price band (Market:GetOrderBook)',
  options: { instrument: { type: 'string', description: 'e.g. allowance-2030' } },
  async run(context) {
    const book = await facades(context).market.getOrderBook(requiredOption(context, 'instrument'));
    const depth = Math.max(book.bids.length, book.asks.length);
    const rows = Array.from({ length: depth }, (_, i) => {
      const bid = book.bids[i];
      const ask = book.asks[i];
      return [bid?.orders, bid?.quantity, bid?.price, ask?.price, ask?.quantity, ask?.orders];
    });
    showTable(
      context,
      book,
      ['BID ORDERS', 'BID QTY', 'BID', 'ASK', 'ASK QTY', 'ASK ORDERS'],
      rows,
      'empty book',
    );
    if (!context.json)
      context.print(`previous close ${book.previousClose}; band ${book.band.low}-${book.band.high} fen/t`);
  },
};
