import type { Trade } from '@carbon-ets/contract';
import { api } from '../../api';
import { Loadable, Num, Section, Time, useLoad } from '../../components/ui';
import { formatMoney } from '../../format';
import { type Page, priceCell } from './market';

/** A trade as the account saw it: its side, and the other party when the API shows it. */
function fromAccount(trade: Partial<Trade> & Pick<Trade, 'id'>, account: string) {
  const side = trade.buyAccountId === account ? 'buy' : trade.sellAccountId === account ? 'sell' : '–';
  const counterparty =
    side === 'buy' ? trade.sellerEntityId : side === 'sell' ? trade.buyerEntityId : undefined;
  return { side, counterparty: counterparty ?? '–' };
}

/** The account's settled trades, newest first. */
export function Fills({ account, tick }: { account: string | undefined; tick: number }) {
  return (
    <Section title="Fills">
      {account === undefined ? (
        <p className="muted">Enter your Account under Market to see its fills.</p>
      ) : (
        <FillList account={account} tick={tick} />
      )}
    </Section>
  );
}

function FillList({ account, tick }: { account: string; tick: number }) {
  const trades = useLoad(
    () => api<Page<Trade>>('GET', `/api/v1/trades?accountId=${encodeURIComponent(account)}&limit=100`),
    [account, tick],
  );
  return (
    <Loadable state={trades} empty={(page) => page.items.length === 0}>
      {(page) => (
        <div style={{ overflowX: 'auto' }}>
          <table>
            <thead>
              <tr>
                <th>Time</th>
                <th>Instrument</th>
                <th>Side</th>
                <th className="num">Price (CNY/t)</th>
                <th className="num">Quantity (t)</th>
                <th className="num">Value</th>
                <th>Counterparty</th>
                <th>Kind</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((trade) => {
                const { side, counterparty } = fromAccount(trade, account);
                return (
                  <tr key={trade.id}>
                    <td>
                      <Time iso={trade.executedAt} />
                    </td>
                    <td>{trade.instrument}</td>
                    <td>{side}</td>
                    <Num>{priceCell(trade.price)}</Num>
                    <Num>{trade.quantity.toLocaleString('en-US')}</Num>
                    <Num>{trade.value === undefined ? '–' : formatMoney(trade.value)}</Num>
                    <td>{counterparty}</td>
                    <td>{trade.kind}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Loadable>
  );
}
