import type { AccountHoldings, UnitType } from '@carbon-ets/contract';
import { Loadable, type LoadState, Num } from '../../components/ui';
import { formatTonnes } from '../../format';

/**
 * Units of one type held in the installation's holding account, by vintage, and how many may be surrendered
 * for the period (allowances: vintage ≤ period; locked units cannot move).
 */
export function AvailableUnits({
  account,
  holdings,
  unitType,
  period,
}: {
  account: string | null | undefined;
  holdings: LoadState<AccountHoldings | null>;
  unitType: UnitType;
  period: number | undefined;
}) {
  if (account === null) return <p className="muted">No holding account for this installation.</p>;
  return (
    <Loadable state={holdings}>
      {(value) => {
        if (value === null) return <p className="muted">Loading…</p>;
        const rows = value.holdings.filter(
          (holding) => holding.unitType === unitType && holding.status === 'held',
        );
        const usable = rows
          .filter((holding) => period === undefined || unitType === 'offset' || holding.vintage <= period)
          .reduce((sum, holding) => sum + holding.quantity - holding.locked, 0);
        return (
          <>
            <p>
              Available in {value.account.id}
              {period !== undefined && unitType === 'allowance' ? ` for ${period}` : ''}:{' '}
              <strong data-testid="units-available">{formatTonnes(usable)}</strong>
            </p>
            {rows.length === 0 ? (
              <p className="muted">No {unitType}s held.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Vintage</th>
                    {unitType === 'offset' && <th>Project</th>}
                    <th className="num">Held</th>
                    <th className="num">Locked</th>
                    <th className="num">Available</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((holding) => (
                    <tr key={`${holding.vintage}/${holding.projectId ?? ''}`}>
                      <td>{holding.vintage}</td>
                      {unitType === 'offset' && <td>{holding.projectId ?? '–'}</td>}
                      <Num>{formatTonnes(holding.quantity)}</Num>
                      <Num>{formatTonnes(holding.locked)}</Num>
                      <Num>{formatTonnes(holding.quantity - holding.locked)}</Num>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        );
      }}
    </Loadable>
  );
}
