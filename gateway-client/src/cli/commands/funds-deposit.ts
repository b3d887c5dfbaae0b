import { type Command, requiredOption } from '../command';
import { facades, optionalText, parseWhole, show } from './support';

export const fundsDepositCommand: Command = {
  name: 'funds deposit',
  summary: 'Regulator (settlement bank): pay funds into an enterprise account (Funds:Deposit)',
  options: {
    account: { type: 'string', description: 'the receiving account' },
    amount: { type: 'string', description: 'fen (integer minor units; 100 fen = 1 CNY)' },
    reference: { type: 'string', description: 'payment reference' },
  },
  async run(context) {
    const amount = requiredOption(context, 'amount');
    parseWhole(amount, '--amount');
    const reference = optionalText(context, 'reference');
    const entry = await facades(context).funds.deposit({
      accountId: requiredOption(context, 'account'),
      amount,
      ...(reference === undefined ? {} : { reference }),
    });
    show(context, entry);
  },
};
