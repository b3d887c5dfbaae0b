import { z } from 'zod';
import {
  Id,
  jsonArgument,
  optional,
  PositiveDecimalString,
  Quantity,
  strictObject,
  WholeNumber,
  Year,
  field,
} from './fields';
import { CommercialDataRef } from './commercial-data';
import { invalidArgument } from './refusal';
import { read, type RequestOf, write } from './transaction';

/**
 * The carbon index (after Anhui's "碳效码"/"carbon index" service): an installation's monthly use of coal, oil,
 * gas and purchased electricity, the emissions the chaincode computes from it, and how the year-to-date
 * emissions compare with the installation's free allocation pro rata to date.
 */

/** The four energy sources of the index, in the order shares, bars and tie-breaks use. */
export const ENERGY_SOURCES = ['coal', 'oil', 'gas', 'electricity'] as const;
export type EnergySource = (typeof ENERGY_SOURCES)[number];
/** The fuels among them: their factors come from the fuel the period's carbon-index policy names. */
export const FUEL_SOURCES = ['coal', 'oil', 'gas'] as const;
export type FuelSource = (typeof FUEL_SOURCES)[number];

/** Months of a period run 1..12 (the period is one calendar year). */
export const MONTHS_PER_PERIOD = 12;
/** Most rows of one ranking page. */
export const MAX_RANKING_PAGE_SIZE = 100;
export const DEFAULT_RANKING_PAGE_SIZE = 50;

export function parseMonth(value: unknown, fieldName: string): number {
  const month = typeof value === 'string' && /^[0-9]{1,2}$/.test(value) ? Number(value) : value;
  if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > MONTHS_PER_PERIOD) {
    throw invalidArgument(`${fieldName} must be a month of the period, 1 to 12`);
  }
  return month;
}
export const Month = field<number | string, number>(parseMonth, {
  type: 'integer',
  minimum: 1,
  maximum: MONTHS_PER_PERIOD,
  description: 'A month of the period: 1 (January) to 12 (December)',
});

/**
 * A period's carbon-index policy, set with the period (absent: the period has no carbon index). Emissions of
 * every month are computed with one factor set version, each fuel source with the factors of the named fuel.
 */
export const CarbonIndexPolicy = z
  .object({
    factorSetId: z.string(),
    factorSetVersion: z.number(),
    /** The factor set's fuel used for each fuel source, e.g. `{ coal: 'coal', oil: 'diesel', gas: 'natural_gas' }`. */
    fuels: z.object({ coal: z.string(), oil: z.string(), gas: z.string() }).readonly(),
    /**
     * An event `CarbonIndexThresholdPassed` is emitted when a submission takes an installation's index from at
     * or below this to above it (basis points of the allocation pro rata to date; 10000 = on track). Absent: no
     * event.
     */
    thresholdBasisPoints: z.number().optional(),
  })
  .readonly();
export type CarbonIndexPolicy = z.infer<typeof CarbonIndexPolicy>;

/** How CreatePeriod takes the policy. */
export const CarbonIndexPolicyRequest = strictObject({
  factorSetId: Id,
  factorSetVersion: WholeNumber,
  fuels: strictObject({ coal: Id, oil: Id, gas: Id }),
  /** May exceed 10000 (an index above 100 % of the pro rata allocation). */
  thresholdBasisPoints: optional(WholeNumber),
});

/** Energy use of one month, decimal strings: coal, oil and gas in tonnes, electricity in MWh. */
export const MonthlyEnergyUse = z
  .object({
    coal: z.string().optional(),
    oil: z.string().optional(),
    gas: z.string().optional(),
    electricity: z.string().optional(),
  })
  .readonly();
export type MonthlyEnergyUse = z.infer<typeof MonthlyEnergyUse>;

/** Whole kg CO2 by source (each rounded half-up from its exact value). */
export const SourceKg = z
  .object({ coal: z.number(), oil: z.number(), gas: z.number(), electricity: z.number() })
  .readonly();
export type SourceKg = z.infer<typeof SourceKg>;

/**
 * One installation-month's energy use and its emissions by source: commercial data, kept in the owner
 * organisation's collection as `carbonIndexEnergy ~ period ~ installationId ~ MM ~ version` (every version).
 */
export const MonthlyEnergy = z
  .object({
    period: z.number(),
    installationId: z.string(),
    entityId: z.string(),
    month: z.number(),
    version: z.number(),
    factorSet: z.object({ id: z.string(), version: z.number() }).readonly(),
    energy: MonthlyEnergyUse,
    emissionsKg: SourceKg,
    /** The exact sum of the sources rounded half-up to whole kg (as an MRV report's total). */
    totalKg: z.number(),
    submittedAt: z.string(),
    submittedBy: z.string(),
  })
  .readonly();
export type MonthlyEnergy = z.infer<typeof MonthlyEnergy>;

/**
 * What the channel keeps of an installation-month, `carbonIndexMonth ~ period ~ installationId ~ MM`: its total
 * emissions (what the index, the ranking and the threshold event need) and where its energy figures are kept,
 * with their hash. A resubmission replaces it with the next version; earlier versions stay in the key's history.
 */
export const MonthlyEmissions = z
  .object({
    period: z.number(),
    installationId: z.string(),
    entityId: z.string(),
    month: z.number(),
    version: z.number(),
    factorSet: z.object({ id: z.string(), version: z.number() }).readonly(),
    totalKg: z.number(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    commercialData: CommercialDataRef,
  })
  .readonly();
export type MonthlyEmissions = z.infer<typeof MonthlyEmissions>;

/** One bar of the monthly chart: kg by source, and the year-to-date index at that month. */
export const CarbonIndexBar = z
  .object({
    month: z.number(),
    submitted: z.boolean(),
    emissionsKg: SourceKg,
    totalKg: z.number(),
    /** Index through this month; null without an allocation. */
    indexBasisPoints: z.number().nullable(),
  })
  .readonly();
export type CarbonIndexBar = z.infer<typeof CarbonIndexBar>;

/**
 * The carbon index of an installation through its latest submitted month m:
 * `index = floor(E(1..m) [kg] × 12 × 10000 / (A [t] × 1000 × m))` basis points, E the year-to-date emissions
 * (months not submitted count 0), A the free allocation it keeps for the period; null when A is 0 or absent.
 */
const carbonIndexFields = {
  period: z.number(),
  installationId: z.string(),
  entityId: z.string(),
  /** The latest month submitted: the index is year-to-date through it. */
  throughMonth: z.number(),
  /** Months before it with no submission (counted as 0 kg). */
  missingMonths: z.array(z.number()).readonly(),
  yearToDateKg: z.number(),
  /** Whole tonnes; null without an allocation. */
  allocationTonnes: z.number().nullable(),
  /** A × 1000 × m / 12, rounded down to whole kg; null without an allocation. */
  proRataAllocationKg: z.number().nullable(),
  indexBasisPoints: z.number().nullable(),
  /** The index through the month before `throughMonth` (null in January or without an allocation). */
  previousIndexBasisPoints: z.number().nullable(),
  /** index − previous index, basis points. */
  trendBasisPoints: z.number().nullable(),
  trend: z.enum(['up', 'down', 'flat']).nullable(),
  thresholdBasisPoints: z.number().nullable(),
  aboveThreshold: z.boolean(),
};
export const InstallationCarbonIndex = z
  .object({
    ...carbonIndexFields,
    /** Year-to-date kg by source. */
    emissionsKg: SourceKg,
    /** Share of each source in year-to-date emissions, basis points summing to exactly 10000 (0s when nothing). */
    shareBasisPoints: SourceKg,
    months: z.array(CarbonIndexBar).readonly(),
  })
  .readonly();
export type InstallationCarbonIndex = z.infer<typeof InstallationCarbonIndex>;

/**
 * The index without the figures by source (which would tell the energy mix): what a submission answers, since a
 * write's answer is written into the block.
 */
export const CarbonIndexSummary = z.object(carbonIndexFields).readonly();
export type CarbonIndexSummary = z.infer<typeof CarbonIndexSummary>;

export const CarbonIndexRankingRow = z
  .object({
    rank: z.number(),
    installationId: z.string(),
    entityId: z.string(),
    throughMonth: z.number(),
    yearToDateKg: z.number(),
    allocationTonnes: z.number().nullable(),
    indexBasisPoints: z.number().nullable(),
    trendBasisPoints: z.number().nullable(),
  })
  .readonly();
export type CarbonIndexRankingRow = z.infer<typeof CarbonIndexRankingRow>;

/** Installations ranked by index, highest first (no index last), ties by installation id. */
export const CarbonIndexRanking = z
  .object({
    period: z.number(),
    /** Installations with at least one submission. */
    total: z.number(),
    rows: z.array(CarbonIndexRankingRow).readonly(),
    /** The `offset` of the next page; absent on the last. */
    nextOffset: z.number().optional(),
  })
  .readonly();
export type CarbonIndexRanking = z.infer<typeof CarbonIndexRanking>;

/** `CarbonIndex`: monthly energy use and the carbon index of installations. */
export const CarbonIndex = {
  submitMonthlyEnergy: write({
    contract: 'CarbonIndex',
    name: 'SubmitMonthlyEnergy',
    roles: ['operator'],
    label: 'energy',
    summary:
      "Submits (or, while the period is open, replaces) an installation's energy use of one month; the chaincode computes its emissions with the period's carbon-index factor set",
    request: strictObject({
      installationId: Id,
      period: Year,
      month: Month,
      /** Tonnes. */
      coal: optional(PositiveDecimalString),
      /** Tonnes. */
      oil: optional(PositiveDecimalString),
      /** Tonnes (the factor set's NCV is per tonne). */
      gas: optional(PositiveDecimalString),
      /** MWh of purchased grid electricity. */
      electricity: optional(PositiveDecimalString),
    }),
    answer: z.object({ submission: MonthlyEmissions, index: CarbonIndexSummary }).readonly(),
    commercialFields: ENERGY_SOURCES,
  }),
  getIndex: read({
    contract: 'CarbonIndex',
    name: 'GetIndex',
    roles: ['operator', 'regulator', 'verifier', 'auditor'],
    label: 'index',
    summary: "An installation's carbon index for a period (its operators and supervisors)",
    args: [Year, Id],
    answer: InstallationCarbonIndex,
  }),
  getRanking: read({
    contract: 'CarbonIndex',
    name: 'GetRanking',
    roles: ['regulator', 'auditor'],
    label: 'ranking',
    summary: 'Installations of a period ranked by carbon index, highest first, one page at a time',
    args: [
      jsonArgument(
        strictObject({
          period: Year,
          /** Rows to skip (default 0). */
          offset: optional(WholeNumber),
          /** Default 50, at most 100. */
          limit: optional(Quantity),
        }),
      ),
    ],
    answer: CarbonIndexRanking,
  }),
} as const;

export type MonthlyEnergyRequest = RequestOf<typeof CarbonIndex.submitMonthlyEnergy>;
