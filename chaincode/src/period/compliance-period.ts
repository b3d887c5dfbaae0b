/** A benchmark for free allocation: allowances per unit of output (e.g. 0.877 tCO2/MWh for coal > 300 MW). */
export interface Benchmark {
  readonly id: string;
  readonly description: string;
  /** Decimal string: allowances per output unit. */
  readonly value: string;
  /** Unit of output, e.g. `MWh`. */
  readonly outputUnit: string;
}

/** Deadlines of a period, ISO-8601 UTC (inclusive: on time means at or before the instant). */
export interface Deadlines {
  readonly reportBy: string;
  readonly verifyBy: string;
  readonly surrenderBy: string;
}

/**
 * 5 %: the usual materiality level of emissions verification (e.g. EU AVR, Regulation 2018/2067 Art. 23, for
 * category A and B installations). A period may set its own.
 */
export const DEFAULT_MATERIALITY_THRESHOLD_BASIS_POINTS = 500;

/**
 * One compliance period (one calendar year). Every number of the scheme is data here, set by the regulator:
 * nothing domain-specific is a literal in code.
 */
export interface CompliancePeriod {
  readonly year: number;
  /** Maximum allowances of this vintage that may ever be issued (whole tonnes). */
  readonly cap: number;
  readonly deadlines: Deadlines;
  /** Share of verified emissions that may be covered with offsets, in basis points (500 = 5 %). */
  readonly offsetLimitBasisPoints: number;
  /**
   * How far verified emissions may differ from the report's computed emissions, in basis points of the
   * computed figure (500 = 5 %), before the verifier must state a reason.
   */
  readonly materialityThresholdBasisPoints: number;
  /** Penalty per missing tonne in integer minor units of `currency` (CNY 100.00 = 10000). */
  readonly penaltyPerTonne: number;
  /**
   * ISO 4217 code (default CNY) of every amount of money of this period: prices of its vintage, settlement
   * funds and penalties, all in integer minor units (two decimals).
   */
  readonly currency: string;
  readonly benchmarks: Readonly<Record<string, Benchmark>>;
  readonly status: 'open' | 'closed';
  readonly createdAt: string;
  readonly closedAt?: string;
}
