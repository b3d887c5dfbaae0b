import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import { conflict, failedPrecondition, invalidArgument } from '../errors';
import { Anyone, Regulator, authorize } from '../identity/access';
import { emitEvent } from '../ledger/events';
import { InputReader, parseId, parseYear } from '../ledger/input';
import { ObjectType } from '../ledger/keys';
import { parseWholeNumber } from '../ledger/quantity';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import {
  DEFAULT_MATERIALITY_THRESHOLD_BASIS_POINTS,
  type Benchmark,
  type CompliancePeriod,
} from './compliance-period';
import { DEFAULT_CURRENCY, parseCurrency } from './currency';
import type { EmissionFactorSet, FuelFactors } from './emission-factors';
import { requireFactorSet, requirePeriod, versionKey } from './period-reads';

/** Keys of a Period:CreatePeriod request. */
const PERIOD_KEYS = [
  'year',
  'cap',
  'deadlines',
  'offsetLimitBasisPoints',
  'materialityThresholdBasisPoints',
  'penaltyPerTonne',
  'currency',
  'benchmarks',
] as const;
/** Keys of a period's deadlines. */
const DEADLINE_KEYS = ['reportBy', 'verifyBy', 'surrenderBy'] as const;
/** Keys of one benchmark of a period. */
const BENCHMARK_KEYS = ['description', 'value', 'outputUnit'] as const;
/** Keys of a Period:PublishFactorSet request. */
const FACTOR_SET_KEYS = ['id', 'version', 'description', 'fuels', 'gridFactor'] as const;
/** Keys of one fuel of a factor set: an emission factor or a carbon content, not both. */
const FUEL_KEYS = ['ncv', 'emissionFactor', 'carbonContent', 'oxidation'] as const;

function readFuel(item: InputReader<(typeof FUEL_KEYS)[number]>, name: string): FuelFactors {
  const hasFactor = item.has('emissionFactor');
  if (hasFactor === item.has('carbonContent')) {
    throw invalidArgument(
      `fuel ${name} needs exactly one of emissionFactor (kg CO2/TJ) or carbonContent (tC/TJ)`,
    );
  }
  return {
    ncv: item.positiveDecimal('ncv'),
    ...(hasFactor ? { emissionFactor: item.positiveDecimal('emissionFactor') } : {}),
    ...(hasFactor ? {} : { carbonContent: item.positiveDecimal('carbonContent') }),
    oxidation: item.positiveDecimal('oxidation'),
  };
}

/**
 * Compliance periods and emission-factor sets: the scheme's configuration as ledger data. Writes are the
 * regulator's; anyone with a carbon role may read.
 */
@Info({ title: 'Period', description: 'Compliance periods and emission-factor sets' })
export class PeriodContract extends CarbonContract {
  constructor() {
    super('Period');
  }

  /**
   * Creates a compliance period.
   * Request: `{ year, cap, deadlines: { reportBy, verifyBy, surrenderBy }, offsetLimitBasisPoints,
   * materialityThresholdBasisPoints? (default 500 = 5 %), penaltyPerTonne, currency? (default CNY),
   * benchmarks?: { <id>: { description, value, outputUnit } } }`.
   * Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async CreatePeriod(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'CreatePeriod', [Regulator]);
    const input = InputReader.fromJson(request, 'period', PERIOD_KEYS);
    const year = input.year('year');
    const deadlinesInput = input.nested('deadlines', DEADLINE_KEYS);
    const deadlines = {
      reportBy: deadlinesInput.isoTime('reportBy'),
      verifyBy: deadlinesInput.isoTime('verifyBy'),
      surrenderBy: deadlinesInput.isoTime('surrenderBy'),
    };
    if (!(deadlines.reportBy <= deadlines.verifyBy && deadlines.verifyBy <= deadlines.surrenderBy)) {
      throw invalidArgument('deadlines must be in order: reportBy ≤ verifyBy ≤ surrenderBy');
    }
    const benchmarks: Record<string, Benchmark> = input.has('benchmarks')
      ? input.map('benchmarks', BENCHMARK_KEYS, (item, id) => ({
          id,
          description: item.text('description'),
          value: item.positiveDecimal('value'),
          outputUnit: item.text('outputUnit', 16),
        }))
      : {};
    const period: CompliancePeriod = {
      year,
      cap: input.wholeNumber('cap'),
      deadlines,
      offsetLimitBasisPoints: input.basisPoints('offsetLimitBasisPoints'),
      materialityThresholdBasisPoints: input.has('materialityThresholdBasisPoints')
        ? input.basisPoints('materialityThresholdBasisPoints')
        : DEFAULT_MATERIALITY_THRESHOLD_BASIS_POINTS,
      penaltyPerTonne: input.wholeNumber('penaltyPerTonne'),
      currency: input.has('currency')
        ? parseCurrency(input.raw('currency'), 'period.currency')
        : DEFAULT_CURRENCY,
      benchmarks,
      status: 'open',
      createdAt: txTime(ctx),
    };
    const store = new Store(ctx);
    if (await store.exists(ObjectType.period, [year])) {
      throw conflict(`compliance period ${year} already exists`);
    }
    await store.put(ObjectType.period, [year], period);
    emitEvent(ctx, 'PeriodCreated', { period });
    return JSON.stringify(period);
  }

  /**
   * Publishes a version of an emission-factor set. Versions start at 1 and go up by one; a published version
   * never changes. Request: `{ id, version, description, fuels: { <fuel>: { ncv, emissionFactor | carbonContent,
   * oxidation } }, gridFactor }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async PublishFactorSet(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'PublishFactorSet', [Regulator]);
    const input = InputReader.fromJson(request, 'factorSet', FACTOR_SET_KEYS);
    const id = input.id('id');
    const version = input.wholeNumber('version');
    if (version < 1) {
      throw invalidArgument('factorSet.version must be 1 or more');
    }
    const factorSet: EmissionFactorSet = {
      id,
      version,
      description: input.text('description', 1000),
      fuels: input.map('fuels', FUEL_KEYS, readFuel),
      gridFactor: input.positiveDecimal('gridFactor'),
      publishedAt: txTime(ctx),
    };
    const store = new Store(ctx);
    if (await store.exists(ObjectType.factorSet, [id, versionKey(version)])) {
      throw conflict(`emission factor set ${id} version ${version} is already published`);
    }
    if (version > 1 && !(await store.exists(ObjectType.factorSet, [id, versionKey(version - 1)]))) {
      throw failedPrecondition(`emission factor set ${id}: publish version ${version - 1} first`);
    }
    await store.put(ObjectType.factorSet, [id, versionKey(version)], factorSet);
    emitEvent(ctx, 'FactorSetPublished', { factorSet });
    return JSON.stringify(factorSet);
  }

  /** A compliance period. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetPeriod(ctx: Context, year: string): Promise<string> {
    authorize(ctx, 'GetPeriod', Anyone);
    return JSON.stringify(await requirePeriod(new Store(ctx), parseYear(year, 'year')));
  }

  /** One version of an emission-factor set. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetFactorSet(ctx: Context, id: string, version: string): Promise<string> {
    authorize(ctx, 'GetFactorSet', Anyone);
    return JSON.stringify(
      await requireFactorSet(new Store(ctx), parseId(id, 'id'), parseWholeNumber(version, 'version')),
    );
  }
}
