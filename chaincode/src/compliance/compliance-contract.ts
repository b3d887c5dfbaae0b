import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import {
  addQuantities,
  Compliance,
  failedPrecondition,
  parseArgs,
  parseRequest,
  type CompliancePeriod,
  type EmissionsCorrection,
  type EmissionsEstimate,
} from '@carbon-ets/contract';
import { authorizeTransaction } from '../identity/access';
import type { Caller } from '../identity/caller';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requirePeriod } from '../period/period-reads';
import { requireInstallation } from '../registry/registry-reads';
import {
  complianceStatus,
  emissionsObligation,
  loadAllocation,
  loadComplianceRecord,
  loadObligationCap,
  type ComplianceRecord,
} from './compliance-record';
import { closePeriodPage } from './period-closing';
import { surrenderUnits } from './surrender';

/** Who did something, as recorded on the ledger: `MSP:id` from the certificate. */
function actor(ctx: Context, caller: Caller): string {
  return `${caller.mspId}:${ctx.clientIdentity.getID()}`;
}

/**
 * The first compliance period after `year` not yet closed for the installation (one not yet created counts: its
 * record waits for it; one whose paged closing has already closed the installation does not). Periods close in
 * order, so the walk ends after the closed ones, each one or two state reads.
 */
async function firstPeriodNotClosedAfter(
  store: Store,
  year: number,
  installationId: string,
): Promise<number> {
  let next = year + 1;
  for (;;) {
    const status = (await store.get<CompliancePeriod>(ObjectType.period, [next]))?.status;
    const closed =
      status === 'closed' ||
      (status === 'closing' && (await loadComplianceRecord(store, next, installationId)).final !== undefined);
    if (!closed) return next;
    next++;
  }
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
   * Surrendered units go to the national deletion account and never move again. Above the holding account's
   * approval threshold it becomes an approval request (see surrender.ts).
   * Request: `{ period, installationId, unitType: 'allowance'|'offset', quantity, lotIds?, vintage? }`.
   * Caller: the operator of the entity owning the installation.
   */
  @Transaction()
  @Returns('string')
  public async Surrender(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Compliance.surrender);
    return JSON.stringify(await surrenderUnits(ctx, caller, parseRequest(Compliance.surrender, request)));
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
    const returnDue = (await loadAllocation(store, year, id))?.returnDue ?? 0;
    return JSON.stringify({
      ...status,
      final: record.final ?? null,
      ...(returnDue === 0 ? {} : { allocationReturnDue: returnDue }),
    });
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
    // Closed for this installation: the period is, or its paged closing has written the installation's final.
    const closed = period.status === 'closed' || record.final !== undefined;
    const difference =
      emissionsObligation(verifiedEmissions, obligationCap) - emissionsObligation(previous, obligationCap);
    let next: ComplianceRecord | undefined;
    let carriedTo: number | null = null;
    if (closed) {
      carriedTo = await firstPeriodNotClosedAfter(store, year, installationId);
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
   * emissions. A later estimate replaces an earlier one; a report accepted later replaces the estimate. While
   * the period is `closing`, an installation its closing has not reached yet can still be estimated (that is how
   * a refused page is resumed). Request: `{ period, installationId, estimatedEmissions, reason, documents? }`. Caller: RegulatorMSP /
   * regulator.
   */
  @Transaction()
  @Returns('string')
  public async EstimateEmissions(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Compliance.estimateEmissions);
    const input = parseRequest(Compliance.estimateEmissions, request);
    const { period: year, installationId, estimatedEmissions } = input;
    const store = new Store(ctx);
    const period = await requirePeriod(store, year);
    if (period.status === 'closed') {
      throw failedPrecondition(`compliance period ${year} is closed`);
    }
    await requireInstallation(store, installationId);
    const now = txTime(ctx);
    if (now <= period.deadlines.reportBy) {
      throw failedPrecondition(
        `emissions can be estimated only after the reporting deadline ${period.deadlines.reportBy}`,
      );
    }
    const record = await loadComplianceRecord(store, year, installationId);
    if (record.final !== undefined) {
      throw failedPrecondition(
        `${installationId} is already closed for ${year} (the period is closing): correct its emissions instead`,
      );
    }
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
   * Closes a period after its surrender deadline, one page of installations per call (in installation id
   * order; call again until the answer says `done`): for each, records the final code, the shortfall and the
   * penalty (shortfall × penalty per tonne), and carries the shortfall into the next period's obligation. An
   * allocation return still due after a negative true-up is added to the shortfall (code B). A page is refused
   * (naming them, writing nothing) while any of its covered installations — one with a holding account or a free
   * allocation for the period — has neither accepted nor estimated emissions: a non-reporter never ends a period
   * owing nothing; estimate, then call again to resume. From the first page on the period is `closing`: nothing
   * can be reported, verified, accepted, allocated or surrendered for it, estimates and corrections still can
   * (see period-closing.ts). A call once it is closed is refused (`already closed`).
   * Request: `{ period, pageSize? }` (default 200, at most 500). Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async ClosePeriod(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Compliance.closePeriod);
    const { period, pageSize } = parseRequest(Compliance.closePeriod, request);
    return JSON.stringify(await closePeriodPage(ctx, new Store(ctx), period, pageSize));
  }
}
