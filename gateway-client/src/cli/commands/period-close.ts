import { Compliance } from '@carbon-ets/contract';
import type { Command } from '../command';
import { closePeriod } from '../../contracts/period-closing';
import { formatMoney } from '../../money';
import { moneyHeader, periodCurrency } from './money-options';
import { contractRequest } from './contract-request';
import { facades, optionalWhole, periodArgument, showTable } from './support';

export const periodCloseCommand: Command = {
  name: 'period close',
  summary:
    'Regulator: close a period after its surrender deadline, page by page (resumes where a refused page stopped): shortfalls, penalties, carry-over',
  arguments: { '<year>': 'the period to close' },
  options: {
    'page-size': { type: 'string', description: 'installations per transaction (default 200, at most 500)' },
  },
  async run(context) {
    const year = periodArgument(context);
    const pageSize = optionalWhole(context, 'page-size');
    // Checked before connecting; each page sends this same request.
    contractRequest(Compliance.closePeriod, {
      period: year,
      ...(pageSize === undefined ? {} : { pageSize }),
    });
    const { compliance, period } = facades(context);
    const currency = await periodCurrency(period, year);
    const closing = await closePeriod(compliance, year, {
      ...(pageSize === undefined ? {} : { pageSize }),
      onPage: (page) => {
        if (!page.done) context.note(`period ${year}: ${page.closed} installation(s) closed so far…`);
      },
    });
    showTable(
      context,
      closing,
      ['INSTALLATION', 'CODE', 'SHORTFALL', moneyHeader('PENALTY', currency)],
      closing.outcomes.map((o) => [o.installationId, o.code, o.shortfall, formatMoney(o.penalty)]),
      `period ${closing.period} closed; no installation had an obligation`,
    );
    if (!context.json)
      context.note(
        `period ${closing.period} closed: ${closing.closed} installation(s) in ${closing.pages} transaction(s); total shortfall ${closing.totalShortfall} t`,
      );
  },
};
