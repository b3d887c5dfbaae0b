import type { ClearingResult } from '@carbon-ets/contract';
import { api, newRequestId } from '../../api';
import { Loadable, Num, Outcome, Time, useAction, useLoad } from '../../components/ui';
import { useRefreshOnNotice } from '../../notifications';

type ClearingMode = 'automatic' | 'manual';

/** One instrument's clearing, as `GET /api/v1/market/operator` answers (the server's `InstrumentClearing`). */
interface InstrumentClearing {
  readonly clearing: ClearingMode;
  readonly inFlight: boolean;
  readonly pending: boolean;
  readonly rounds: number;
  readonly failures: number;
  readonly trades: number;
  readonly lastRoundAt?: string;
  readonly lastTransactionId?: string;
  readonly lastError?: string;
}

interface OperatorState {
  readonly running: boolean;
  readonly halted: boolean;
  readonly minIntervalMs: number;
  readonly instruments: Readonly<Record<string, InstrumentClearing>>;
}

/** The market operator of the regulator's server: per instrument its clearing mode, rounds, fills and failures. */
export function OperatorStateView() {
  const state = useLoad(() => api<OperatorState>('GET', '/api/v1/market/operator'), []);
  useRefreshOnNotice(() => {
    state.reload();
  });
  return (
    <div className="reg-form">
      <h3>Market operator</h3>
      <Loadable state={state}>
        {(operator) => (
          <OperatorTable
            operator={operator}
            onChanged={() => {
              state.reload();
            }}
          />
        )}
      </Loadable>
    </div>
  );
}

function OperatorTable({ operator, onChanged }: { operator: OperatorState; onChanged: () => void }) {
  const instruments = Object.entries(operator.instruments).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <p className="muted">
        {operator.running ? 'Running' : 'Stopped'}
        {operator.halted ? ', paused while the market is halted' : ''}; rounds of one instrument at least{' '}
        {operator.minIntervalMs.toLocaleString('en-US')} ms apart. An instrument appears once an order of it
        arrives.
      </p>
      {instruments.length === 0 ? (
        <p className="muted">No instrument has had an order yet.</p>
      ) : (
        <div className="reg-scroll">
          <table>
            <thead>
              <tr>
                <th>Instrument</th>
                <th>Clearing</th>
                <th className="num">Rounds</th>
                <th className="num">Trades</th>
                <th className="num">Failures</th>
                <th>Last round</th>
                <th>Last error</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {instruments.map(([instrument, clearing]) => (
                <InstrumentRow
                  key={instrument}
                  instrument={instrument}
                  clearing={clearing}
                  onChanged={onChanged}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function InstrumentRow({
  instrument,
  clearing,
  onChanged,
}: {
  instrument: string;
  clearing: InstrumentClearing;
  onChanged: () => void;
}) {
  const next: ClearingMode = clearing.clearing === 'automatic' ? 'manual' : 'automatic';
  const path = encodeURIComponent(instrument);
  const switchMode = useAction(
    () => api<InstrumentClearing>('PUT', `/api/v1/market/operator/instruments/${path}`, { clearing: next }),
    onChanged,
  );
  const clear = useAction(
    () => api<ClearingResult>('POST', `/api/v1/instruments/${path}/clearings`, {}, newRequestId()),
    onChanged,
  );
  const activity = clearing.inFlight ? ' · clearing…' : clearing.pending ? ' · orders waiting' : '';
  return (
    <tr>
      <td>{instrument}</td>
      <td>
        {clearing.clearing}
        {activity}
      </td>
      <Num>{clearing.rounds.toLocaleString('en-US')}</Num>
      <Num>{clearing.trades.toLocaleString('en-US')}</Num>
      <Num>{clearing.failures.toLocaleString('en-US')}</Num>
      <td>
        <Time iso={clearing.lastRoundAt} />
      </td>
      <td className={clearing.lastError === undefined ? undefined : 'error'}>{clearing.lastError ?? '–'}</td>
      <td>
        <div className="reg-actions">
          <button
            type="button"
            className="secondary"
            disabled={switchMode.busy}
            onClick={() => {
              switchMode.submit(
                undefined,
                () => `${instrument} is cleared ${next === 'manual' ? 'by hand' : 'automatically'}.`,
              );
            }}
          >
            Switch {instrument} to {next}
          </button>
          {clearing.clearing === 'manual' && (
            <button
              type="button"
              className="secondary"
              disabled={clear.busy}
              onClick={() => {
                clear.submit(
                  undefined,
                  (result) =>
                    `${result.instrument}: ${result.trades.length} trade(s)${result.more ? ', more to clear' : ''}.`,
                );
              }}
            >
              Clear {instrument} now
            </button>
          )}
        </div>
        <Outcome error={switchMode.formError ?? clear.formError} done={clear.done ?? switchMode.done} />
      </td>
    </tr>
  );
}
