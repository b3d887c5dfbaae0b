import { Num, Time } from '../../components/ui';
import { formatMoney, formatTonnes } from '../../format';
import { priceCell } from '../trader/market';
import { sideOf, type Statement } from './statement';

/** An account's statement on screen: the account, holdings, funds with cash entries, and trades. */
export function StatementView({ statement }: { statement: Statement }) {
  const { account, holdings } = statement.holdings;
  return (
    <>
      <p>
        <strong>{account.id}</strong>: {account.kind} account
        {account.entityId !== undefined ? ` of ${account.entityId}` : ''}
        {account.installationId !== undefined ? ` for ${account.installationId}` : ''}, {account.status},
        opened <Time iso={account.openedAt} />
      </p>
      <h3>Holdings</h3>
      {holdings.length === 0 ? (
        <p className="muted">No units.</p>
      ) : (
        <table aria-label="Holdings">
          <thead>
            <tr>
              <th>Unit type</th>
              <th>Vintage</th>
              <th>Project</th>
              <th>Status</th>
              <th className="num">Quantity</th>
              <th className="num">Locked</th>
              <th className="num">Lots</th>
            </tr>
          </thead>
          <tbody>
            {holdings.map((holding) => (
              <tr key={`${holding.unitType}/${holding.vintage}/${holding.projectId ?? ''}/${holding.status}`}>
                <td>{holding.unitType}</td>
                <td>{holding.vintage}</td>
                <td>{holding.projectId ?? '–'}</td>
                <td>{holding.status}</td>
                <Num>{formatTonnes(holding.quantity)}</Num>
                <Num>{formatTonnes(holding.locked)}</Num>
                <Num>{holding.lots.length}</Num>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Funds</h3>
      {'error' in statement.funds ? (
        <p className="muted">{statement.funds.error}</p>
      ) : (
        <>
          <div className="stats">
            <div className="stat">
              <div className="muted">Available</div>
              <div className="value">{formatMoney(statement.funds.available)}</div>
            </div>
            <div className="stat">
              <div className="muted">Locked (escrow)</div>
              <div className="value">{formatMoney(statement.funds.locked)}</div>
            </div>
            <div className="stat">
              <div className="muted">Total</div>
              <div className="value">{formatMoney(statement.funds.total)}</div>
            </div>
          </div>
          {statement.funds.entries.length > 0 && (
            <details>
              <summary>Cash entries ({statement.funds.entries.length})</summary>
              <table aria-label="Cash entries">
                <thead>
                  <tr>
                    <th>Created</th>
                    <th>Origin</th>
                    <th>Reference</th>
                    <th className="num">Amount</th>
                  </tr>
                </thead>
                <tbody>
                  {statement.funds.entries.map((entry) => (
                    <tr key={entry.id}>
                      <td>
                        <Time iso={entry.createdAt} />
                      </td>
                      <td>{entry.origin}</td>
                      <td>{entry.reference ?? '–'}</td>
                      <Num>{formatMoney(entry.amount)}</Num>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
      <h3>Trades</h3>
      {statement.trades.length === 0 ? (
        <p className="muted">No trades.</p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table aria-label="Trades">
            <thead>
              <tr>
                <th>Executed</th>
                <th>Instrument</th>
                <th>Side</th>
                <th className="num">Price (CNY/t)</th>
                <th className="num">Quantity</th>
                <th className="num">Value</th>
                <th>Counterparty</th>
              </tr>
            </thead>
            <tbody>
              {statement.trades.map((trade) => {
                const side = sideOf(trade, statement.accountId);
                return (
                  <tr key={trade.id}>
                    <td>
                      <Time iso={trade.executedAt} />
                    </td>
                    <td>{trade.instrument}</td>
                    <td>{side}</td>
                    <Num>{priceCell(trade.price)}</Num>
                    <Num>{formatTonnes(trade.quantity)}</Num>
                    <Num>{trade.value === undefined ? '–' : formatMoney(trade.value)}</Num>
                    <td>{side === 'buy' ? trade.sellAccountId : trade.buyAccountId}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
