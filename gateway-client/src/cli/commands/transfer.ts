import { Allowance, formatSerials, Offset } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, optionalWhole, show, wholeOption } from './support';

export const transferCommand: Command = {
  name: 'transfer',
  summary:
    "Operator/trader: transfer allowances from your entity's account (Allowance:Transfer; --offsets: Offset:TransferOffsets)",
  options: {
    from: { type: 'string', description: 'source account (your entity, or national for the regulator)' },
    to: { type: 'string', description: 'destination account' },
    quantity: { type: 'string', description: 'tonnes' },
    vintage: { type: 'string', description: 'only units of this vintage' },
    offsets: { type: 'boolean', description: 'transfer offset credits instead of allowances' },
  },
  async run(context) {
    const vintage = optionalWhole(context, 'vintage');
    const request = {
      fromAccount: requiredOption(context, 'from'),
      toAccount: requiredOption(context, 'to'),
      quantity: wholeOption(context, 'quantity'),
      ...(vintage === undefined ? {} : { vintage }),
    };
    const offsets = context.options.offsets === true;
    if (offsets) contractRequest(Offset.transferOffsets, request);
    else contractRequest(Allowance.transfer, request);
    const { allowance, offset } = facades(context);
    const result = offsets ? await offset.transferOffsets(request) : await allowance.transfer(request);
    show(context, result, {
      from: result.fromAccount,
      to: result.toAccount,
      quantity: result.quantity,
      newLots: result.moved.map((lot) => `${lot.id} (${formatSerials(lot)})`).join(', '),
      // Above the account's approval threshold nothing moved yet: the request waits for a second representative.
      ...(result.pendingApproval === undefined
        ? {}
        : {
            pendingApproval: `${result.pendingApproval.id} (units locked; a second representative approves by ${result.pendingApproval.deadline})`,
          }),
    });
  },
};
