import { type AccountHoldings, type FundsBalance, OFF_CHANNEL, type Trade } from '@carbon-ets/contract';
import { api } from '../../api';
import { fenAsDecimal } from './csv';

/** An account's statement: what it holds, its funds, and every settled trade it was a party to. */
export interface Statement {
  readonly accountId: string;
  readonly asOf: string;
  readonly holdings: AccountHoldings;
  /** Or why the account shows no funds (a national account keeps none). */
  readonly funds: FundsBalance | { readonly error: string };
  readonly trades: readonly Trade[];
}

/** Every trade of the account from the read model, following its pages (newest first). */
async function tradesOf(accountId: string): Promise<Trade[]> {
  const trades: Trade[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 40; page++) {
    const query = new URLSearchParams({
      accountId,
      limit: '500',
      ...(cursor === undefined ? {} : { cursor }),
    });
    const answer = await api<{ items: Trade[]; nextCursor?: string }>(
      'GET',
      `/api/v1/trades?${query.toString()}`,
    );
    trades.push(...answer.items);
    cursor = answer.nextCursor;
    if (cursor === undefined) break;
  }
  return trades;
}

export async function loadStatement(accountId: string): Promise<Statement> {
  const path = `/api/v1/accounts/${encodeURIComponent(accountId)}`;
  const [holdings, funds, trades] = await Promise.all([
    api<AccountHoldings>('GET', `${path}/holdings`),
    api<FundsBalance>('GET', `${path}/funds`).catch((err: unknown) => ({
      error: err instanceof Error ? err.message : String(err),
    })),
    tradesOf(accountId),
  ]);
  return { accountId, asOf: new Date().toISOString(), holdings, funds, trades };
}

/** The side the account took in a trade. */
export const sideOf = (trade: Trade, accountId: string): 'buy' | 'sell' =>
  trade.buyAccountId === accountId ? 'buy' : 'sell';

/** The statement as CSV rows: account, holdings, funds, cash entries and trades, one block each. */
export function statementRows(statement: Statement): unknown[][] {
  const { account, holdings } = statement.holdings;
  const rows: unknown[][] = [
    ['Statement of account', account.id, 'as of', statement.asOf],
    ['kind', 'entity', 'installation', 'status', 'opened'],
    [account.kind, account.entityId ?? '', account.installationId ?? '', account.status, account.openedAt],
    [],
    ['Holdings'],
    ['unit type', 'vintage', 'project', 'status', 'quantity (t)', 'locked (t)', 'lots'],
    ...holdings.map((holding) => [
      holding.unitType,
      holding.vintage,
      holding.projectId ?? '',
      holding.status,
      holding.quantity,
      holding.locked,
      holding.lots.map((lot) => lot.id).join(' '),
    ]),
    [],
  ];
  if ('error' in statement.funds) {
    rows.push(['Funds', statement.funds.error], []);
  } else {
    const funds = statement.funds;
    rows.push(
      ['Funds (CNY)'],
      ['available', 'locked', 'total'],
      [fenAsDecimal(funds.available), fenAsDecimal(funds.locked), fenAsDecimal(funds.total)],
      [],
      ['Cash entries'],
      ['entry', 'origin', 'amount (CNY)', 'reference', 'created', 'transaction'],
      ...funds.entries.map((entry) => [
        entry.id,
        entry.origin,
        fenAsDecimal(entry.amount),
        entry.reference ?? '',
        entry.createdAt,
        entry.createdTxId,
      ]),
      [],
    );
  }
  rows.push(
    ['Trades'],
    [
      'executed',
      'trade',
      'instrument',
      'side',
      'price (CNY/t)',
      'quantity (t)',
      'value (CNY)',
      'counterparty account',
      'transaction',
    ],
    ...statement.trades.map((trade) => {
      const side = sideOf(trade, statement.accountId);
      return [
        trade.executedAt,
        trade.id,
        trade.instrument,
        side,
        // A trade paid off-channel has no public price or value: the payment is outside the ledger.
        trade.price === undefined ? OFF_CHANNEL : fenAsDecimal(trade.price),
        trade.quantity,
        trade.value === undefined ? '' : fenAsDecimal(trade.value),
        side === 'buy' ? trade.sellAccountId : trade.buyAccountId,
        trade.txId,
      ];
    }),
  );
  return rows;
}
