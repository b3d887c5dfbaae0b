/** Formats a record as aligned `key  value` lines; nested values are shown as compact JSON. */
export function formatRecord(value: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(value);
  const width = Math.max(0, ...entries.map(([key]) => key.length));
  return entries.map(([key, field]) => `${key.padEnd(width)}  ${formatValue(field)}`).join('\n');
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return JSON.stringify(value);
}

/** Formats rows as an aligned table with a header. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Decodes a transaction result: parsed JSON when it is JSON, else the text. */
export function decodeResult(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  if (text === '') return '';
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
