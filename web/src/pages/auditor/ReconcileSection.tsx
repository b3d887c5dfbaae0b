import { useEffect, useState } from 'react';
import { api, ApiFailure } from '../../api';
import { Outcome, Section, Time } from '../../components/ui';
import { type ReconcileReport, ReconcileResult } from './ReconcileResult';
import { FORM_LAYOUT } from '../operator/form-layout';

/** `GET /audit/reconcile`: the run in flight (blocks replayed of the height) and the last report. */
interface ReconcileState {
  readonly running: boolean;
  readonly by?: string;
  readonly startedAt?: string;
  readonly replayedBlocks: string;
  readonly height: string;
  readonly report?: ReconcileReport;
  readonly error?: string;
}

const POLL_MS = 1000;

/**
 * The auditor's reconcile: the server replays every block with the auditor's identity, rebuilds every balance
 * off-chain and compares it with the world state. Progress shows while it runs, then the result table.
 */
export function ReconcileSection() {
  const [state, setState] = useState<ReconcileState | undefined>();
  const [report, setReport] = useState<ReconcileReport | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [starting, setStarting] = useState(false);
  const running = starting || state?.running === true;

  // The last report and any run in flight (someone else's, or ours after a reload); polled while one runs.
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api<ReconcileState>('GET', '/api/v1/audit/reconcile').then(
        (next) => {
          if (!live) return;
          setState(next);
          if (next.running || starting) timer = setTimeout(poll, POLL_MS);
        },
        (err: unknown) => {
          if (live) setError(err instanceof Error ? err.message : String(err));
        },
      );
    };
    poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [starting]);

  const run = () => {
    setStarting(true);
    setError(undefined);
    setReport(undefined);
    api<ReconcileReport>('POST', '/api/v1/audit/reconcile').then(
      (answer) => {
        setReport(answer);
        setStarting(false);
      },
      (err: unknown) => {
        // Someone else's run: keep showing its progress (the poll goes on while it runs).
        if (!(err instanceof ApiFailure && err.code === 'CONFLICT')) {
          setError(err instanceof Error ? err.message : String(err));
        }
        setStarting(false);
      },
    );
  };

  const shown = report ?? (running ? undefined : state?.report);
  const replayed = Number(state?.replayedBlocks ?? 0);
  const height = Number(state?.height ?? 0);
  return (
    <Section title="Reconcile">
      <p className="muted">
        Replays every block, rebuilds every lot and balance off-chain and compares them with the world state.
      </p>
      <form
        style={FORM_LAYOUT}
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <div>
          <button type="submit" disabled={running}>
            Run reconcile
          </button>
        </div>
      </form>
      {running && (
        <div role="status">
          <p>
            Reconciling…{' '}
            {height > 0
              ? `${replayed.toLocaleString('en-US')} of ${height.toLocaleString('en-US')} blocks replayed`
              : ''}
            {state?.by !== undefined && state.running ? ` (run by ${state.by})` : ''}
          </p>
          <progress
            aria-label="Blocks replayed"
            max={height > 0 ? height : undefined}
            value={height > 0 ? replayed : undefined}
            style={{ width: '100%' }}
          />
        </div>
      )}
      <Outcome error={error ?? (running ? undefined : state?.error)} />
      {shown !== undefined && (
        <>
          {report === undefined && state?.startedAt !== undefined && (
            <p className="muted">
              Last reconcile{state.by !== undefined ? ` by ${state.by}` : ''}, started{' '}
              <Time iso={state.startedAt} />
            </p>
          )}
          <ReconcileResult report={shown} />
        </>
      )}
    </Section>
  );
}
