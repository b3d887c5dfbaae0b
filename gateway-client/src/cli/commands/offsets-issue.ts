import { Offset } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { dayPeriodOption, dayPeriodOptionSpecs } from './day-period-options';
import { facades, show, wholeOption } from './support';

export const offsetsIssueCommand: Command = {
  name: 'offsets issue',
  summary: "Regulator: issue a project's credits for a monitoring period; no day twice (Offset:IssueOffsets)",
  options: {
    project: { type: 'string', description: 'the project' },
    vintage: { type: 'string', description: 'vintage: the year the monitoring period ends' },
    ...dayPeriodOptionSpecs('the monitoring period'),
    'serial-start': { type: 'string', description: 'first serial of the block (blocks never overlap)' },
    quantity: { type: 'string', description: 'tonnes CO2e' },
    account: { type: 'string', description: "an open account of the project's owner" },
  },
  async run(context) {
    const request = contractRequest(Offset.issueOffsets, {
      projectId: requiredOption(context, 'project'),
      vintage: wholeOption(context, 'vintage'),
      monitoringPeriod: dayPeriodOption(context),
      serialStart: wholeOption(context, 'serial-start'),
      quantity: wholeOption(context, 'quantity'),
      toAccount: requiredOption(context, 'account'),
    });
    const issuance = await facades(context).offset.issueOffsets(request);
    show(context, issuance, {
      project: issuance.projectId,
      vintage: issuance.vintage,
      serials: `${issuance.serialStart}-${issuance.serialEnd}`,
      quantity: issuance.quantity,
      account: issuance.accountId,
      lot: issuance.lotId,
    });
  },
};
