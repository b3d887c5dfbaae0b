import { z } from 'zod';
import {
  BasisPoints,
  field,
  Id,
  idRecord,
  IsoTime,
  OneOf,
  optional,
  PositiveDecimalString,
  strictObject,
  Text,
  WholeNumber,
  Year,
} from './fields';
import { CarbonIndexPolicy, CarbonIndexPolicyRequest } from './carbon-index';
import { invalidArgument } from './refusal';
import { ANYONE, read, type RequestOf, write } from './transaction';

/**
 * The currency of a period that does not name one: the Chinese national ETS trades and fines in yuan. A
 * period's prices, settlement funds and penalties are all integer minor units of its one currency.
 */
export const DEFAULT_PERIOD_CURRENCY = 'CNY';

/** An ISO 4217 alphabetic code: three capital letters (`CNY`, `EUR`); a lowercase or longer code is refused. */
export function parseCurrencyCode(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) {
    throw invalidArgument(`${field} must be an ISO 4217 currency code of three capital letters, e.g. CNY`);
  }
  return value;
}

export const CurrencyCode = field<string, string>(parseCurrencyCode, {
  type: 'string',
  pattern: '^[A-Z]{3}$',
  description: 'An ISO 4217 currency code',
});

/**
 * 5 %: the usual materiality level of emissions verification (e.g. EU AVR, Regulation 2018/2067 Art. 23, for
 * category A and B installations). A period may set its own.
 */
export const DEFAULT_MATERIALITY_THRESHOLD_BASIS_POINTS = 500;

/** What a surrender beyond the obligation gets: refused, or accepted with a warning (today's behaviour). */
export const OVER_SURRENDER_POLICIES = ['refused', 'warned'] as const;
export const OverSurrenderPolicy = z.enum(OVER_SURRENDER_POLICIES);
export type OverSurrenderPolicy = z.infer<typeof OverSurrenderPolicy>;
/** A period that does not say: an over-surrender is accepted, with a warning. */
export const DEFAULT_OVER_SURRENDER: OverSurrenderPolicy = 'warned';
/** A period that does not say: no borrowing from the next vintage. */
export const DEFAULT_BORROWING_LIMIT_BASIS_POINTS = 0;

/**
 * The gap cap of an installation (China's national ETS: obligation at most 120 % of the free allocation):
 * `floor(allocation × (10000 + capBasisPoints) / 10000)` whole tonnes, in bigint; `undefined` (no cap) when the
 * period sets none or the installation has no free allocation for the period.
 */
export function obligationCapOf(
  capBasisPoints: number | undefined,
  allocation: number | undefined,
): number | undefined {
  if (capBasisPoints === undefined || allocation === undefined) return undefined;
  return Number((BigInt(allocation) * BigInt(10_000 + capBasisPoints)) / 10_000n);
}

/** A benchmark for free allocation: allowances per unit of output (e.g. 0.877 tCO2/MWh for coal > 300 MW). */
export const Benchmark = z
  .object({
    id: z.string(),
    description: z.string(),
    /** Decimal string: allowances per output unit. */
    value: z.string(),
    /** Unit of output, e.g. `MWh`. */
    outputUnit: z.string(),
  })
  .readonly();
export type Benchmark = z.infer<typeof Benchmark>;

/** Deadlines of a period, ISO-8601 UTC (inclusive: on time means at or before the instant). */
export const Deadlines = z
  .object({ reportBy: z.string(), verifyBy: z.string(), surrenderBy: z.string() })
  .readonly();
export type Deadlines = z.infer<typeof Deadlines>;

/**
 * One compliance period (one calendar year). Every number of the scheme is data here, set by the regulator:
 * nothing domain-specific is a literal in code.
 */
export const CompliancePeriod = z
  .object({
    year: z.number(),
    /** Maximum allowances of this vintage that may ever be issued (whole tonnes). */
    cap: z.number(),
    deadlines: Deadlines,
    /** Share of verified emissions that may be covered with offsets, in basis points (500 = 5 %). */
    offsetLimitBasisPoints: z.number(),
    /**
     * How far verified emissions may differ from the report's computed emissions, in basis points of the
     * computed figure (500 = 5 %), before the verifier must state a reason.
     */
    materialityThresholdBasisPoints: z.number(),
    /** Penalty per missing tonne in integer minor units of `currency` (CNY 100.00 = 10000). */
    penaltyPerTonne: z.number(),
    /**
     * Gap cap: an installation's obligation for its own emissions is at most
     * floor(free allocation × (10000 + this) / 10000) (China 2021–22: 2000 = 20 %); absent: no cap.
     */
    obligationCapBasisPoints: z.number().optional(),
    /**
     * Borrowing: allowances of vintage year + 1 may be surrendered up to floor(obligation × this / 10000)
     * (absent on periods created before: 0 = off).
     */
    borrowingLimitBasisPoints: z.number().optional(),
    /** A surrender beyond the obligation: `refused`, or `warned` (accepted, with a warning; absent: warned). */
    overSurrender: OverSurrenderPolicy.optional(),
    /**
     * ISO 4217 code (default CNY) of every amount of money of this period: prices of its vintage, settlement
     * funds and penalties, all in integer minor units (two decimals).
     */
    currency: z.string(),
    benchmarks: z.record(z.string(), Benchmark).readonly(),
    /** The carbon index's factor set, fuels and event threshold (absent: the period has no carbon index). */
    carbonIndex: CarbonIndexPolicy.optional(),
    /** `closing`: a paged closing has begun (nothing more is reported, allocated or surrendered for it). */
    status: z.enum(['open', 'closing', 'closed']),
    createdAt: z.string(),
    closedAt: z.string().optional(),
  })
  .readonly();
export type CompliancePeriod = z.infer<typeof CompliancePeriod>;

/**
 * Factors of one fuel. Units are fixed so the arithmetic is unambiguous:
 * - `ncv`: net calorific value in GJ per tonne of fuel;
 * - `emissionFactor`: kg CO2 per TJ (IPCC 2006 style, e.g. natural gas 56100), or instead
 * - `carbonContent`: tonnes of carbon per TJ (converted with 44/12);
 * - `oxidation`: oxidation factor as a fraction (1 = complete).
 * All are decimal strings.
 */
export const FuelFactors = z
  .object({
    ncv: z.string(),
    emissionFactor: z.string().optional(),
    carbonContent: z.string().optional(),
    oxidation: z.string(),
  })
  .readonly();
export type FuelFactors = z.infer<typeof FuelFactors>;

/**
 * A versioned set of emission factors published by the regulator. Reports name the set and version they use,
 * so a newer version never changes an old report's numbers.
 */
export const EmissionFactorSet = z
  .object({
    id: z.string(),
    version: z.number(),
    description: z.string(),
    fuels: z.record(z.string(), FuelFactors).readonly(),
    /** Grid electricity factor in tonnes CO2 per MWh (China 2022: "0.5703"). */
    gridFactor: z.string(),
    publishedAt: z.string(),
  })
  .readonly();
export type EmissionFactorSet = z.infer<typeof EmissionFactorSet>;
/** The name clients know a published factor set by. */
export type FactorSet = EmissionFactorSet;

/** `Period`: compliance periods and versioned emission-factor sets (writes: the regulator). */
export const Period = {
  createPeriod: write({
    contract: 'Period',
    name: 'CreatePeriod',
    roles: ['regulator'],
    label: 'period',
    summary:
      'Creates a compliance period: cap, deadlines, offset limit, materiality threshold, penalty, currency, benchmarks and compliance policy (gap cap, borrowing, over-surrender)',
    request: strictObject({
      year: Year,
      /** ISO-8601 UTC instants, in order: reportBy ≤ verifyBy ≤ surrenderBy. */
      deadlines: strictObject({ reportBy: IsoTime, verifyBy: IsoTime, surrenderBy: IsoTime }),
      /** Allowances per unit of output, by benchmark id. */
      benchmarks: optional(
        idRecord(strictObject({ description: Text(), value: PositiveDecimalString, outputUnit: Text(16) })),
      ),
      /** Most allowances of this vintage that may ever be issued, whole tonnes. */
      cap: WholeNumber,
      /** Share of verified emissions coverable with offsets, basis points (500 = 5 %). */
      offsetLimitBasisPoints: BasisPoints,
      /** Default 500 = 5 %. */
      materialityThresholdBasisPoints: optional(BasisPoints),
      /** Minor units of `currency` per missing tonne (CNY 100.00 = 10000). */
      penaltyPerTonne: WholeNumber,
      /** Default CNY. */
      currency: optional(CurrencyCode),
      /**
       * Gap cap: obligation ≤ floor(free allocation × (10000 + cap) / 10000), e.g. 2000 = 20 %. Default: none.
       */
      obligationCapBasisPoints: optional(BasisPoints),
      /** Borrowing of vintage year + 1, share of the obligation in basis points. Default 0: off. */
      borrowingLimitBasisPoints: optional(BasisPoints),
      /** A surrender beyond the obligation: `refused` or `warned` (default: accepted with a warning). */
      overSurrender: optional(OneOf(OVER_SURRENDER_POLICIES)),
      /** Carbon index: factor set, the fuel of each fuel source, event threshold. Default: no carbon index. */
      carbonIndex: optional(CarbonIndexPolicyRequest),
    }),
    answer: CompliancePeriod,
  }),
  publishFactorSet: write({
    contract: 'Period',
    name: 'PublishFactorSet',
    roles: ['regulator'],
    label: 'factorSet',
    summary:
      'Publishes a version of an emission-factor set (versions start at 1 and go up by one; a published version never changes)',
    request: strictObject({
      id: Id,
      /** 1 for the first version, then one more each time. */
      version: WholeNumber,
      description: Text(1000),
      /** By fuel: `ncv` and `oxidation`, and exactly one of `emissionFactor` or `carbonContent`. */
      fuels: idRecord(
        strictObject({
          ncv: PositiveDecimalString,
          emissionFactor: optional(PositiveDecimalString),
          carbonContent: optional(PositiveDecimalString),
          oxidation: PositiveDecimalString,
        }),
      ),
      /** Grid electricity, t CO2 per MWh (China 2022: "0.5703"). */
      gridFactor: PositiveDecimalString,
    }),
    answer: EmissionFactorSet,
  }),
  getPeriod: read({
    contract: 'Period',
    name: 'GetPeriod',
    roles: ANYONE,
    label: 'year',
    summary: 'A compliance period',
    args: [Year],
    answer: CompliancePeriod,
  }),
  getFactorSet: read({
    contract: 'Period',
    name: 'GetFactorSet',
    roles: ANYONE,
    label: 'factorSet',
    summary: 'One version of an emission-factor set',
    args: [Id, WholeNumber],
    answer: EmissionFactorSet,
  }),
} as const;

/** Names of the requests, as clients use them. */
export type PeriodDefinition = RequestOf<typeof Period.createPeriod>;
export type FactorSetDefinition = RequestOf<typeof Period.publishFactorSet>;
export type PeriodDeadlines = PeriodDefinition['deadlines'];
export type BenchmarkSpec = NonNullable<PeriodDefinition['benchmarks']>[string];
