import type { Trade } from '@carbon-ets/contract';
import { statementRows, type Statement } from './statement';

const trade = (id: string, terms: Partial<Trade>): Trade => ({
  id,
  kind: 'bilateral',
  instrument: 'allowance-2025',
  day: '2025-01-15',
  quantity: 10,
  executedAt: '2025-01-15T10:00:00.000Z',
  buyAccountId: 'TRADE2',
  sellAccountId: 'TRADE1',
  buyerEntityId: 'ENT2',
  sellerEntityId: 'ENT1',
  deliveredLotIds: [`${id}.lot`],
  txId: id,
  ...terms,
});

describe("an account statement's trades", () => {
  it('show a trade paid off-channel without a price or value: the payment is outside the ledger', () => {
    const statement: Statement = {
      accountId: 'TRADE1',
      asOf: '2025-01-16T00:00:00.000Z',
      holdings: {
        account: { id: 'TRADE1', kind: 'trading', ownerMsp: 'Enterprise1MSP', status: 'open', openedAt: '' },
        holdings: [],
      },
      funds: { error: 'not shown' },
      trades: [
        trade('dvp', { price: 6_050, value: '60500' }),
        trade('private', { settlement: 'off-channel' }),
      ],
    };
    const rows = statementRows(statement);
    const row = (id: string): unknown[] | undefined => rows.find((cells) => cells[1] === id);
    expect(row('dvp')?.slice(4, 7)).toEqual(['60.50', 10, '605.00']);
    expect(row('private')?.slice(4, 7)).toEqual(['off-channel', 10, '']);
  });
});
