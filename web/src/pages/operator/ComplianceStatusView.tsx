import type { ComplianceStatusReport } from '@carbon-ets/contract';
import { Time } from '../../components/ui';
import { formatMoney, formatTonnes } from '../../format';

const MEANING = {
  A: 'covered: surrendered at least what is owed',
  B: 'short: surrendered less than owed',
  C: 'no accepted verified emissions',
} as const;

const SOURCE = {
  report: 'Source: report (accepted)',
  estimate: 'Source: estimate (by the regulator)',
} as const;

/** An installation's status for a period: the code letter, what it owes and has surrendered, and the final outcome. */
export function ComplianceStatusView({ status }: { status: ComplianceStatusReport }) {
  const adjustment = status.carriedAdjustment ?? 0;
  const cap = status.obligationCap;
  const borrowed = status.borrowedAllowances ?? 0;
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
          {status.emissionsSource !== undefined && status.emissionsSource !== null && (
            <div className="muted" data-testid="emissions-source">
              {SOURCE[status.emissionsSource]}
            </div>
          )}
        </div>
        <div className="stat">
          <div className="muted">Obligation</div>
          <div className="value">{formatTonnes(status.obligation)}</div>
          {status.carriedShortfall > 0 && (
            <div className="muted">incl. {formatTonnes(status.carriedShortfall)} carried shortfall</div>
          )}
          {adjustment !== 0 && (
            <div className="muted" data-testid="carried-adjustment">
              incl. {adjustment > 0 ? '+' : ''}
              {formatTonnes(adjustment)} carried adjustment
            </div>
          )}
        </div>
        {cap !== undefined && cap !== null && (
          <div className="stat">
            <div className="muted">Obligation cap</div>
            <div className="value" data-testid="obligation-cap">
              {formatTonnes(cap)}
            </div>
            <div className="muted">owed for own emissions at most</div>
          </div>
        )}
        <div className="stat">
          <div className="muted">Surrendered</div>
          <div className="value">{formatTonnes(status.surrendered)}</div>
          <div className="muted">
            {formatTonnes(status.surrenderedAllowances)} allowances, {formatTonnes(status.surrenderedOffsets)}{' '}
            offsets
          </div>
          {borrowed > 0 && (
            <div className="muted" data-testid="borrowed-allowances">
              incl. {formatTonnes(borrowed)} borrowed from vintage {status.period + 1}
            </div>
          )}
        </div>
        {(status.allocationReturnDue ?? 0) > 0 && (
          <div className="stat">
            <div className="muted">Allocation to return</div>
            <div className="value error" data-testid="allocation-return-due">
              {formatTonnes(status.allocationReturnDue ?? 0)}
            </div>
            <div className="muted">
              {status.final === null
                ? 'to NATIONAL-ALLOCATION by the surrender deadline, else added to the shortfall'
                : 'not returned: added to the shortfall at closing'}
            </div>
          </div>
        )}
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
          shortfall {formatTonnes(status.final.shortfall)}
          {status.final.unreturnedAllocation === undefined
            ? ''
            : ` (incl. ${formatTonnes(status.final.unreturnedAllocation)} of allocation not returned)`}
          , penalty {formatMoney(status.final.penalty, status.final.currency)}
        </p>
      )}
    </>
  );
}
