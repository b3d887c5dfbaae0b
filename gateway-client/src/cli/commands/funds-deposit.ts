import { Funds } from '@carbon-ets/contract';
import { type Command, requiredOption } from '../command';
import { formatAmount } from '../../money';
import { FUNDS_PERIOD_OPTION, fundsCurrency, moneyOption, moneyOptionSpec } from './money-options';
import { contractRequest } from './contract-request';
import { facades, optionalText, show } from './support';

export const fundsDepositCommand: Command = {
  name: 'funds deposit',
  summary: 'Regulator (settlement bank): pay funds into an enterprise account (Funds:Deposit)',
  options: {
    account: { type: 'string', description: 'the receiving account' },
    amount: moneyOptionSpec('amount'),
    reference: { type: 'string', description: 'payment reference' },
    period: FUNDS_PERIOD_OPTION,
  },
  async run(context) {
    // Every option is checked before the connection opens: a mistyped amount submits nothing.
    const amount = moneyOption(context, 'amount');
    const accountId = requiredOption(context, 'account');
    const reference = optionalText(context, 'reference');
    const request = contractRequest(Funds.deposit, {
      accountId,
      // Minor units as a decimal string: funds may exceed 2^53.
      amount: amount.toString(),
      ...(reference === undefined ? {} : { reference }),
    });
    const { funds, period } = facades(context);
    const currency = await fundsCurrency(context, period);
    const entry = await funds.deposit(request);
    show(context, entry, { ...entry, amount: formatAmount(entry.amount, currency) });
  },
};
