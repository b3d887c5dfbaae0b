import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import {
  conflict,
  DEFAULT_BORROWING_LIMIT_BASIS_POINTS,
  DEFAULT_OVER_SURRENDER,
  failedPrecondition,
  invalidArgument,
  parseArgs,
  parseRequest,
  Period,
} from '@carbon-ets/contract';
import { authorizeTransaction } from '../identity/access';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import {
  DEFAULT_MATERIALITY_THRESHOLD_BASIS_POINTS,
  type Benchmark,
  type CompliancePeriod,
} from './compliance-period';
import { DEFAULT_CURRENCY } from './currency';
import type { EmissionFactorSet, FuelFactors } from './emission-factors';
import { carbonIndexPolicyOf } from './carbon-index-policy';
import { requireFactorSet, requirePeriod, versionKey } from './period-reads';

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
   * benchmarks?: { <id>: { description, value, outputUnit } }, obligationCapBasisPoints? (gap cap, default none),
   * borrowingLimitBasisPoints? (default 0: off), overSurrender?: 'refused'|'warned' (default warned),
   * carbonIndex?: { factorSetId, factorSetVersion, fuels: { coal, oil, gas }, thresholdBasisPoints? } }`.
   * Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async CreatePeriod(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Period.createPeriod);
    const input = parseRequest(Period.createPeriod, request);
    const { year, deadlines } = input;
    if (!(deadlines.reportBy <= deadlines.verifyBy && deadlines.verifyBy <= deadlines.surrenderBy)) {
      throw invalidArgument('deadlines must be in order: reportBy ≤ verifyBy ≤ surrenderBy');
    }
    const benchmarks: Record<string, Benchmark> = {};
    for (const [id, benchmark] of Object.entries(input.benchmarks ?? {})) {
      benchmarks[id] = { id, ...benchmark };
    }
    const store = new Store(ctx);
    const carbonIndex = await carbonIndexPolicyOf(store, input.carbonIndex);
    const period: CompliancePeriod = {
      year,
      cap: input.cap,
      deadlines,
      offsetLimitBasisPoints: input.offsetLimitBasisPoints,
      materialityThresholdBasisPoints:
        input.materialityThresholdBasisPoints ?? DEFAULT_MATERIALITY_THRESHOLD_BASIS_POINTS,
      penaltyPerTonne: input.penaltyPerTonne,
      currency: input.currency ?? DEFAULT_CURRENCY,
      ...(input.obligationCapBasisPoints === undefined
        ? {}
        : { obligationCapBasisPoints: input.obligationCapBasisPoints }),
      borrowingLimitBasisPoints: input.borrowingLimitBasisPoints ?? DEFAULT_BORROWING_LIMIT_BASIS_POINTS,
      overSurrender: input.overSurrender ?? DEFAULT_OVER_SURRENDER,
      benchmarks,
      ...(carbonIndex === undefined ? {} : { carbonIndex }),
      status: 'open',
      createdAt: txTime(ctx),
    };
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
    authorizeTransaction(ctx, Period.publishFactorSet);
    const input = parseRequest(Period.publishFactorSet, request);
    const { id, version } = input;
    if (version < 1) {
      throw invalidArgument('factorSet.version must be 1 or more');
    }
    const fuels: Record<string, FuelFactors> = {};
    for (const [name, fuel] of Object.entries(input.fuels)) {
      // An emission factor or a carbon content, not both.
      if ((fuel.emissionFactor === undefined) === (fuel.carbonContent === undefined)) {
        throw invalidArgument(
          `fuel ${name} needs exactly one of emissionFactor (kg CO2/TJ) or carbonContent (tC/TJ)`,
        );
      }
      fuels[name] = {
        ncv: fuel.ncv,
        ...(fuel.emissionFactor === undefined ? {} : { emissionFactor: fuel.emissionFactor }),
        ...(fuel.carbonContent === undefined ? {} : { carbonContent: fuel.carbonContent }),
        oxidation: fuel.oxidation,
      };
    }
    const factorSet: EmissionFactorSet = {
      id,
      version,
      description: input.description,
      fuels,
      gridFactor: input.gridFactor,
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
    authorizeTransaction(ctx, Period.getPeriod);
    const [parsedYear] = parseArgs(Period.getPeriod, ['year'], [year]);
    return JSON.stringify(await requirePeriod(new Store(ctx), parsedYear));
  }

  /** One version of an emission-factor set. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetFactorSet(ctx: Context, id: string, version: string): Promise<string> {
    authorizeTransaction(ctx, Period.getFactorSet);
    const [setId, setVersion] = parseArgs(Period.getFactorSet, ['id', 'version'], [id, version]);
    return JSON.stringify(await requireFactorSet(new Store(ctx), setId, setVersion));
  }
}
