import { Market } from '@carbon-ets/contract';
import { type Command, ExpectedError, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, show } from './support';

export const accountUnfreezeCommand: Command = {
  name: 'account unfreeze',
  summary: 'Regulator: lift a freeze (Market:UnfreezeAccount)',
  arguments: { '<accountId>': 'the frozen account' },
  options: { reason: { type: 'string', description: 'why (recorded on the ledger)' } },
  async run(context) {
    const accountId = context.args[0];
    if (accountId === undefined)
      throw new ExpectedError('name the account, e.g. carbon account unfreeze ACC-1');
    const request = contractRequest(Market.unfreezeAccount, {
      accountId,
      reason: requiredOption(context, 'reason'),
    });
    const account = await facades(context).market.unfreezeAccount(request);
    show(context, account);
  },
};
