import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  CarbonIndex,
  DEFAULT_RANKING_PAGE_SIZE,
  failedPrecondition,
  invalidArgument,
  MAX_RANKING_PAGE_SIZE,
  MONTHS_PER_PERIOD,
  notFound,
  parseArgs,
  parseRequest,
  type CarbonIndexPolicy,
  type CarbonIndexRankingRow,
  type CompliancePeriod,
  type InstallationCarbonIndex,
  MonthlyEmissions,
  type MonthlyEnergy,
  CarbonIndexSummary,
  CommercialObjectType,
} from '@carbon-ets/contract';
import { keptAllocation, loadAllocation } from '../compliance/compliance-record';
import { CarbonContract } from '../contracts/carbon-contract';
import { authorizeTransaction, isSupervisor, requireActsFor } from '../identity/access';
import { commercialInput, CommercialStore } from '../ledger/commercial-store';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireFactorSet, requireOpenPeriod, requirePeriod } from '../period/period-reads';
import { requireEntity, requireInstallation } from '../registry/registry-reads';
import { carbonIndexOf, monthEmissions, passesThreshold } from './index-arithmetic';

/** Months are zero-padded in keys so an installation's months list in order. */
const monthKey = (month: number): string => String(month).padStart(2, '0');

function requirePolicy(period: CompliancePeriod): CarbonIndexPolicy {
  if (period.carbonIndex === undefined) {
    throw failedPrecondition(
      `compliance period ${period.year} has no carbon index: the regulator sets one (carbonIndex) when creating the period`,
    );
  }
  return period.carbonIndex;
}

/**
 * The installation's submitted months (the channel's records) by point reads (12 keys, never a range): a
 * submission reads them without a phantom-read risk, and concurrent submissions of other installations never
 * conflict with it.
 */
async function submittedMonths(
  store: Store,
  year: number,
  installationId: string,
): Promise<MonthlyEmissions[]> {
  const months: MonthlyEmissions[] = [];
  for (let month = 1; month <= MONTHS_PER_PERIOD; month += 1) {
    const stored = await store.get<MonthlyEmissions>(ObjectType.carbonIndexMonth, [
      year,
      installationId,
      monthKey(month),
    ]);
    if (stored !== undefined) months.push(stored);
  }
  return months;
}

/**
 * A month's energy figures from the owner's collection: on a member's peer for a member's user. Callers of
 * GetIndex are the owner's operators and the supervisors, all members; a peer that lacks the figures (not yet
 * received) says so rather than showing a mix of zeros.
 */
async function energyOf(ctx: Context, month: MonthlyEmissions): Promise<MonthlyEnergy> {
  const read = await CommercialStore.of(ctx, month.commercialData).read<MonthlyEnergy>(
    CommercialObjectType.carbonIndexEnergy,
    [month.period, month.installationId, monthKey(month.month), month.version],
  );
  if (read.stored === undefined) {
    throw failedPrecondition(
      `the energy figures of ${month.installationId} for ${month.period}-${monthKey(month.month)} are commercial data this peer does not hold (${month.commercialData.collection}); ask a member organisation's peer`,
    );
  }
  return read.stored.value;
}

/** The index without the figures by source (the schema drops the keys it does not declare). */
function summaryOf(index: InstallationCarbonIndex): CarbonIndexSummary {
  return CarbonIndexSummary.parse(index);
}

async function allocationTonnes(
  store: Store,
  year: number,
  installationId: string,
): Promise<number | undefined> {
  return keptAllocation(await loadAllocation(store, year, installationId));
}

/**
 * The carbon index: operators submit each month's coal, oil, gas (t) and purchased electricity (MWh); the
 * chaincode computes the emissions with the period's carbon-index factor set and compares the year-to-date
 * emissions with the installation's allocation pro rata to date (see index-arithmetic.ts for the formula).
 */
@Info({ title: 'CarbonIndex', description: 'Monthly energy use and the carbon index of installations' })
export class CarbonIndexContract extends CarbonContract {
  constructor() {
    super('CarbonIndex');
  }

  /**
   * Submits an installation's energy use of one month, or replaces it (the next version) while the period is
   * open. Request: `{ installationId, period, month (1..12), coal?, oil?, gas? (t), electricity? (MWh) }`, at
   * least one source. Emits `CarbonIndexThresholdPassed` when the year-to-date index goes from at or below the
   * period's threshold to above it, `MonthlyEnergySubmitted` otherwise. Caller: an operator of the
   * installation's entity.
   */
  @Transaction()
  @Returns('string')
  public async SubmitMonthlyEnergy(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, CarbonIndex.submitMonthlyEnergy);
    const input = parseRequest(CarbonIndex.submitMonthlyEnergy, request, commercialInput(ctx));
    const { installationId, period: year, month } = input;
    const energy = {
      ...(input.coal === undefined ? {} : { coal: input.coal }),
      ...(input.oil === undefined ? {} : { oil: input.oil }),
      ...(input.gas === undefined ? {} : { gas: input.gas }),
      ...(input.electricity === undefined ? {} : { electricity: input.electricity }),
    };
    if (Object.keys(energy).length === 0) {
      throw invalidArgument('energy needs at least one of coal, oil, gas (t) or electricity (MWh)');
    }
    const store = new Store(ctx);
    const period = await requireOpenPeriod(store, year);
    const policy = requirePolicy(period);
    const installation = await requireInstallation(store, installationId);
    const entity = await requireEntity(store, installation.entityId);
    requireActsFor(caller, entity, 'SubmitMonthlyEnergy');
    const factors = await requireFactorSet(store, policy.factorSetId, policy.factorSetVersion);
    const months = await submittedMonths(store, year, installationId);
    const previous = months.find((stored) => stored.month === month);
    const allocation = await allocationTonnes(store, year, installationId);
    const version = (previous?.version ?? 0) + 1;
    const energyUse: MonthlyEnergy = {
      period: year,
      installationId,
      entityId: entity.id,
      month,
      version,
      factorSet: { id: factors.id, version: factors.version },
      energy,
      ...monthEmissions(energy, policy, factors),
      submittedAt: txTime(ctx),
      submittedBy: `${caller.mspId}:${ctx.clientIdentity.getID()}`,
    };
    // The energy figures and the mix are commercial: the owner's collection keeps them, the channel the total.
    const commercialData = await CommercialStore.ofOwner(ctx, entity.ownerMsp).put(
      CommercialObjectType.carbonIndexEnergy,
      [year, installationId, monthKey(month), version],
      energyUse,
    );
    // The public record: the schema keeps the total and drops the energy and the kg by source.
    const submission = MonthlyEmissions.parse({ ...energyUse, commercialData });
    const before = months.length === 0 ? null : carbonIndexOf(months, allocation, policy).indexBasisPoints;
    const index = carbonIndexOf(
      [...months.filter((stored) => stored.month !== month), submission],
      allocation,
      policy,
    );
    await store.put(ObjectType.carbonIndexMonth, [year, installationId, monthKey(month)], submission);
    const summary = {
      period: year,
      installationId,
      entityId: entity.id,
      month,
      version: submission.version,
      indexBasisPoints: index.indexBasisPoints,
    };
    if (passesThreshold(policy.thresholdBasisPoints, before, index.indexBasisPoints)) {
      emitEvent(ctx, 'CarbonIndexThresholdPassed', {
        ...summary,
        thresholdBasisPoints: policy.thresholdBasisPoints ?? 0,
        previousIndexBasisPoints: before,
      });
    } else {
      emitEvent(ctx, 'MonthlyEnergySubmitted', summary);
    }
    // The answer is written into the block: the public record and the index without the figures by source.
    return JSON.stringify({ submission, index: summaryOf(index) });
  }

  /** An installation's carbon index for a period. Caller: an operator of its entity, or a supervisor. */
  @Transaction(false)
  @Returns('string')
  public async GetIndex(ctx: Context, period: string, installationId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, CarbonIndex.getIndex);
    const [year, id] = parseArgs(
      CarbonIndex.getIndex,
      ['period', 'installationId'],
      [period, installationId],
    );
    const store = new Store(ctx);
    const policy = requirePolicy(await requirePeriod(store, year));
    const installation = await requireInstallation(store, id);
    if (!isSupervisor(caller)) {
      requireActsFor(caller, await requireEntity(store, installation.entityId), 'GetIndex');
    }
    const months = await submittedMonths(store, year, id);
    if (months.length === 0) {
      throw notFound(`no monthly energy of ${id} for ${year} has been submitted`);
    }
    const withSources: MonthlyEnergy[] = [];
    for (const month of months) withSources.push(await energyOf(ctx, month));
    return JSON.stringify(carbonIndexOf(withSources, await allocationTonnes(store, year, id), policy));
  }

  /**
   * Installations of a period with at least one submitted month, ranked by index (highest first; no index
   * last; ties by installation id), one page. Request: `{ period, offset? (0), limit? (50, at most 100) }`. Reads
   * every submission of the period (at most 12 per installation). Caller: the regulator or an auditor.
   */
  @Transaction(false)
  @Returns('string')
  public async GetRanking(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, CarbonIndex.getRanking);
    const [input] = parseArgs(CarbonIndex.getRanking, ['ranking'], [request]);
    const limit = input.limit ?? DEFAULT_RANKING_PAGE_SIZE;
    if (limit > MAX_RANKING_PAGE_SIZE) {
      throw invalidArgument(`ranking.limit must be at most ${MAX_RANKING_PAGE_SIZE}`);
    }
    const offset = input.offset ?? 0;
    const store = new Store(ctx);
    const policy = requirePolicy(await requirePeriod(store, input.period));
    const byInstallation = new Map<string, MonthlyEnergy[]>();
    for (const { value } of await store.list<MonthlyEnergy>(ObjectType.carbonIndexMonth, [input.period])) {
      byInstallation.set(value.installationId, [...(byInstallation.get(value.installationId) ?? []), value]);
    }
    const indexes: InstallationCarbonIndex[] = [];
    for (const [installationId, months] of byInstallation) {
      indexes.push(
        carbonIndexOf(months, await allocationTonnes(store, input.period, installationId), policy),
      );
    }
    indexes.sort(
      (a, b) =>
        (b.indexBasisPoints ?? -1) - (a.indexBasisPoints ?? -1) ||
        (a.installationId < b.installationId ? -1 : a.installationId > b.installationId ? 1 : 0),
    );
    const rows: CarbonIndexRankingRow[] = indexes.slice(offset, offset + limit).map((index, position) => ({
      rank: offset + position + 1,
      installationId: index.installationId,
      entityId: index.entityId,
      throughMonth: index.throughMonth,
      yearToDateKg: index.yearToDateKg,
      allocationTonnes: index.allocationTonnes,
      indexBasisPoints: index.indexBasisPoints,
      trendBasisPoints: index.trendBasisPoints,
    }));
    return JSON.stringify({
      period: input.period,
      total: indexes.length,
      rows,
      ...(offset + limit < indexes.length ? { nextOffset: offset + limit } : {}),
    });
  }
}
