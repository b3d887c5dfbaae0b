import { Market } from '@carbon-ets/contract';
import { type Command, ExpectedError, requiredOption } from '../command';
import { contractRequest } from './contract-request';
import { facades, show } from './support';

export const accountFreezeCommand: Command = {
  name: 'account freeze',
  summary:
    'Regulator: freeze an account: no orders, transfers, surrenders or withdrawals (Market:FreezeAccount)',
  arguments: { '<accountId>': 'the account to freeze' },
  options: { reason: { type: 'string', description: 'why (recorded on the ledger)' } },
  async run(context) {
    const accountId = context.args[0];
    if (accountId === undefined)
      throw new ExpectedError('name the account, e.g. carbon account freeze ACC-1');
    const request = contractRequest(Market.freezeAccount, {
      accountId,
      reason: requiredOption(context, 'reason'),
    });
    const account = await facades(context).market.freezeAccount(request);
    show(context, account);
  },
};
