import { formatSerials, Offset } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalText, show, wholeOption } from './support';

export const offsetsRetireCommand: Command = {
  name: 'offsets retire',
  summary: 'Operator/trader: retire offset credits for a beneficiary, for good (Offset:RetireOffsets)',
  options: {
    account: { type: 'string', description: "your entity's account holding the credits" },
    quantity: { type: 'string', description: 'tonnes CO2e' },
    beneficiary: { type: 'string', description: 'on whose behalf' },
    reason: { type: 'string', description: 'why' },
    project: { type: 'string', description: "only this project's credits" },
  },
  async run(context) {
    const reason = optionalText(context, 'reason');
    const projectId = optionalText(context, 'project');
    const request = contractRequest(Offset.retireOffsets, {
      accountId: requiredOption(context, 'account'),
      quantity: wholeOption(context, 'quantity'),
      beneficiary: requiredOption(context, 'beneficiary'),
      ...(reason === undefined ? {} : { reason }),
      ...(projectId === undefined ? {} : { projectId }),
    });
    const result = await facades(context).offset.retireOffsets(request);
    show(context, result, {
      quantity: result.quantity,
      retiredLots: result.lots.map((lot) => `${lot.id} (${formatSerials(lot)})`).join(', '),
    });
  },
};
