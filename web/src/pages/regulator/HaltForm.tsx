import type { MarketStatus, ObjectHistory } from '@carbon-ets/contract';
import { useRef, useState } from 'react';
import { api, newRequestId } from '../../api';
import { Field, Loadable, Outcome, Time, useAction, useLoad } from '../../components/ui';
import { otherError, required, submitterOf } from './forms';
import { MARKET_STATUS_EVENTS, useRefreshOn } from './refresh';

/**
 * The market's status, from its ledger history (a key never written answers an empty history, where a plain read
 * would answer 404): none means trading.
 */
async function loadStatus(): Promise<MarketStatus | undefined> {
  const { history } = await api<ObjectHistory>('GET', '/api/v1/history/marketStatus/market');
  return history
    .map((entry) => entry.value as MarketStatus | null)
    .filter((value) => value !== null)
    .reduce<MarketStatus | undefined>(
      (latest, value) => (latest === undefined || value.changedAt > latest.changedAt ? value : latest),
      undefined,
    );
}

/** Halts all trading (orders, matching, proposals) or resumes it, with a reason. */
export function HaltForm() {
  const [reason, setReason] = useState('');
  const intent = useRef<'halt' | 'resume'>('halt');
  const status = useLoad(() => loadStatus().then((value) => ({ value })), []);
  useRefreshOn(MARKET_STATUS_EVENTS, () => {
    status.reload();
  });
  const action = useAction(
    () =>
      api<MarketStatus>(
        'POST',
        `/api/v1/market/${intent.current}`,
        { reason: required(reason, 'reason', 'Halt reason') },
        newRequestId(),
      ),
    () => {
      status.reload();
    },
  );
  return (
    <form
      className="reg-form"
      onSubmit={(event) => {
        intent.current = submitterOf(event) === 'resume' ? 'resume' : 'halt';
        action.submit(event, (changed) => (changed.halted ? 'Market halted.' : 'Market resumed.'));
      }}
    >
      <h3>Trading</h3>
      <Loadable state={status}>
        {({ value }) =>
          value?.halted === true ? (
            <p className="error">
              Halted since <Time iso={value.changedAt} />: {value.reason}
            </p>
          ) : (
            <p className="ok">
              Trading
              {value === undefined ? (
                ''
              ) : (
                <>
                  {' '}
                  since <Time iso={value.changedAt} />
                </>
              )}
              .
            </p>
          )
        }
      </Loadable>
      <Field
        label="Halt reason"
        name="halt-reason"
        value={reason}
        onChange={setReason}
        placeholder="Why trading stops or resumes"
        error={action.fieldError('reason')}
      />
      <Outcome error={otherError(action, ['reason'])} done={action.done} />
      <div className="reg-actions">
        <button type="submit" value="halt" disabled={action.busy}>
          Halt market
        </button>
        <button type="submit" value="resume" className="secondary" disabled={action.busy}>
          Resume market
        </button>
      </div>
    </form>
  );
}
