import type {
  AccountHoldings,
  CompliancePeriod,
  ComplianceStatusReport,
  EmissionReport,
  FundsBalance,
  Order,
  Trade,
} from '@carbon-ets/contract';
import type { ServerDatabase } from '../store/database';
import { ComplianceProjection } from './compliance-projection';
import { EventLog, type Viewer } from './event-log';
import { HoldingsProjection } from './holdings-projection';
import type { AtHeight, LedgerBlock, LoggedEvent, Page } from './ledger-block';
import { Lookups } from './lookups';
import { MarketProjection } from './market-projection';
import type { PriceBar, Resolution } from './price-bars';
import {
  pageSize,
  Queries,
  type ComplianceFilter,
  type OrderFilter,
  type ReportFilter,
  type TradeFilter,
} from './queries';
import { PeriodProjection } from './period-projection';
import { RegistryProjection } from './registry-projection';
import { dropReadModel, migrateReadModel } from './schema';
import { objectWrite, type StateProjector } from './state-writes';

/** Thrown when a block is not the next one the model needs (a gap would silently lose state). */
export class BlockOutOfOrderError extends Error {
  constructor(
    readonly expected: bigint,
    readonly got: bigint,
  ) {
    super(`the read model needs block ${expected} next, got block ${got}`);
    this.name = 'BlockOutOfOrderError';
  }
}

/** The statements and projectors of one schema instance (made again after a reset drops the tables). */
interface Parts {
  readonly projectors: ReadonlyMap<string, StateProjector>;
  readonly log: EventLog;
  readonly queries: Queries;
  readonly readHeight: { get(): { next_block: number } | undefined };
  readonly writeHeight: { run(next: number): unknown };
}

/**
 * The server's read model: an SQLite projection of the carbon ledger, fed block by block from a checkpoint.
 * State tables mirror the chaincode's objects as its valid transactions wrote them (so holdings, funds, orders,
 * reports and compliance answer exactly as the chaincode does at the same height); the event log keeps every
 * carbon event with its audience for notifications. The ledger stays the source of truth: nothing here is
 * ever written back, and {@link reset} rebuilds the whole projection from block 0.
 */
export class ReadModel {
  private parts: Parts;

  constructor(private readonly db: ServerDatabase) {
    migrateReadModel(db);
    this.parts = this.prepare();
  }

  private prepare(): Parts {
    const lookups = new Lookups(this.db);
    const projectors = new Map<string, StateProjector>();
    for (const projector of [
      new RegistryProjection(this.db),
      new PeriodProjection(this.db),
      new HoldingsProjection(this.db),
      new MarketProjection(this.db),
      new ComplianceProjection(this.db),
    ]) {
      projector.types.forEach((type) => projectors.set(type, projector));
    }
    return {
      projectors,
      log: new EventLog(this.db, lookups),
      queries: new Queries(this.db),
      readHeight: this.db.prepare<[], { next_block: number }>(
        'SELECT next_block FROM rm_checkpoint WHERE id = 1',
      ),
      writeHeight: this.db.prepare<[number]>('UPDATE rm_checkpoint SET next_block = ? WHERE id = 1'),
    };
  }

  /** Blocks applied: the model reflects blocks 0 … height − 1, and the next block it needs is `height`. */
  height(): bigint {
    return BigInt(this.currentHeight());
  }

  private currentHeight(): number {
    return this.parts.readHeight.get()?.next_block ?? 0;
  }

  /**
   * Applies one block: its writes to the state tables, then its events to the log, then the checkpoint, all in
   * ONE SQLite transaction (a crash leaves the block wholly applied or not at all). A block already applied is
   * skipped (returns `[]`); a block beyond the next one throws {@link BlockOutOfOrderError}. Returns the events
   * as logged, with their `seq` and audience, for the caller to push as notifications.
   */
  apply(block: LedgerBlock): LoggedEvent[] {
    if (block.number > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`block number ${block.number} is beyond what the read model stores`);
    }
    const number = Number(block.number);
    return this.db.transaction((): LoggedEvent[] => {
      const next = this.currentHeight();
      if (number < next) return [];
      if (number > next) throw new BlockOutOfOrderError(BigInt(next), block.number);
      for (const write of block.writes) {
        const parsed = objectWrite(write);
        if (parsed === undefined) continue;
        this.parts.projectors.get(parsed.type)?.apply(parsed, number);
      }
      // Audiences are looked up after the block's writes: every account, installation or order an event names
      // is then known, and none is ever deleted.
      const logged = block.events.map((event) => this.parts.log.append(event, number, block.timestamp));
      this.parts.writeHeight.run(number + 1);
      return logged;
    })();
  }

  /** Drops the whole projection and starts again empty at block 0 (`--rebuild`). */
  reset(): void {
    dropReadModel(this.db);
    migrateReadModel(this.db);
    this.parts = this.prepare();
  }

  /** Reads `read` and the height in one read transaction, so the answer and its height agree. */
  private atHeight<T>(read: (queries: Queries) => T): AtHeight<T> {
    return this.db.transaction(() => ({ value: read(this.parts.queries), height: this.currentHeight() }))();
  }

  private paged<T>(read: (queries: Queries) => Omit<Page<T>, 'height'>): Page<T> {
    const { value, height } = this.atHeight(read);
    return { ...value, height };
  }

  /** Orders, newest first, filtered by account, entity, instrument and status. */
  orders(filter: OrderFilter): Page<Order> {
    return this.paged((queries) => queries.orders(filter));
  }

  /** One order as `Market:GetOrder` answers, or `null`. */
  order(id: string): AtHeight<Order | null> {
    return this.atHeight((queries) => queries.order(id));
  }

  /** Settled trades (order-book and bilateral), newest first. */
  trades(filter: TradeFilter): Page<Trade> {
    return this.paged((queries) => queries.trades(filter));
  }

  /** An account and its holdings as `Query:GetHoldings` answers (held and locked per unit type, vintage …). */
  holdings(accountId: string): AtHeight<AccountHoldings | null> {
    return this.atHeight((queries) => queries.holdings(accountId));
  }

  /** An account's funds as `Funds:GetBalance` answers (fen, decimal text). */
  funds(accountId: string): AtHeight<FundsBalance | null> {
    return this.atHeight((queries) => queries.funds(accountId));
  }

  /** The current version of each report matching the filter (latest status, version and emissions). */
  reports(filter: ReportFilter = {}): AtHeight<EmissionReport[]> {
    return this.atHeight((queries) => queries.reports(filter));
  }

  /** Compliance statuses as `Compliance:GetComplianceStatus` computes them, per installation and period. */
  complianceStatus(filter: ComplianceFilter): AtHeight<ComplianceStatusReport[]> {
    return this.atHeight((queries) => queries.complianceStatuses(filter));
  }

  /** The newest logged event's `seq` (0 for an empty log): where a new notification stream starts. */
  lastSeq(): number {
    return this.parts.log.lastSeq();
  }

  /** The open compliance periods, oldest first. */
  openPeriods(): AtHeight<CompliancePeriod[]> {
    return this.atHeight((queries) => queries.openPeriods());
  }

  /**
   * Whether an instrument's book may cross: its best open bid is at or above its best open ask. (It may still
   * not trade: the two could be the same entity's, or a frozen account's.)
   */
  mayCross(instrument: string): boolean {
    const { bid, ask } = this.parts.queries.bestPrices(instrument);
    return bid !== null && ask !== null && bid >= ask;
  }

  /** Daily or per-minute open/high/low/last/volume/turnover of an instrument, oldest first. */
  priceSeries(instrument: string, resolution: Resolution, from?: string, to?: string): AtHeight<PriceBar[]> {
    return this.atHeight((queries) => queries.priceSeries(instrument, resolution, from, to));
  }

  /**
   * Logged events after `afterSeq`, oldest first, whole: all of them, or those concerning one of `entityIds`
   * (for supervisors' tools and the server's own loops; a user's stream is {@link eventsFor}).
   */
  events(query: {
    afterSeq: number;
    entityIds: readonly string[] | 'all';
    limit: number;
  }): Page<LoggedEvent> {
    return this.eventPage(
      (log) => log.read(query.afterSeq, query.entityIds, pageSize(query.limit)),
      query.limit,
    );
  }

  /**
   * The events after `afterSeq` that `viewer` may see (SSE with `Last-Event-ID` = `afterSeq`): everything for
   * the regulator and the auditor; for anyone else public events, their role's, and their entity's, cut to
   * their own share (`audience.parties` and `kinds` are the viewer's own).
   */
  eventsFor(query: { afterSeq: number; viewer: Viewer; limit: number }): Page<LoggedEvent> {
    return this.eventPage(
      (log) => log.readFor(query.afterSeq, query.viewer, pageSize(query.limit)),
      query.limit,
    );
  }

  private eventPage(read: (log: EventLog) => LoggedEvent[], limit: number): Page<LoggedEvent> {
    const { value: items, height } = this.atHeight(() => read(this.parts.log));
    const last = items.at(-1);
    // A full page may have more behind it; the cursor is the last seq (pass it back as afterSeq).
    return {
      items,
      height,
      ...(items.length === pageSize(limit) && last ? { nextCursor: String(last.seq) } : {}),
    };
  }
}
