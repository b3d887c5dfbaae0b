import type { HistoryEntry } from '@carbon-ets/contract';
import { Num, Time } from '../../components/ui';
import { submitterOf } from './submitter';

/** A one-line glimpse of a version's value: its status when it has one, else the start of its JSON. */
function glimpse(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'status' in value) {
    const status = value.status;
    if (typeof status === 'string') return status;
  }
  const text = (JSON.stringify(value) as string | undefined) ?? 'null';
  return text.length > 48 ? `${text.slice(0, 48)}…` : text;
}

/** Every version of an object, newest first, numbered from the oldest (1). */
export function HistoryTable({
  history,
  blocks,
}: {
  history: readonly HistoryEntry[];
  blocks: ReadonlyMap<string, string> | undefined;
}) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table aria-label="Versions">
        <thead>
          <tr>
            <th className="num">Version</th>
            <th>Transaction id</th>
            <th className="num">Block</th>
            <th>Time</th>
            <th>Submitter</th>
            <th>Deleted</th>
            <th>Value</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry, index) => (
            <tr key={`${entry.txId}/${index}`}>
              <Num>{history.length - index}</Num>
              <td>
                <code title={entry.txId}>{entry.txId.slice(0, 10)}…</code>
              </td>
              <Num>{blocks === undefined ? '…' : (blocks.get(entry.txId) ?? '–')}</Num>
              <td>
                <Time iso={entry.timestamp} />
              </td>
              <td>{submitterOf(entry.value) ?? <span className="muted">–</span>}</td>
              <td>{entry.isDelete ? 'deleted' : 'no'}</td>
              <td>
                {entry.isDelete ? (
                  <span className="muted">–</span>
                ) : (
                  <details>
                    <summary>{glimpse(entry.value)}</summary>
                    <pre style={{ maxWidth: '60ch', overflowX: 'auto', fontSize: '0.8rem' }}>
                      {JSON.stringify(entry.value, null, 2)}
                    </pre>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
