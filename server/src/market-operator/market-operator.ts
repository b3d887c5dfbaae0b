import type { LoggedEvent } from '../read-model/ledger-block';

/** What one clearing round did. */
export interface ClearingRound {
  readonly trades: number;
  /** The round stopped at its bound: clear again. */
  readonly more: boolean;
  readonly transactionId: string;
}

/** What the operator needs from the rest of the server. */
export interface MarketOperatorDependencies {
  /** Submits `Market:Match` for the instrument as the regulator and waits for its commit. */
  readonly clear: (instrument: string) => Promise<ClearingRound>;
  /**
   * Whether the instrument's book may cross (best bid ≥ best ask) as far as the read model knows; the operator
   * skips a round that cannot fill anything. Absent: every order event triggers a round.
   */
  readonly mayCross?: (instrument: string) => boolean;
  /** Told about each round, for metrics and logs. */
  readonly onRound?: (instrument: string, outcome: RoundOutcome) => void;
}

export type RoundOutcome =
  | { readonly ok: true; readonly round: ClearingRound; readonly ms: number }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly ms: number };

export interface MarketOperatorOptions {
  /** The least time between two rounds of one instrument, ms (the rate bound). */
  readonly minIntervalMs?: number;
  /** Instruments the regulator clears by hand (`market match`), e.g. kept from before a restart. */
  readonly manualInstruments?: Iterable<string>;
}

/** How an instrument is cleared: by the operator on every order event, or only by hand. */
export const CLEARING_MODES = ['automatic', 'manual'] as const;
export type ClearingMode = (typeof CLEARING_MODES)[number];

/** One instrument's clearing state, as `GET /api/v1/market/operator` shows it. */
export interface InstrumentClearing {
  clearing: ClearingMode;
  inFlight: boolean;
  /** An order event arrived since the last round started. */
  pending: boolean;
  rounds: number;
  failures: number;
  trades: number;
  lastRoundAt?: string;
  lastTransactionId?: string;
  lastError?: string;
}

/** The operator's state. */
export interface MarketOperatorState {
  readonly running: boolean;
  /** The market is halted: no rounds until it resumes. */
  readonly halted: boolean;
  readonly minIntervalMs: number;
  readonly instruments: Readonly<Record<string, InstrumentClearing>>;
}

const DEFAULT_MIN_INTERVAL_MS = 200;

/** The chaincode's refusals: retrying the same round would be refused again. */
const REFUSALS: ReadonlySet<string> = new Set([
  'INVALID_ARGUMENT',
  'FORBIDDEN',
  'NOT_FOUND',
  'FAILED_PRECONDITION',
]);

/**
 * Events after which an instrument's book may cross: orders placed, and approvals (an approved order request's
 * `ApprovalDecided` carries the order it placed; other decisions carry none and are ignored).
 */
const ORDER_EVENTS: ReadonlySet<string> = new Set(['OrderPlaced', 'LargeOrderPlaced', 'ApprovalDecided']);

/**
 * The market operator of the regulator's server: clears an instrument (`Market:Match`) whenever its book may
 * cross, driven by the order events the read model applies — at most one round in flight per instrument, rounds
 * of one instrument at least `minIntervalMs` apart, none while the market is halted. A round that stopped at its
 * bound (`more`) is followed by another.
 */
export class MarketOperator {
  private readonly instruments = new Map<string, InstrumentClearing>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastStart = new Map<string, number>();
  /** The wait before the next round of an instrument whose rounds keep failing. */
  private readonly backoff = new Map<string, number>();
  private readonly minIntervalMs: number;
  private readonly manual: Set<string>;
  private halted = false;
  private running = true;

  constructor(
    private readonly dependencies: MarketOperatorDependencies,
    options: MarketOperatorOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    this.manual = new Set(options.manualInstruments);
  }

  /**
   * Sets how an instrument is cleared. Back to automatic, it gets a round at once for whatever rests in its book.
   */
  setClearing(instrument: string, mode: ClearingMode): void {
    if (mode === 'manual') {
      this.manual.add(instrument);
      this.stateOf(instrument).clearing = 'manual';
      return;
    }
    this.manual.delete(instrument);
    this.stateOf(instrument).clearing = 'automatic';
    this.orderArrived(instrument);
  }

  /** Reads the events of an applied block: orders placed, halts and resumptions. */
  blockApplied(logged: readonly LoggedEvent[]): void {
    for (const event of logged) {
      if (event.name === 'MarketHalted') this.halted = true;
      else if (event.name === 'MarketResumed') {
        this.halted = false;
        // Orders may have waited through the halt (a round refused while halted is not retried): clear again.
        for (const instrument of this.instruments.keys()) this.orderArrived(instrument);
      } else if (ORDER_EVENTS.has(event.name)) {
        const instrument = (event.payload as { order?: { instrument?: unknown } }).order?.instrument;
        if (typeof instrument === 'string') this.orderArrived(instrument);
      }
    }
  }

  /** An order of `instrument` was placed: a round will follow (now, or once the running one is done). */
  orderArrived(instrument: string): void {
    const state = this.stateOf(instrument);
    if (state.clearing === 'manual') return;
    state.pending = true;
    this.schedule(instrument);
  }

  /** The state shown on the operator's endpoint. */
  state(): MarketOperatorState {
    return {
      running: this.running,
      halted: this.halted,
      minIntervalMs: this.minIntervalMs,
      instruments: Object.fromEntries([...this.instruments].map(([id, state]) => [id, { ...state }])),
    };
  }

  /** Stops scheduling rounds (the one in flight finishes). */
  stop(): void {
    this.running = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private stateOf(instrument: string): InstrumentClearing {
    let state = this.instruments.get(instrument);
    if (state === undefined) {
      state = {
        clearing: this.manual.has(instrument) ? 'manual' : 'automatic',
        inFlight: false,
        pending: false,
        rounds: 0,
        failures: 0,
        trades: 0,
      };
      this.instruments.set(instrument, state);
    }
    return state;
  }

  private schedule(instrument: string): void {
    const state = this.stateOf(instrument);
    if (!this.running || this.halted || state.inFlight || this.timers.has(instrument)) return;
    const interval = this.backoff.get(instrument) ?? this.minIntervalMs;
    const wait = Math.max(0, (this.lastStart.get(instrument) ?? 0) + interval - Date.now());
    this.timers.set(
      instrument,
      setTimeout(() => {
        this.timers.delete(instrument);
        void this.round(instrument);
      }, wait),
    );
  }

  private async round(instrument: string): Promise<void> {
    const state = this.stateOf(instrument);
    if (!this.running || this.halted || state.inFlight || !state.pending || state.clearing === 'manual')
      return;
    state.pending = false;
    if (this.dependencies.mayCross?.(instrument) === false) return;
    state.inFlight = true;
    const started = Date.now();
    this.lastStart.set(instrument, started);
    try {
      const round = await this.dependencies.clear(instrument);
      state.rounds++;
      state.trades += round.trades;
      state.lastTransactionId = round.transactionId;
      delete state.lastError;
      this.backoff.delete(instrument);
      if (round.more) state.pending = true;
      this.dependencies.onRound?.(instrument, { ok: true, round, ms: Date.now() - started });
    } catch (err) {
      state.failures++;
      const code = (err as { code?: unknown }).code;
      const message = err instanceof Error ? err.message : String(err);
      state.lastError = message;
      // A refusal (a halted market among them) is not retried: MarketResumed or a new order starts a round.
      if (!REFUSALS.has(String(code))) {
        // A conflict or an unreachable peer: try again, backing off while it keeps failing.
        state.pending = true;
        this.backoff.set(
          instrument,
          Math.min((this.backoff.get(instrument) ?? this.minIntervalMs) * 2, 10_000),
        );
      }
      this.dependencies.onRound?.(instrument, {
        ok: false,
        code: typeof code === 'string' ? code : 'UNKNOWN',
        message,
        ms: Date.now() - started,
      });
    } finally {
      state.inFlight = false;
      state.lastRoundAt = new Date(started).toISOString();
      if (state.pending) this.schedule(instrument);
    }
  }
}
