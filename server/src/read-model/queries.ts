import type {
  Account,
  AccountHoldings,
  CashEntry,
  CompliancePeriod,
  ComplianceRecord,
  ComplianceStatusReport,
  EmissionReport,
  FundsBalance,
  Holding,
  Lot,
  Order,
  OrderStatus,
  Trade,
} from '@carbon-ets/contract';
import type { ServerDatabase } from '../store/database';
import type { Page } from './ledger-block';
import { priceBar, type PriceBar, type Resolution } from './price-bars';

/** Filters of an order list; every one is optional and they combine with AND. */
export interface OrderFilter {
  readonly accountId?: string;
  readonly entityId?: string;
  readonly instrument?: string;
  readonly status?: OrderStatus;
  readonly limit: number;
  /** From a previous page's `nextCursor`. */
  readonly cursor?: string;
}

/** Filters of a trade list: an account or entity matches either side of a trade. */
export interface TradeFilter {
  readonly instrument?: string;
  readonly accountId?: string;
  readonly entityId?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface ReportFilter {
  readonly entityId?: string;
  readonly period?: number;
  readonly installationId?: string;
}

export interface ComplianceFilter {
  readonly period?: number;
  readonly entityId?: string;
  readonly installationId?: string;
}

/** Largest page any list returns, whatever the caller asks. */
export const MAX_PAGE = 500;

/** Thrown for a cursor this model did not hand out. */
export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`cursor ${JSON.stringify(cursor)} is not one this server returned`);
    this.name = 'InvalidCursorError';
  }
}

/** A cursor is the row number of the last item of the previous page (lists are newest first). */
function cursorRow(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^[1-9][0-9]{0,15}$/.test(cursor)) throw new InvalidCursorError(cursor);
  return Number(cursor);
}

export function pageSize(limit: number): number {
  return Math.max(1, Math.min(MAX_PAGE, Math.trunc(limit)));
}

/** A WHERE clause built from optional conditions. */
class Where {
  private readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }

  when(value: string | number | undefined, clause: string, times = 1): this {
    return value === undefined ? this : this.add(clause, ...Array<string | number>(times).fill(value));
  }

  toString(): string {
    return this.clauses.length === 0 ? '' : `WHERE ${this.clauses.join(' AND ')}`;
  }
}

/** Same order as the chaincode's `compareLots`: vintage, project, first serial, id. */
function compareLots(a: Lot, b: Lot): number {
  const text = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return (
    a.vintage - b.vintage ||
    text(a.projectId ?? '', b.projectId ?? '') ||
    a.serialStart - b.serialStart ||
    text(a.id, b.id)
  );
}

/** Groups lots as `Query:GetHoldings` does: by unit type, vintage, project and status, oldest vintage first. */
function groupHoldings(lots: readonly Lot[]): Holding[] {
  const groups = new Map<string, Lot[]>();
  for (const lot of [...lots].sort(compareLots)) {
    const key = `${lot.unitType}|${lot.vintage}|${lot.projectId ?? ''}|${lot.status}`;
    groups.set(key, [...(groups.get(key) ?? []), lot]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] ?? ({} as Lot);
    return {
      unitType: first.unitType,
      vintage: first.vintage,
      projectId: first.projectId ?? null,
      status: first.status,
      quantity: group.reduce((sum, lot) => sum + lot.quantity, 0),
      locked: group.reduce((sum, lot) => (lot.lockedBy === undefined ? sum : sum + lot.quantity), 0),
      lots: group.map((lot) => ({
        id: lot.id,
        serialStart: lot.serialStart,
        serialEnd: lot.serialEnd,
        ...(lot.serialRanges === undefined ? {} : { serialRanges: lot.serialRanges }),
        quantity: lot.quantity,
        lockedBy: lot.lockedBy ?? null,
      })),
    };
  });
}

/** balance = surrendered − (verified emissions + carried shortfall); code A, B or C, as the chaincode. */
function complianceStatus(record: ComplianceRecord): ComplianceStatusReport {
  const obligation = (record.verifiedEmissions ?? 0) + record.carriedShortfall;
  const surrendered = record.surrenderedAllowances + record.surrenderedOffsets;
  const balance = surrendered - obligation;
  return {
    period: record.period,
    installationId: record.installationId,
    verifiedEmissions: record.verifiedEmissions ?? null,
    carriedShortfall: record.carriedShortfall,
    obligation,
    surrendered,
    surrenderedAllowances: record.surrenderedAllowances,
    surrenderedOffsets: record.surrenderedOffsets,
    balance,
    code: record.verifiedEmissions === undefined ? 'C' : balance >= 0 ? 'A' : 'B',
    final: record.final ?? null,
  };
}

/** A stored object: the chaincode's JSON, typed by the table it comes from. */
function parse(row: { json: string }): unknown {
  return JSON.parse(row.json);
}

/**
 * The read side of the projection. Objects come back as the chaincode stored them (its JSON), so they have the
 * wire contract's answer shapes; callers add the block height they reflect.
 */
export class Queries {
  constructor(private readonly db: ServerDatabase) {}

  orders(filter: OrderFilter): Omit<Page<Order>, 'height'> {
    const where = new Where()
      .when(filter.accountId, 'account_id = ?')
      .when(filter.entityId, 'entity_id = ?')
      .when(filter.instrument, 'instrument = ?')
      .when(filter.status, 'status = ?')
      .when(cursorRow(filter.cursor), 'row < ?');
    return this.page('rm_orders', where, pageSize(filter.limit)) as Omit<Page<Order>, 'height'>;
  }

  order(id: string): Order | null {
    const row = this.db
      .prepare<[string], { json: string }>('SELECT json FROM rm_orders WHERE id = ?')
      .get(id);
    return row === undefined ? null : (parse(row) as Order);
  }

  trades(filter: TradeFilter): Omit<Page<Trade>, 'height'> {
    const where = new Where()
      .when(filter.instrument, 'instrument = ?')
      .when(filter.accountId, '(buy_account_id = ? OR sell_account_id = ?)', 2)
      .when(filter.entityId, '(buyer_entity_id = ? OR seller_entity_id = ?)', 2)
      .when(cursorRow(filter.cursor), 'row < ?');
    return this.page('rm_trades', where, pageSize(filter.limit)) as Omit<Page<Trade>, 'height'>;
  }

  /** Newest first, one more row than the page to know whether another page follows. */
  private page(table: string, where: Where, limit: number): Omit<Page<unknown>, 'height'> {
    const rows = this.db
      .prepare<unknown[], { row: number; json: string }>(
        `SELECT row, json FROM ${table} ${where.toString()} ORDER BY row DESC LIMIT ?`,
      )
      .all(...where.params, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(parse),
      ...(rows.length > limit && last !== undefined ? { nextCursor: String(last.row) } : {}),
    };
  }

  /** An account with its holdings as `Query:GetHoldings` answers; `null` for an account not on the ledger. */
  holdings(accountId: string): AccountHoldings | null {
    const account = this.db
      .prepare<[string], { json: string }>('SELECT json FROM rm_accounts WHERE id = ?')
      .get(accountId);
    if (account === undefined) return null;
    const lots = this.db
      .prepare<[string], { json: string }>('SELECT json FROM rm_lots WHERE account_id = ?')
      .all(accountId)
      .map((row) => parse(row) as Lot);
    return { account: parse(account) as Account, holdings: groupHoldings(lots) };
  }

  /**
   * An account's funds as `Funds:GetBalance` answers (fen, decimal text): its cash entries are available, the
   * escrow of its open buy orders, of its open auction bids and of its buy orders awaiting approval is locked.
   */
  funds(accountId: string): FundsBalance | null {
    const known = this.db.prepare('SELECT 1 FROM rm_accounts WHERE id = ?').get(accountId);
    if (known === undefined) return null;
    const entries = this.db
      .prepare<[string], { json: string }>('SELECT json FROM rm_cash WHERE account_id = ? ORDER BY id')
      .all(accountId)
      .map((row) => parse(row) as CashEntry);
    const available = entries.reduce((sum, entry) => sum + BigInt(entry.amount), 0n);
    const orders = this.db
      .prepare<[string], { json: string }>(
        "SELECT json FROM rm_orders WHERE account_id = ? AND status = 'open' AND side = 'buy'",
      )
      .all(accountId)
      .reduce((sum, row) => sum + BigInt((parse(row) as Order).escrow), 0n);
    // Auction bids' escrow and buy orders awaiting approval.
    const held = this.db
      .prepare<[string], { escrow: string }>('SELECT escrow FROM rm_escrow WHERE account_id = ?')
      .all(accountId)
      .reduce((sum, row) => sum + BigInt(row.escrow), 0n);
    const locked = orders + held;
    return {
      accountId,
      currency: 'fen',
      available: available.toString(),
      locked: locked.toString(),
      total: (available + locked).toString(),
      entries,
    };
  }

  reports(filter: ReportFilter): EmissionReport[] {
    const where = new Where()
      .when(filter.entityId, 'entity_id = ?')
      .when(filter.period, 'period = ?')
      .when(filter.installationId, 'installation_id = ?');
    return this.db
      .prepare<unknown[], { json: string }>(
        `SELECT json FROM rm_reports ${where.toString()} ORDER BY period, installation_id`,
      )
      .all(...where.params)
      .map((row) => parse(row) as EmissionReport);
  }

  /**
   * Compliance status per installation and period, computed as `Compliance:GetComplianceStatus` does from the
   * installation's compliance record. An installation of the filter without a record yet is status C.
   */
  complianceStatuses(filter: ComplianceFilter): ComplianceStatusReport[] {
    const where = new Where()
      .when(filter.period, 'c.period = ?')
      .when(filter.installationId, 'c.installation_id = ?')
      .when(filter.entityId, 'i.entity_id = ?');
    const records = this.db
      .prepare<unknown[], { json: string }>(
        `SELECT c.json FROM rm_compliance c LEFT JOIN rm_installations i ON i.id = c.installation_id
         ${where.toString()} ORDER BY c.period, c.installation_id`,
      )
      .all(...where.params)
      .map((row) => parse(row) as ComplianceRecord);
    if (filter.period !== undefined && filter.installationId !== undefined && records.length === 0) {
      // No record yet: the chaincode answers the empty record's status (C) for a known installation.
      const owner = this.db
        .prepare<[string], { entity_id: string }>('SELECT entity_id FROM rm_installations WHERE id = ?')
        .get(filter.installationId)?.entity_id;
      if (owner !== undefined && (filter.entityId === undefined || filter.entityId === owner)) {
        records.push({
          period: filter.period,
          installationId: filter.installationId,
          surrenderedAllowances: 0,
          surrenderedOffsets: 0,
          carriedShortfall: 0,
        });
      }
    }
    return records.map(complianceStatus);
  }

  openPeriods(): CompliancePeriod[] {
    return (
      this.db.prepare("SELECT json FROM rm_periods WHERE status = 'open' ORDER BY year").all() as {
        json: string;
      }[]
    ).map((row) => JSON.parse(row.json) as CompliancePeriod);
  }

  /** The best open bid and ask of an instrument (fen per tonne), null for an empty side. */
  bestPrices(instrument: string): { bid: number | null; ask: number | null } {
    const best = (side: 'buy' | 'sell', pick: 'MAX' | 'MIN'): number | null =>
      (
        this.db
          .prepare(
            `SELECT ${pick}(json_extract(json, '$.price')) AS price FROM rm_orders WHERE instrument = ? AND status = 'open' AND side = ?`,
          )
          .get(instrument, side) as { price: number | null }
      ).price;
    return { bid: best('buy', 'MAX'), ask: best('sell', 'MIN') };
  }

  /** Bars of an instrument, oldest first, whose bucket lies in `[from, to]` (ISO texts, cut to the bucket). */
  priceSeries(instrument: string, resolution: Resolution, from?: string, to?: string): PriceBar[] {
    const length = resolution === 'day' ? 10 : 16;
    const where = new Where()
      .add('instrument = ?', instrument)
      .add('resolution = ?', resolution)
      .when(from?.slice(0, length), 'bucket >= ?')
      .when(to?.slice(0, length), 'bucket <= ?');
    return this.db
      .prepare<unknown[], Parameters<typeof priceBar>[0]>(
        `SELECT * FROM rm_price_bars ${where.toString()} ORDER BY bucket`,
      )
      .all(...where.params)
      .map(priceBar);
  }
}
