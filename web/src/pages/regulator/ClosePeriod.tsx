import type { PeriodClosing } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Outcome, Time, useAction } from '../../components/ui';
import { formatTonnes } from '../../format';

/** Closes a period after its surrender deadline: a two-step button, since closing is final. */
export function ClosePeriod({
  year,
  surrenderBy,
  onClosed,
}: {
  year: number;
  surrenderBy: string;
  onClosed: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction(
    () => api<PeriodClosing>('POST', `/api/v1/periods/${year}/closing`, {}, newRequestId()),
    () => {
      setConfirming(false);
      onClosed();
    },
  );
  return (
    <div className="reg-form">
      <Outcome error={action.formError} done={action.done} />
      {confirming ? (
        <div className="reg-actions">
          <span>Closing records every installation&apos;s final code, shortfall and penalty for good.</span>
          <button
            type="button"
            className="primary"
            disabled={action.busy}
            onClick={() => {
              action.submit(
                undefined,
                (closing) =>
                  `Period ${closing.period} closed: ${closing.outcomes.length} installation(s), total shortfall ${formatTonnes(closing.totalShortfall)}.`,
              );
            }}
          >
            Confirm closing {year}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setConfirming(false);
            }}
          >
            Keep open
          </button>
        </div>
      ) : (
        <div className="reg-actions">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setConfirming(true);
            }}
          >
            Close period {year}
          </button>
          <span className="muted">
            After the surrender deadline, <Time iso={surrenderBy} />.
          </span>
        </div>
      )}
    </div>
  );
}
