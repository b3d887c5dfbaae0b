import { Allowance } from '@carbon-ets/contract';
import type { Command } from '../command';
import { contractRequest } from './contract-request';
import { facades, show, wholeOption } from './support';

export const allowancesIssueCommand: Command = {
  name: 'allowances issue',
  summary: "Regulator: issue allowances of a period's vintage into NATIONAL-ALLOCATION, within the cap",
  options: {
    period: { type: 'string', description: 'the period (= vintage)' },
    quantity: { type: 'string', description: 'tonnes' },
  },
  async run(context) {
    const request = contractRequest(Allowance.issueAllowances, {
      period: wholeOption(context, 'period'),
      quantity: wholeOption(context, 'quantity'),
    });
    const lot = await facades(context).allowance.issueAllowances(request);
    show(context, lot, {
      lot: lot.id,
      account: lot.accountId,
      vintage: lot.vintage,
      serials: `${lot.serialStart}-${lot.serialEnd}`,
      quantity: lot.quantity,
    });
  },
};
