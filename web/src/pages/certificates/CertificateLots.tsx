import type { AccountHoldings, Lot } from '@carbon-ets/contract';
import { api } from '../../api';
import { Loadable, type LoadState, Num } from '../../components/ui';
import { formatMwh } from '../../format';
import { SCROLL_X } from '../operator/form-layout';
import { certificateLotIds, certificateTotals, serialsText } from './certificate-lots';

/**
 * The green certificate lots an account holds, each read whole (the holdings group lots without their device
 * and production period).
 */
export async function loadCertificateLots(account: string): Promise<Lot[]> {
  const path = `/api/v1/accounts/${encodeURIComponent(account)}`;
  const holdings = await api<AccountHoldings>('GET', `${path}/holdings`);
  return Promise.all(
    certificateLotIds(holdings).map((lotId) => api<Lot>('GET', `${path}/lots/${encodeURIComponent(lotId)}`)),
  );
}

/** The account's certificate lots: device, production period, serials and MWh, with the total held. */
export function CertificateLots({ account, lots }: { account: string; lots: LoadState<Lot[] | null> }) {
  return (
    <Loadable state={lots}>
      {(loaded) => {
        if (loaded === null) return <p className="muted">Enter the account that holds your certificates.</p>;
        const { held, free } = certificateTotals(loaded);
        return (
          <>
            <p>
              Held in {account}: <strong data-testid="certificates-held">{formatMwh(held)}</strong>
              {free !== held && ` (${formatMwh(free)} free to move)`}
            </p>
            {loaded.length > 0 && (
              <div style={SCROLL_X}>
                <table aria-label={`Green certificate lots of ${account}`}>
                  <thead>
                    <tr>
                      <th>Lot</th>
                      <th>Device</th>
                      <th>Production</th>
                      <th>Serials</th>
                      <th className="num">MWh</th>
                      <th>Locked by</th>
                    </tr>
                  </thead>
                  <tbody>
                    {loaded.map((lot) => (
                      <tr key={lot.id}>
                        <td>{lot.id}</td>
                        <td>{lot.deviceId ?? '–'}</td>
                        <td>
                          {lot.productionPeriod === undefined
                            ? lot.vintage
                            : `${lot.productionPeriod.from} – ${lot.productionPeriod.to}`}
                        </td>
                        <td>{serialsText(lot)}</td>
                        <Num>{lot.quantity.toLocaleString('en-US')}</Num>
                        <td>{lot.lockedBy ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        );
      }}
    </Loadable>
  );
}
