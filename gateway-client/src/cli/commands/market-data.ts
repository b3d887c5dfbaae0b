import { type Command, requiredOption } from '../command';
import { facades, optionalText, showTable } from './support';

export const marketDataCommand: Command = {
  name: 'market data',
  summary: 'Anyone: daily open, high, low, close (VWAP), volume and turnover (Market:GetMarketData)',
  options: {
    instrument: { type: 'string', description: 'e.g. allowance-2030' },
    from: { type: 'string', description: 'first day, YYYY-MM-DD' },
    to: { type: 'string', description: 'last day, YYYY-MM-DD' },
  },
  async run(context) {
    const from = optionalText(context, 'from');
    const to = optionalText(context, 'to');
    const days = await facades(context).market.getMarketData({
      instrument: requiredOption(context, 'instrument'),
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    });
    showTable(
      context,
      days,
      ['DAY', 'OPEN', 'HIGH', 'LOW', 'LAST', 'CLOSE', 'VOLUME', 'TURNOVER', 'TRADES', 'BILATERAL'],
      days.map((d) => [
        d.day,
        d.open,
        d.high,
        d.low,
        d.last,
        d.close,
        d.volume,
        d.turnover,
        d.trades,
        d.bilateralVolume,
      ]),
      'no trading day yet',
    );
  },
};
