import type { Command } from '../command';
import { facades, show, wholeOption } from './support';

export const allowancesIssueCommand: Command = {
  name: 'allowances issue',
  summary: "Regulator: issue allowances of a period's vintage into NATIONAL-ALLOCATION, within the cap",
  options: {
    period: { type: 'string', description: 'the period (= vintage)' },
    quantity: { type: 'string', description: 'tonnes' },
  },
  async run(context) {
    const lot = await facades(context).allowance.issueAllowances({
      period: wholeOption(context, 'period'),
      quantity: wholeOption(context, 'quantity'),
    });
    show(context, lot, {
      lot: lot.id,
      account: lot.accountId,
      vintage: lot.vintage,
      serials: `${lot.serialStart}-${lot.serialEnd}`,
      quantity: lot.quantity,
    });
  },
};
