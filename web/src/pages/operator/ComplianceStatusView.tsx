import type { ComplianceStatusReport } from '@carbon-ets/contract';
import { Time } from '../../components/ui';
import { formatMoney, formatTonnes } from '../../format';

const MEANING = {
  A: 'covered: surrendered at least what is owed',
  B: 'short: surrendered less than owed',
  C: 'no accepted verified emissions',
} as const;

/** An installation's status for a period: the code letter, what it owes and has surrendered, and the final outcome. */
export function ComplianceStatusView({ status }: { status: ComplianceStatusReport }) {
  return (
    <>
      <div className="stats">
        <div className="stat">
          <div className="muted">
            Status {status.period} · {status.installationId}
          </div>
          <div
            className={status.code === 'A' ? 'value ok' : 'value error'}
            data-testid="compliance-status"
            style={{ fontSize: '2.6rem', fontWeight: 700 }}
          >
            {status.code}
          </div>
          <div className="muted">{MEANING[status.code]}</div>
        </div>
        <div className="stat">
          <div className="muted">Verified emissions</div>
          <div className="value">
            {status.verifiedEmissions === null ? '–' : formatTonnes(status.verifiedEmissions)}
          </div>
        </div>
        <div className="stat">
          <div className="muted">Obligation</div>
          <div className="value">{formatTonnes(status.obligation)}</div>
          {status.carriedShortfall > 0 && (
            <div className="muted">incl. {formatTonnes(status.carriedShortfall)} carried</div>
          )}
        </div>
        <div className="stat">
          <div className="muted">Surrendered</div>
          <div className="value">{formatTonnes(status.surrendered)}</div>
          <div className="muted">
            {formatTonnes(status.surrenderedAllowances)} allowances, {formatTonnes(status.surrenderedOffsets)}{' '}
            offsets
          </div>
        </div>
        <div className="stat">
          <div className="muted">Balance</div>
          <div className={status.balance < 0 ? 'value error' : 'value'}>{formatTonnes(status.balance)}</div>
        </div>
      </div>
      {status.final === null ? (
        <p className="muted">The period is open: the status is final when the regulator closes it.</p>
      ) : (
        <p>
          Closed <Time iso={status.final.closedAt} />: final code <strong>{status.final.code}</strong>,
          shortfall {formatTonnes(status.final.shortfall)}, penalty{' '}
          {formatMoney(status.final.penalty, status.final.currency)}
        </p>
      )}
    </>
  );
}
