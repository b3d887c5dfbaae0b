import { Compliance } from '@carbon-ets/contract';
import type { Command } from '../command';
import { formatMoney } from '../../money';
import { moneyHeader, periodCurrency } from './money-options';
import { contractRequest } from './contract-request';
import { facades, periodArgument, showTable } from './support';

export const periodCloseCommand: Command = {
  name: 'period close',
  summary: 'Regulator: close a period after its surrender deadline: shortfalls, penalties, carry-over',
  arguments: { '<year>': 'the period to close' },
  async run(context) {
    const year = periodArgument(context);
    const request = contractRequest(Compliance.closePeriod, { period: year });
    const { compliance, period } = facades(context);
    const currency = await periodCurrency(period, year);
    const closing = await compliance.closePeriod(request);
    showTable(
      context,
      closing,
      ['INSTALLATION', 'CODE', 'SHORTFALL', moneyHeader('PENALTY', currency)],
      closing.outcomes.map((o) => [o.installationId, o.code, o.shortfall, formatMoney(o.penalty)]),
      `period ${closing.period} closed; no installation had an obligation`,
    );
    if (!context.json)
      context.note(`period ${closing.period} closed; total shortfall ${closing.totalShortfall} t`);
  },
};
