import type { Command } from '../command';
import { facades, periodArgument, showTable } from './support';

export const periodCloseCommand: Command = {
  name: 'period close',
  summary: 'Regulator: close a period after its surrender deadline: shortfalls, penalties, carry-over',
  usage: '<year>',
  async run(context) {
    const closing = await facades(context).compliance.closePeriod({ period: periodArgument(context) });
    showTable(
      context,
      closing,
      ['INSTALLATION', 'CODE', 'SHORTFALL', 'PENALTY'],
      closing.outcomes.map((o) => [o.installationId, o.code, o.shortfall, o.penalty]),
      `period ${closing.period} closed; no installation had an obligation`,
    );
    if (!context.json)
      context.note(`period ${closing.period} closed; total shortfall ${closing.totalShortfall} t`);
  },
};
