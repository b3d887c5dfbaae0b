import type { PeriodClosing } from '@carbon-ets/contract';
import { useState } from 'react';
import { api, newRequestId } from '../../api';
import { Outcome, Time, useAction } from '../../components/ui';
import { formatTonnes } from '../../format';

/**
 * Closes a period after its surrender deadline: a two-step button, since closing is final. Closing is paged (a
 * transaction per page of installations), so the button calls until the period is closed, showing how many
 * installations are closed; after a refused page (an installation without emissions) it resumes the closing.
 */
export function ClosePeriod({
  year,
  surrenderBy,
  resuming = false,
  onClosed,
}: {
  year: number;
  surrenderBy: string;
  /** The period's closing has begun (status `closing`). */
  resuming?: boolean;
  onClosed: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [closedSoFar, setClosedSoFar] = useState<number | undefined>();
  const action = useAction(
    async () => {
      for (;;) {
        // Each page is its own transaction: a new request id each time.
        const page = await api<PeriodClosing>('POST', `/api/v1/periods/${year}/closing`, {}, newRequestId());
        setClosedSoFar(page.closed);
        if (page.done) return page;
      }
    },
    () => {
      setConfirming(false);
      onClosed();
    },
  );
  return (
    <div className="reg-form">
      <Outcome error={action.formError} done={action.done} />
      {action.busy && closedSoFar !== undefined && (
        <p className="muted" role="status">
          Closing {year}: {closedSoFar} installation(s) closed so far…
        </p>
      )}
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
                  `Period ${closing.period} closed: ${closing.closed} installation(s), total shortfall ${formatTonnes(closing.totalShortfall)}.`,
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
            {resuming ? `Resume closing ${year}` : `Close period ${year}`}
          </button>
          <span className="muted">
            After the surrender deadline, <Time iso={surrenderBy} />.
          </span>
        </div>
      )}
    </div>
  );
}
