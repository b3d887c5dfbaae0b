import type { CarbonEventName, CarbonEventPayload } from '@carbon-ets/contract';
import type { CarbonEvent } from '@carbon-ets/gateway-client';

/**
 * One write of a valid transaction to the carbon chaincode's namespace, as the block's read-write set carries
 * it: the world-state key (composite keys `\0type\0attr…\0`) and the value written, as text (`null`: deleted).
 */
export interface StateWrite {
  readonly txId: string;
  readonly key: string;
  readonly value: string | null;
}

/** A chaincode event with the timestamp of its transaction (ISO 8601), when the block gave one. */
export type TimedCarbonEvent = CarbonEvent & { readonly timestamp?: string };

/**
 * What the read model applies of one block: its carbon events and its writes to the chaincode's namespace,
 * both of VALID transactions only and in block order. A block without carbon transactions (a config block,
 * another chaincode's) has empty lists and still advances the model's height.
 */
export interface LedgerBlock {
  readonly number: bigint;
  /** The block's time: its first transaction's timestamp (ISO 8601). */
  readonly timestamp?: string;
  readonly events: readonly TimedCarbonEvent[];
  /**
   * The writes, from which state tables (lots, cash, orders, trades, reports, compliance) are projected: the
   * events alone do not name every lot a transaction creates or changes (see the package notes).
   */
  readonly writes: readonly StateWrite[];
}

/** Why an event is worth telling someone: the SSE stream's notification kinds. */
export const NOTIFICATION_KINDS = [
  'order-filled',
  'order-expired',
  'order-cancelled',
  'units-received',
  'report-verified',
  'report-rejected',
  'report-accepted',
  'surrender-recorded',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One party an event concerns: an entity (`''` for the national accounts), one of its accounts, and why. */
export interface EventParty {
  readonly entityId: string;
  /** `''` when the event concerns the entity as a whole (a report, a registration). */
  readonly accountId: string;
  readonly kinds: readonly NotificationKind[];
}

/** Who may see an event, besides the supervisors (regulator, auditor), who see every event. */
export interface EventAudience {
  /** Reference data everyone may see (periods, factor sets, instruments, market halts). */
  readonly public: boolean;
  /** Roles that see the event whatever their entity (verifiers: reports waiting for verification). */
  readonly roles: readonly string[];
  readonly parties: readonly EventParty[];
}

/** A carbon event as the read model logged it, with its place in the log. JSON-serialisable. */
export interface LoggedEvent<N extends CarbonEventName = CarbonEventName> {
  /** Position in the event log: 1, 2, 3 … in ledger order, never reused (the SSE `id`). */
  readonly seq: number;
  readonly block: number;
  readonly txId: string;
  readonly name: N;
  readonly payload: CarbonEventPayload<N>;
  readonly timestamp: string | null;
  readonly audience: EventAudience;
  /** Every kind of any party (a viewer's own kinds: {@link EventParty.kinds}). */
  readonly kinds: readonly NotificationKind[];
}

/** A page of a list, with the block height the model reflected when it was read. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back to get the next page; absent on the last page. */
  readonly nextCursor?: string;
  /** Blocks applied when the page was read (the model reflects blocks 0 … height − 1). */
  readonly height: number;
}

/** A single answer with the block height it reflects. */
export interface AtHeight<T> {
  readonly value: T;
  readonly height: number;
}
