import type {
  Account,
  AccountHoldings,
  EntityWithInstallations,
  FundsBalance,
  Installation,
} from '@carbon-ets/contract';
import { api, ApiFailure } from '../../api';
import { Loadable, Num, Time, useLoad } from '../../components/ui';
import { formatMoney, formatTonnes } from '../../format';
import { useRefreshOnNotice } from '../../notifications';
import { segment } from './forms';

/** An entity and its installations. */
export function EntityView({ entityId }: { entityId: string }) {
  const state = useLoad(
    () => api<EntityWithInstallations>('GET', `/api/v1/entities/${segment(entityId)}`),
    [entityId],
  );
  useRefreshOnNotice(() => {
    state.reload();
  });
  return (
    <Loadable state={state}>
      {(entity) => (
        <div className="reg-form">
          <h3>
            {entity.id} · {entity.name}
          </h3>
          <p className="muted">
            {entity.kind}, owned by {entity.ownerMsp}, registered <Time iso={entity.registeredAt} />.
          </p>
          <InstallationTable installations={entity.installations} />
        </div>
      )}
    </Loadable>
  );
}

function InstallationTable({ installations }: { installations: readonly Installation[] }) {
  if (installations.length === 0) return <p className="muted">No installations.</p>;
  return (
    <div className="reg-scroll">
      <table>
        <thead>
          <tr>
            <th>Installation</th>
            <th>Name</th>
            <th>Sector</th>
            <th className="num">Capacity</th>
            <th>Holding account</th>
          </tr>
        </thead>
        <tbody>
          {installations.map((installation) => (
            <tr key={installation.id}>
              <td>{installation.id}</td>
              <td>{installation.name}</td>
              <td>{installation.sector}</td>
              <Num>
                {Number(installation.capacity).toLocaleString('en-US', { maximumFractionDigits: 6 })}{' '}
                {installation.capacityUnit}
              </Num>
              <td>{installation.holdingAccountId ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One installation. */
export function InstallationView({ installationId }: { installationId: string }) {
  const state = useLoad(
    () => api<Installation>('GET', `/api/v1/installations/${segment(installationId)}`),
    [installationId],
  );
  useRefreshOnNotice(() => {
    state.reload();
  });
  return (
    <Loadable state={state}>
      {(installation) => <InstallationTable installations={[installation]} />}
    </Loadable>
  );
}

interface AccountDetail {
  readonly account: Account;
  readonly holdings: AccountHoldings | undefined;
  readonly funds: FundsBalance | undefined;
}

/** Undefined when the read model has nothing for the account (e.g. a national account has no funds). */
async function orAbsent<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 404) return undefined;
    throw err;
  }
}

async function loadAccount(accountId: string): Promise<AccountDetail> {
  const id = segment(accountId);
  const [account, holdings, funds] = await Promise.all([
    api<Account>('GET', `/api/v1/accounts/${id}`),
    orAbsent(api<AccountHoldings>('GET', `/api/v1/holdings/${id}`)),
    orAbsent(api<FundsBalance>('GET', `/api/v1/funds/${id}`)),
  ]);
  return { account, holdings, funds };
}

/** An account: its owner and status, its units and its funds. */
export function AccountView({ accountId }: { accountId: string }) {
  const state = useLoad(() => loadAccount(accountId), [accountId]);
  useRefreshOnNotice(() => {
    state.reload();
  });
  return (
    <Loadable state={state}>
      {({ account, holdings, funds }) => (
        <div className="reg-form">
          <h3>
            {account.id} · {account.kind} · {account.status}
          </h3>
          <p className="muted">
            {account.entityId === undefined ? 'National account' : `Entity ${account.entityId}`}
            {account.installationId === undefined ? '' : `, installation ${account.installationId}`}; opened{' '}
            <Time iso={account.openedAt} />
            {account.statusReason === undefined ? '' : `; ${account.status}: ${account.statusReason}`}.
          </p>
          {funds !== undefined && (
            <div className="stats">
              <div className="stat">
                <div className="muted">Funds available</div>
                <div className="value">{formatMoney(funds.available)}</div>
              </div>
              <div className="stat">
                <div className="muted">Funds locked</div>
                <div className="value">{formatMoney(funds.locked)}</div>
              </div>
            </div>
          )}
          {holdings === undefined || holdings.holdings.length === 0 ? (
            <p className="muted">No units held.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>Units</th>
                  <th>Vintage</th>
                  <th>Status</th>
                  <th className="num">Locked</th>
                  <th className="num">Quantity</th>
                </tr>
              </thead>
              <tbody>
                {holdings.holdings.map((holding) => (
                  <tr
                    key={`${holding.unitType}-${holding.vintage}-${holding.projectId ?? ''}-${holding.status}`}
                  >
                    <td>
                      {holding.unitType}
                      {holding.projectId === null ? '' : ` (${holding.projectId})`}
                    </td>
                    <td>{holding.vintage}</td>
                    <td>{holding.status}</td>
                    <Num>{formatTonnes(holding.locked)}</Num>
                    <Num>{formatTonnes(holding.quantity)}</Num>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </Loadable>
  );
}
