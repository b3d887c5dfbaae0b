import { type Command, ExpectedError, requiredOption } from '../command';
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
    const account = await facades(context).market.unfreezeAccount({
      accountId,
      reason: requiredOption(context, 'reason'),
    });
    show(context, account);
  },
};
