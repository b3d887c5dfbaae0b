import { Num } from '../../components/ui';
import { formatMoney } from '../../format';

/** A reconcile's answer, whatever fields the server's version gives: scalars, the totals table, mismatches. */
export type ReconcileReport = Readonly<Record<string, unknown>> & { readonly mismatches?: readonly string[] };

/** `replayedBlocks` → `Replayed blocks`. */
const labelOf = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function scalar(key: string, value: unknown): string {
  if (typeof value === 'number' && key !== 'vintage') {
    return key.endsWith('Seconds')
      ? `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} s`
      : value.toLocaleString('en-US');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rows of objects (e.g. totals per unit type and vintage) as a table with a column per field. */
function ObjectTable({ label, rows }: { label: string; rows: readonly Record<string, unknown>[] }) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return (
    <div style={{ overflowX: 'auto' }}>
      <table aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} className={typeof rows[0]?.[column] === 'number' ? 'num' : undefined}>
                {labelOf(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) =>
                typeof row[column] === 'number' && column !== 'vintage' ? (
                  <Num key={column}>{scalar(column, row[column])}</Num>
                ) : (
                  <td key={column} className={typeof row[column] === 'number' ? 'num' : undefined}>
                    {row[column] === false ? <span className="error">no</span> : scalar(column, row[column])}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The outcome of a reconcile: "N mismatches" first, then every figure it reports. */
export function ReconcileResult({ report }: { report: ReconcileReport }) {
  const listed: unknown = report.mismatches;
  const mismatches = Array.isArray(listed) ? listed.map((line: unknown) => String(line)) : undefined;
  const pending: unknown = report.unsettled;
  const unsettled = Array.isArray(pending) ? pending.map((line: unknown) => String(line)) : [];
  const entries = Object.entries(report).filter(([key]) => key !== 'mismatches' && key !== 'unsettled');
  const scalars = entries.filter(([, value]) => !isRecord(value) && !Array.isArray(value));
  const tables = entries.filter(
    (entry): entry is [string, Record<string, unknown>[]] =>
      Array.isArray(entry[1]) && entry[1].every(isRecord),
  );
  const groups = entries.filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]));
  return (
    <>
      <p className={mismatches?.length === 0 ? 'ok' : 'error'} style={{ fontSize: '1.2rem' }}>
        <strong data-testid="reconcile-result">
          {mismatches === undefined
            ? 'The answer lists no mismatches field'
            : `${mismatches.length} mismatch${mismatches.length === 1 ? '' : 'es'}`}
        </strong>
      </p>
      {mismatches !== undefined && mismatches.length > 0 && (
        <ul aria-label="Mismatches">
          {mismatches.map((line) => (
            <li key={line} className="error">
              {line}
            </li>
          ))}
        </ul>
      )}
      {unsettled.length > 0 && (
        <>
          <p className="muted">
            Not judged: {unsettled.length} difference{unsettled.length === 1 ? '' : 's'} on accounts that
            transactions changed during every comparison round. Run again when they are quieter.
          </p>
          <ul aria-label="Not judged">
            {unsettled.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <table aria-label="Reconcile result">
        <tbody>
          {scalars.map(([key, value]) => (
            <tr key={key}>
              <th>{labelOf(key)}</th>
              {typeof value === 'number' ? <Num>{scalar(key, value)}</Num> : <td>{scalar(key, value)}</td>}
            </tr>
          ))}
          {groups.flatMap(([group, values]) =>
            Object.entries(values).map(([key, value]) => (
              <tr key={`${group}.${key}`}>
                <th>
                  {labelOf(group)}: {labelOf(key)}
                </th>
                <Num>
                  {group === 'funds' && typeof value === 'string' && /^-?\d+$/.test(value)
                    ? formatMoney(value)
                    : scalar(key, value)}
                </Num>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {tables.map(([key, rows]) => (
        <div key={key}>
          <h3>{labelOf(key)}</h3>
          {rows.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ObjectTable label={labelOf(key)} rows={rows} />
          )}
        </div>
      ))}
    </>
  );
}
