import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import {
  addQuantities,
  Compliance,
  failedPrecondition,
  invalidArgument,
  parseArgs,
  parseRequest,
  type CompliancePeriod,
  type EmissionsCorrection,
  type EmissionsEstimate,
} from '@carbon-ets/contract';
import { authorizeTransaction, requireActsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireOpenPeriod, requirePeriod } from '../period/period-reads';
import { NationalAccount } from '../registry/account';
import type { Installation } from '../registry/entity';
import { requireAccount, requireEntity, requireInstallation } from '../registry/registry-reads';
import { LotLedger } from '../units/lot-ledger';
import { requireOpen } from '../units/transfer';
import {
  complianceStatus,
  emissionsObligation,
  loadAllocation,
  loadComplianceRecord,
  loadObligationCap,
  type ComplianceCode,
  type ComplianceRecord,
  type ComplianceStatus,
} from './compliance-record';

/** Who did something, as recorded on the ledger: `MSP:id` from the certificate. */
function actor(ctx: Context, caller: Caller): string {
  return `${caller.mspId}:${ctx.clientIdentity.getID()}`;
}

/**
 * The first compliance period after `year` that is not closed (one not yet created counts: its record waits for
 * it). Periods close in order, so the walk ends after the closed ones, each one state read.
 */
async function firstPeriodNotClosedAfter(store: Store, year: number): Promise<number> {
  let next = year + 1;
  while ((await store.get<CompliancePeriod>(ObjectType.period, [next]))?.status === 'closed') next++;
  return next;
}

/** floor(a × basis points / 10000), in bigint: the product of two safe integers need not be one. */
function shareOf(quantity: number, basisPoints: number): number {
  return Number((BigInt(Math.max(0, quantity)) * BigInt(basisPoints)) / 10_000n);
}

/**
 * The compliance cycle's end: surrender of allowances and offsets against verified emissions, compliance
 * status, and the closing of a period with shortfall, penalty and carry-over.
 */
@Info({ title: 'Compliance', description: 'Surrender, compliance status and period closing' })
export class ComplianceContract extends CarbonContract {
  constructor() {
    super('Compliance');
  }

  /**
   * Surrenders units from an installation's holding account for a period. Allowances must be of a vintage up to
   * the period; offsets need accepted verified emissions and stay within the period's offset share of them.
   * Surrendered units go to the national deletion account and never move again.
   * Request: `{ period, installationId, unitType: 'allowance'|'offset', quantity, lotIds? }`.
   * Caller: the operator of the entity owning the installation.
   */
  @Transaction()
  @Returns('string')
  public async Surrender(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Compliance.surrender);
    const {
      period: year,
      installationId,
      unitType,
      quantity,
      lotIds,
      vintage,
    } = parseRequest(Compliance.surrender, request);
    const store = new Store(ctx);
    const period = await requireOpenPeriod(store, year);
    const installation = await requireInstallation(store, installationId);
    requireActsFor(caller, await requireEntity(store, installation.entityId), 'Surrender');
    if (installation.holdingAccountId === undefined) {
      throw failedPrecondition(`installation ${installationId} has no holding account`);
    }
    const holding = await requireAccount(store, installation.holdingAccountId);
    requireOpen(holding, 'source');
    const deletion = await requireAccount(store, NationalAccount.deletion);
    const record = await loadComplianceRecord(store, year, installationId);
    const obligationCap = await loadObligationCap(store, period, installationId);
    const borrowing = vintage === year + 1;
    if (vintage !== undefined && vintage > year && !borrowing) {
      throw failedPrecondition(`units of vintage ${vintage} cannot cover ${year}`);
    }
    if (borrowing) {
      this.checkBorrowing(period, record, obligationCap, unitType, quantity);
    }
    if (unitType === 'offset') {
      if (record.verifiedEmissions === undefined) {
        throw failedPrecondition(
          `offsets count only against accepted verified emissions; ${installationId} has none for ${year}`,
        );
      }
      // Offset limit: floor(verified emissions × share), so the share is never exceeded by rounding; in bigint,
      // since the product of two safe integers need not be one.
      const limit = Number(
        (BigInt(record.verifiedEmissions) * BigInt(period.offsetLimitBasisPoints)) / 10_000n,
      );
      const after = addQuantities(record.surrenderedOffsets, quantity);
      if (after > limit) {
        throw failedPrecondition(
          `offsets are limited to ${limit} t for ${installationId} in ${year} (${period.offsetLimitBasisPoints} bp of ${record.verifiedEmissions} t); ${record.surrenderedOffsets} t already surrendered`,
        );
      }
    }
    const surrendered = addQuantities(record.surrenderedAllowances, record.surrenderedOffsets);
    const updated: ComplianceRecord =
      unitType === 'allowance'
        ? {
            ...record,
            surrenderedAllowances: addQuantities(record.surrenderedAllowances, quantity),
            ...(borrowing
              ? { borrowedAllowances: addQuantities(record.borrowedAllowances ?? 0, quantity) }
              : {}),
          }
        : { ...record, surrenderedOffsets: addQuantities(record.surrenderedOffsets, quantity) };
    const status = complianceStatus(updated, obligationCap);
    const warning = this.overSurrender(period, record, status, surrendered, quantity);
    const late = txTime(ctx) > period.deadlines.surrenderBy;
    const movement = await new LotLedger(ctx, store).move(
      holding,
      deletion,
      {
        quantity,
        ...(lotIds === undefined ? {} : { lotIds }),
        filter: vintage === undefined ? { unitType, maxVintage: year } : { unitType, vintage },
      },
      { status: 'surrendered', origin: 'surrender', surrender: { period: year, installationId, late } },
    );
    await store.put(ObjectType.compliance, [year, installationId], updated);
    emitEvent(ctx, 'UnitsSurrendered', {
      period: year,
      installationId,
      unitType,
      quantity,
      late,
      spentLotIds: movement.spentLotIds,
      surrenderedLots: movement.moved.map((lot) => lot.id),
      status,
      ...(warning === undefined ? {} : { warning }),
    });
    return JSON.stringify({ status, lots: movement.moved, ...(warning === undefined ? {} : { warning }) });
  }

  /**
   * Borrowing from the next vintage: allowed only when the period sets a borrowing share, only for allowances,
   * only once the obligation is known, and at most floor(obligation × share / 10000) in all.
   */
  private checkBorrowing(
    period: CompliancePeriod,
    record: ComplianceRecord,
    obligationCap: number | undefined,
    unitType: string,
    quantity: number,
  ): void {
    const share = period.borrowingLimitBasisPoints ?? 0;
    if (unitType !== 'allowance') {
      throw invalidArgument(`only allowances can be borrowed from vintage ${period.year + 1}`);
    }
    if (share === 0) {
      throw failedPrecondition(
        `compliance period ${period.year} does not allow borrowing from vintage ${period.year + 1}`,
      );
    }
    if (record.verifiedEmissions === undefined) {
      throw failedPrecondition(
        `borrowing is limited by the obligation; ${record.installationId} has no verified emissions for ${period.year}`,
      );
    }
    const obligation = complianceStatus(record, obligationCap).obligation;
    const limit = shareOf(obligation, share);
    const borrowed = record.borrowedAllowances ?? 0;
    if (addQuantities(borrowed, quantity) > limit) {
      throw failedPrecondition(
        `borrowing from vintage ${period.year + 1} is limited to ${limit} t for ${record.installationId} in ${period.year} (${share} bp of an obligation of ${obligation} t); ${borrowed} t already borrowed`,
      );
    }
  }

  /**
   * A surrender that takes the installation beyond its known obligation: refused, or accepted with a warning,
   * as the period says. Before its emissions are known (code C) an installation may surrender ahead.
   */
  private overSurrender(
    period: CompliancePeriod,
    record: ComplianceRecord,
    after: ComplianceStatus,
    surrenderedBefore: number,
    quantity: number,
  ): string | undefined {
    if (record.verifiedEmissions === undefined || after.balance <= 0) return undefined;
    const message = `surrendering ${quantity} t takes ${record.installationId} beyond its ${period.year} obligation of ${after.obligation} t by ${after.balance} t (${surrenderedBefore} t surrendered before)`;
    if (period.overSurrender === 'refused') {
      throw failedPrecondition(`${message}; period ${period.year} refuses over-surrenders`);
    }
    return `${message}; surrendered units are never returned`;
  }

  /**
   * Compliance status of an installation for a period: balance = surrendered − (verified emissions + carried
   * shortfall) and code A (covered), B (short) or C (no verified emissions), plus the final outcome once the
   * period is closed. A period that does not exist is NOT_FOUND (a code C there would suggest a period with
   * nothing verified yet). Caller: anyone with a carbon role.
   */
  @Transaction(false)
  @Returns('string')
  public async GetComplianceStatus(ctx: Context, period: string, installationId: string): Promise<string> {
    authorizeTransaction(ctx, Compliance.getComplianceStatus);
    const [year, id] = parseArgs(
      Compliance.getComplianceStatus,
      ['period', 'installationId'],
      [period, installationId],
    );
    const store = new Store(ctx);
    const compliancePeriod = await requirePeriod(store, year);
    await requireInstallation(store, id);
    const record = await loadComplianceRecord(store, year, id);
    const status = complianceStatus(record, await loadObligationCap(store, compliancePeriod, id));
    return JSON.stringify({ ...status, final: record.final ?? null });
  }

  /**
   * Corrects an installation's verified emissions (from an accepted report or an estimate), with a reason and
   * the SHA-256 of the supporting documents. While the period is open the difference flows into its balance;
   * once it is closed, its final outcome stays as recorded and the difference of the obligation (the gap cap
   * applied to both figures) is carried into the obligation of the first later period not yet closed
   * (`carriedAdjustment`; a period not yet created finds it waiting). Request: `{ period, installationId,
   * verifiedEmissions, reason, documents }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async CorrectEmissions(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Compliance.correctEmissions);
    const input = parseRequest(Compliance.correctEmissions, request);
    const { period: year, installationId, verifiedEmissions } = input;
    const store = new Store(ctx);
    const period = await requirePeriod(store, year);
    await requireInstallation(store, installationId);
    const record = await loadComplianceRecord(store, year, installationId);
    const previous = record.verifiedEmissions;
    if (previous === undefined) {
      throw failedPrecondition(
        `${installationId} has no accepted or estimated emissions for ${year} to correct; accept its report or set an estimate`,
      );
    }
    if (previous === verifiedEmissions) {
      throw failedPrecondition(
        `${installationId}'s verified emissions for ${year} are already ${previous} t`,
      );
    }
    const obligationCap = await loadObligationCap(store, period, installationId);
    const closed = period.status === 'closed';
    const difference =
      emissionsObligation(verifiedEmissions, obligationCap) - emissionsObligation(previous, obligationCap);
    let next: ComplianceRecord | undefined;
    let carriedTo: number | null = null;
    if (closed) {
      carriedTo = await firstPeriodNotClosedAfter(store, year);
      next = await loadComplianceRecord(store, carriedTo, installationId);
    }
    const correction: EmissionsCorrection = {
      previousTonnes: previous,
      tonnes: verifiedEmissions,
      reason: input.reason,
      documents: input.documents,
      by: actor(ctx, caller),
      at: txTime(ctx),
      carriedTo,
      carriedTonnes: closed ? difference : 0,
    };
    const updated: ComplianceRecord = { ...record, verifiedEmissions, correction };
    await store.put(ObjectType.compliance, [year, installationId], updated);
    if (next !== undefined && difference !== 0) {
      await store.put(ObjectType.compliance, [next.period, installationId], {
        ...next,
        carriedAdjustment: addQuantities(next.carriedAdjustment ?? 0, difference),
      } satisfies ComplianceRecord);
    }
    const status = complianceStatus(updated, obligationCap);
    emitEvent(ctx, 'EmissionsCorrected', { period: year, installationId, correction, status });
    return JSON.stringify({ status, correction });
  }

  /**
   * After the period's reporting deadline, sets a conservative estimate of an installation's emissions when it
   * has no accepted report (none submitted, or not verified or accepted): the estimate counts as its verified
   * emissions. A later estimate replaces an earlier one; a report accepted later replaces the estimate.
   * Request: `{ period, installationId, estimatedEmissions, reason, documents? }`. Caller: RegulatorMSP /
   * regulator.
   */
  @Transaction()
  @Returns('string')
  public async EstimateEmissions(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Compliance.estimateEmissions);
    const input = parseRequest(Compliance.estimateEmissions, request);
    const { period: year, installationId, estimatedEmissions } = input;
    const store = new Store(ctx);
    const period = await requireOpenPeriod(store, year);
    await requireInstallation(store, installationId);
    const now = txTime(ctx);
    if (now <= period.deadlines.reportBy) {
      throw failedPrecondition(
        `emissions can be estimated only after the reporting deadline ${period.deadlines.reportBy}`,
      );
    }
    const record = await loadComplianceRecord(store, year, installationId);
    if (record.verifiedEmissions !== undefined && record.emissionsSource !== 'estimate') {
      throw failedPrecondition(
        `${installationId} has accepted verified emissions for ${year} (${record.verifiedEmissions} t): correct them instead`,
      );
    }
    const estimate: EmissionsEstimate = {
      tonnes: estimatedEmissions,
      reason: input.reason,
      documents: input.documents ?? [],
      by: actor(ctx, caller),
      at: now,
    };
    const updated: ComplianceRecord = {
      ...record,
      verifiedEmissions: estimatedEmissions,
      emissionsSource: 'estimate',
      estimate,
    };
    await store.put(ObjectType.compliance, [year, installationId], updated);
    const status = complianceStatus(updated, await loadObligationCap(store, period, installationId));
    emitEvent(ctx, 'EmissionsEstimated', { period: year, installationId, estimate, status });
    return JSON.stringify(status);
  }

  /**
   * Closes a period after its surrender deadline: for every installation, records the final code, the
   * shortfall and the penalty (shortfall × penalty per tonne), and carries the shortfall into the next
   * period's obligation. Refused (naming them) while any covered installation — one with a holding account or
   * a free allocation for the period — has neither accepted nor estimated emissions: a non-reporter never ends
   * a period owing nothing. Nothing can be reported, verified, accepted, allocated or surrendered for a closed
   * period. Request: `{ period }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async ClosePeriod(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Compliance.closePeriod);
    const { period: year } = parseRequest(Compliance.closePeriod, request);
    const store = new Store(ctx);
    const period = await requirePeriod(store, year);
    if (period.status === 'closed') {
      throw failedPrecondition(`compliance period ${year} is already closed`);
    }
    const now = txTime(ctx);
    if (now <= period.deadlines.surrenderBy) {
      throw failedPrecondition(
        `compliance period ${year} can be closed only after ${period.deadlines.surrenderBy}`,
      );
    }
    // Everything is read and checked first: a refusal writes nothing.
    const rows: { record: ComplianceRecord; status: ComplianceStatus }[] = [];
    const missing: string[] = [];
    // A regulator-only range read over installations, once a year.
    for (const { value: installation } of await store.list<Installation>(ObjectType.installation, [])) {
      const record = await loadComplianceRecord(store, year, installation.id);
      const allocation = await loadAllocation(store, year, installation.id);
      const covered = installation.holdingAccountId !== undefined || allocation !== undefined;
      if (covered && record.verifiedEmissions === undefined) missing.push(installation.id);
      const cap = await loadObligationCap(store, period, installation.id);
      rows.push({ record, status: complianceStatus(record, cap) });
    }
    if (missing.length > 0) {
      throw failedPrecondition(
        `compliance period ${year} cannot be closed: ${missing.length} covered installation(s) have neither accepted nor estimated emissions: ${missing.join(', ')}; accept their reports or estimate their emissions first`,
      );
    }
    const outcomes: { installationId: string; code: ComplianceCode; shortfall: number; penalty: string }[] =
      [];
    let totalShortfall = 0;
    for (const { record, status } of rows) {
      const installationId = record.installationId;
      const shortfall = Math.max(0, -status.balance);
      const penalty = (BigInt(shortfall) * BigInt(period.penaltyPerTonne)).toString();
      const final = { code: status.code, shortfall, penalty, currency: period.currency, closedAt: now };
      await store.put(ObjectType.compliance, [year, installationId], {
        ...record,
        final,
      } satisfies ComplianceRecord);
      if (shortfall > 0) {
        const next = await loadComplianceRecord(store, year + 1, installationId);
        await store.put(ObjectType.compliance, [year + 1, installationId], {
          ...next,
          carriedShortfall: addQuantities(next.carriedShortfall, shortfall),
        } satisfies ComplianceRecord);
      }
      totalShortfall = addQuantities(totalShortfall, shortfall);
      outcomes.push({ installationId, code: status.code, shortfall, penalty });
    }
    await store.put(ObjectType.period, [year], { ...period, status: 'closed', closedAt: now });
    emitEvent(ctx, 'PeriodClosed', { period: year, totalShortfall, outcomes });
    return JSON.stringify({ period: year, totalShortfall, outcomes });
  }
}
