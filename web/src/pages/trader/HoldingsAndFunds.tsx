import type { AccountHoldings, FundsBalance } from '@carbon-ets/contract';
import { api } from '../../api';
import { Loadable, Num, Section, useLoad } from '../../components/ui';
import { formatMoney } from '../../format';

interface Balances {
  readonly holdings: AccountHoldings;
  readonly funds: FundsBalance;
}

async function loadBalances(account: string): Promise<Balances> {
  const path = `/api/v1/accounts/${encodeURIComponent(account)}`;
  const [holdings, funds] = await Promise.all([
    api<AccountHoldings>('GET', `${path}/holdings`),
    api<FundsBalance>('GET', `${path}/funds`),
  ]);
  return { holdings, funds };
}

/** The account's funds (available, locked as escrow, total) and its units per type, vintage and status. */
export function HoldingsAndFunds({ account, tick }: { account: string | undefined; tick: number }) {
  return (
    <Section title="Holdings and funds">
      {account === undefined ? (
        <p className="muted">Enter your Account under Market to see its holdings and funds.</p>
      ) : (
        <BalancesView account={account} tick={tick} />
      )}
    </Section>
  );
}

function Stat({ label, amount }: { label: string; amount: string }) {
  return (
    <div className="stat">
      <div className="muted">{label}</div>
      <div className="value num">{formatMoney(amount)}</div>
    </div>
  );
}

function BalancesView({ account, tick }: { account: string; tick: number }) {
  const balances = useLoad(() => loadBalances(account), [account, tick]);
  return (
    <Loadable state={balances}>
      {({ holdings, funds }) => (
        <>
          {holdings.account.status !== 'open' && (
            <p className="error" role="status">
              Account {holdings.account.id} is {holdings.account.status}
              {holdings.account.statusReason !== undefined ? `: ${holdings.account.statusReason}` : ''}
            </p>
          )}
          <div className="stats">
            <Stat label="Funds available" amount={funds.available} />
            <Stat label="Funds locked" amount={funds.locked} />
            <Stat label="Funds total" amount={funds.total} />
          </div>
          {holdings.holdings.length === 0 ? (
            <p className="muted">No units held.</p>
          ) : (
            <div style={{ overflowX: 'auto' }}>
              <table>
                <thead>
                  <tr>
                    <th>Units</th>
                    <th>Vintage</th>
                    <th>Project</th>
                    <th>Status</th>
                    <th className="num">Held (t)</th>
                    <th className="num">Locked (t)</th>
                    <th className="num">Free (t)</th>
                  </tr>
                </thead>
                <tbody>
                  {holdings.holdings.map((holding) => (
                    <tr
                      key={`${holding.unitType}-${holding.vintage.toString()}-${holding.projectId ?? ''}-${holding.status}`}
                    >
                      <td>{holding.unitType}</td>
                      <td>{holding.vintage}</td>
                      <td>{holding.projectId ?? '–'}</td>
                      <td>{holding.status}</td>
                      <Num>{holding.quantity.toLocaleString('en-US')}</Num>
                      <Num>{holding.locked.toLocaleString('en-US')}</Num>
                      <Num>{(holding.quantity - holding.locked).toLocaleString('en-US')}</Num>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Loadable>
  );
}
