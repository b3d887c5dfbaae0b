import { type Command, ExpectedError } from '../command';
import { formatTable } from '../output';
import { formatAmount } from '../../money';
import { FUNDS_PERIOD_OPTION, fundsCurrency } from './money-options';
import { facades } from './support';

export const accountStatementCommand: Command = {
  name: 'account statement',
  summary: "Auditor/regulator/owner: an account's status, units by type, vintage and status, and funds",
  arguments: { '<accountId>': 'the account' },
  options: { period: FUNDS_PERIOD_OPTION },
  async run(context) {
    const accountId = context.args[0];
    if (accountId === undefined)
      throw new ExpectedError('name the account, e.g. carbon account statement ACC-1');
    const { query, funds, period } = facades(context);
    const { account, holdings } = await query.getHoldings(accountId);
    // National accounts hold no settlement funds.
    const balance = account.entityId === undefined ? null : await funds.getBalance(accountId);
    if (context.json) {
      context.print(JSON.stringify({ account, holdings, funds: balance }, null, 2));
      return;
    }
    context.print(
      `account ${account.id} (${account.kind}${account.entityId ? `, ${account.entityId}` : ''}): ${account.status}`,
    );
    context.print(
      holdings.length === 0
        ? 'no units'
        : formatTable(
            ['UNIT', 'VINTAGE', 'PROJECT', 'STATUS', 'QUANTITY', 'LOCKED', 'LOTS'],
            holdings.map((h) => [
              h.unitType,
              String(h.vintage),
              h.projectId ?? '-',
              h.status,
              String(h.quantity),
              String(h.locked),
              String(h.lots.length),
            ]),
          ),
    );
    if (balance !== null) {
      const currency = await fundsCurrency(context, period);
      context.print(
        `funds: available ${formatAmount(balance.available, currency)}, locked ` +
          `${formatAmount(balance.locked, currency)}, total ${formatAmount(balance.total, currency)}`,
      );
    }
  },
};
