import { type Command, requiredOption } from '../command';
import { formatMoney } from '../../money';
import { instrumentCurrency, moneyHeader } from './money-options';
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
    const instrument = requiredOption(context, 'instrument');
    const { market, period } = facades(context);
    const [days, currency] = await Promise.all([
      market.getMarketData({
        instrument,
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      }),
      instrumentCurrency(period, instrument),
    ]);
    // A day without order-book trades has no open, high, low, last or close.
    const price = (minor: number | null): string | null => (minor === null ? null : formatMoney(minor));
    showTable(
      context,
      days,
      [
        'DAY',
        ...['OPEN', 'HIGH', 'LOW', 'LAST', 'CLOSE'].map((name) => moneyHeader(name, currency)),
        'VOLUME',
        moneyHeader('TURNOVER', currency),
        'TRADES',
        'BILATERAL',
      ],
      days.map((d) => [
        d.day,
        price(d.open),
        price(d.high),
        price(d.low),
        price(d.last),
        price(d.close),
        d.volume,
        formatMoney(d.turnover),
        d.trades,
        d.bilateralVolume,
      ]),
      'no trading day yet',
    );
  },
};
