import { writeFileSync } from 'node:fs';
import { formatSerials } from '@carbon-ets/contract';
import { type Command, ExpectedError, requiredOption } from '../command';
import { facades, optionalText, today } from './support';

type Cell = string | number | boolean | null | undefined;

/** RFC 4180: quote a field when it holds a comma, quote or line break. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const field = (cell: Cell): string => {
    const text = cell === null || cell === undefined ? '' : String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export const exportCsvCommand: Command = {
  name: 'export csv',
  summary: "Auditor/supervisor/owner: an account's lots (`holdings <accountId>`) or a day's trades as CSV",
  arguments: {
    '<what>': 'holdings (with <accountId>) or trades (with --instrument)',
    '[accountId]': 'holdings: the account',
  },
  options: {
    instrument: { type: 'string', description: 'trades: the instrument' },
    day: { type: 'string', description: 'trades: the day (default today, UTC)' },
    out: { type: 'string', description: 'write to this file instead of stdout' },
  },
  async run(context) {
    const [what, accountId] = context.args;
    const { query, market } = facades(context);
    let csv: string;
    if (what === 'holdings' && accountId !== undefined) {
      const { holdings } = await query.getHoldings(accountId);
      csv = toCsv(
        [
          'account',
          'unitType',
          'vintage',
          'projectId',
          'status',
          'lotId',
          'serialStart',
          'serialEnd',
          'quantity',
          'lockedBy',
          // A consolidated lot may hold several serial ranges: serialStart..serialEnd then has gaps.
          'serials',
        ],
        holdings.flatMap((h) =>
          h.lots.map((lot) => [
            accountId,
            h.unitType,
            h.vintage,
            h.projectId,
            h.status,
            lot.id,
            lot.serialStart,
            lot.serialEnd,
            lot.quantity,
            lot.lockedBy,
            formatSerials(lot),
          ]),
        ),
      );
    } else if (what === 'trades') {
      const trades = await market.getTrades({
        instrument: requiredOption(context, 'instrument'),
        day: optionalText(context, 'day') ?? today(),
      });
      csv = toCsv(
        [
          'tradeId',
          'kind',
          'instrument',
          'day',
          'executedAt',
          'price',
          'quantity',
          'value',
          'buyAccountId',
          'sellAccountId',
          'txId',
        ],
        trades.map((t) => [
          t.id,
          t.kind,
          t.instrument,
          t.day,
          t.executedAt,
          t.price,
          t.quantity,
          t.value,
          t.buyAccountId,
          t.sellAccountId,
          t.txId,
        ]),
      );
    } else {
      throw new ExpectedError(
        'usage: carbon export csv holdings <accountId> | trades --instrument <id> [--day <day>]',
      );
    }
    const out = optionalText(context, 'out');
    if (out === undefined) {
      context.print(csv.replace(/\r\n$/, ''));
    } else {
      writeFileSync(out, csv);
      context.note(`wrote ${csv.split('\r\n').length - 2} row(s) to ${out}`);
    }
  },
};
