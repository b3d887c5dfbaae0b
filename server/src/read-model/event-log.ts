import type { CarbonEventName, CarbonEventOf, CarbonEventPayload } from '@carbon-ets/contract';
import type { ServerDatabase } from '../store/database';
import { eventAudience } from './event-audience';
import type {
  EventAudience,
  EventParty,
  LoggedEvent,
  NotificationKind,
  TimedCarbonEvent,
} from './ledger-block';
import type { Lookups } from './lookups';

interface LogRow {
  seq: number;
  block: number;
  tx_id: string;
  name: string;
  payload: string;
  timestamp: string | null;
  public: number;
  roles: string;
  kinds: string;
}

interface AudienceRow {
  seq: number;
  entity_id: string;
  account_id: string;
  kinds: string;
}

/** Who reads the log: supervisors see every event; others their entity's, public ones and their role's. */
export interface Viewer {
  readonly role: string;
  readonly entityId?: string;
}

/** Roles that see every event, whole. */
export const SUPERVISOR_ROLES: ReadonlySet<string> = new Set(['regulator', 'auditor']);

/**
 * The event log: every carbon event, numbered `seq` 1, 2, 3 … in ledger order, with its audience (the parties
 * it concerns, each with its notification kinds) so that a user's stream is a query, not a scan.
 */
export class EventLog {
  private readonly insertEvent;
  private readonly insertParty;
  private readonly maxSeq;
  private readonly partiesOf;

  constructor(
    private readonly db: ServerDatabase,
    private readonly lookups: Lookups,
  ) {
    this.insertEvent = db.prepare(
      `INSERT INTO rm_event_log (seq, block, tx_id, name, payload, timestamp, public, roles, kinds)
       VALUES (@seq, @block, @txId, @name, @payload, @timestamp, @public, @roles, @kinds)`,
    );
    this.insertParty = db.prepare(
      'INSERT INTO rm_event_audience (seq, entity_id, account_id, kinds) VALUES (?, ?, ?, ?)',
    );
    this.maxSeq = db.prepare<[], { seq: number | null }>('SELECT MAX(seq) AS seq FROM rm_event_log');
    this.partiesOf = db.prepare<[number], AudienceRow>(
      'SELECT * FROM rm_event_audience WHERE seq = ? ORDER BY entity_id, account_id',
    );
  }

  /** The newest event's `seq` (0 for an empty log). */
  lastSeq(): number {
    return this.maxSeq.get()?.seq ?? 0;
  }

  /** Logs one event of block `block` (inside the block's transaction) and returns it as logged. */
  append(event: TimedCarbonEvent, block: number, blockTimestamp: string | undefined): LoggedEvent {
    const seq = this.lastSeq() + 1;
    const typed = { name: event.name, payload: event.payload } as CarbonEventOf;
    const audience = eventAudience(typed, this.lookups);
    const kinds = unionOfKinds(audience.parties);
    const timestamp = event.timestamp ?? blockTimestamp ?? null;
    this.insertEvent.run({
      seq,
      block,
      txId: event.transactionId,
      name: event.name,
      payload: JSON.stringify(event.payload),
      timestamp,
      public: audience.public ? 1 : 0,
      roles: JSON.stringify(audience.roles),
      kinds: JSON.stringify(kinds),
    });
    for (const party of audience.parties) {
      this.insertParty.run(seq, party.entityId, party.accountId, JSON.stringify(party.kinds));
    }
    return {
      seq,
      block,
      txId: event.transactionId,
      name: event.name,
      payload: event.payload,
      timestamp,
      audience,
      kinds,
    };
  }

  /** Events after `afterSeq`, oldest first: all of them, or those concerning one of `entityIds`. */
  read(afterSeq: number, entityIds: readonly string[] | 'all', limit: number): LoggedEvent[] {
    let rows: LogRow[];
    if (entityIds === 'all') {
      rows = this.db
        .prepare<[number, number], LogRow>('SELECT * FROM rm_event_log WHERE seq > ? ORDER BY seq LIMIT ?')
        .all(afterSeq, limit);
    } else if (entityIds.length === 0) {
      return [];
    } else {
      const marks = entityIds.map(() => '?').join(', ');
      rows = this.db
        .prepare<unknown[], LogRow>(
          `SELECT * FROM rm_event_log WHERE seq > ? AND seq IN
             (SELECT seq FROM rm_event_audience WHERE seq > ? AND entity_id IN (${marks}))
           ORDER BY seq LIMIT ?`,
        )
        .all(afterSeq, afterSeq, ...entityIds, limit);
    }
    return rows.map((row) => this.logged(row));
  }

  /**
   * Events after `afterSeq` that `viewer` may see, oldest first. Supervisors get every event whole. Anyone
   * else gets public events, their role's, and those concerning their entity, cut to their share: only their
   * own parties and kinds, only their own fills and expiries of a clearing and their own outcomes of a closing.
   */
  readFor(afterSeq: number, viewer: Viewer, limit: number): LoggedEvent[] {
    if (SUPERVISOR_ROLES.has(viewer.role)) return this.read(afterSeq, 'all', limit);
    const entityId = viewer.entityId ?? '';
    const rows = this.db
      .prepare<[number, string, number, string, number], LogRow>(
        `SELECT * FROM rm_event_log l WHERE seq > ? AND (
           public = 1
           OR EXISTS (SELECT 1 FROM json_each(l.roles) WHERE json_each.value = ?)
           OR seq IN (SELECT seq FROM rm_event_audience WHERE seq > ? AND entity_id = ? AND entity_id <> ''))
         ORDER BY seq LIMIT ?`,
      )
      .all(afterSeq, viewer.role, afterSeq, entityId, limit);
    return rows.map((row) => this.share(this.logged(row), entityId));
  }

  private logged(row: LogRow): LoggedEvent {
    const audience: EventAudience = {
      public: row.public === 1,
      roles: JSON.parse(row.roles) as string[],
      parties: this.partiesOf.all(row.seq).map((party) => ({
        entityId: party.entity_id,
        accountId: party.account_id,
        kinds: JSON.parse(party.kinds) as NotificationKind[],
      })),
    };
    return {
      seq: row.seq,
      block: row.block,
      txId: row.tx_id,
      name: row.name as CarbonEventName,
      payload: JSON.parse(row.payload) as CarbonEventPayload,
      timestamp: row.timestamp,
      audience,
      kinds: JSON.parse(row.kinds) as NotificationKind[],
    };
  }

  /** `event` as one entity may see it. */
  private share(event: LoggedEvent, entityId: string): LoggedEvent {
    const parties = event.audience.parties.filter((party) => party.entityId === entityId);
    const shared = { ...event, audience: { ...event.audience, parties }, kinds: unionOfKinds(parties) };
    if (shared.name === 'OrdersMatched') {
      const payload = shared.payload as CarbonEventPayload<'OrdersMatched'>;
      const own = (orderId: string | undefined): boolean =>
        orderId !== undefined && this.lookups.orderOwner(orderId)?.entityId === entityId;
      return {
        ...shared,
        payload: {
          ...payload,
          trades: payload.trades.filter((trade) => own(trade.buyOrderId) || own(trade.sellOrderId)),
          expiredOrderIds: payload.expiredOrderIds.filter(own),
        },
      };
    }
    if (shared.name === 'PeriodClosed' || shared.name === 'PeriodClosingProgressed') {
      const payload = shared.payload as CarbonEventPayload<'PeriodClosed'>;
      const outcomes = payload.outcomes.filter(
        (outcome) => this.lookups.installationOwner(outcome.installationId).entityId === entityId,
      );
      return { ...shared, payload: { ...payload, outcomes } };
    }
    return shared;
  }
}

function unionOfKinds(parties: readonly EventParty[]): NotificationKind[] {
  return [...new Set(parties.flatMap((party) => party.kinds))].sort();
}
