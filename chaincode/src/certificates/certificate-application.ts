import type { Context } from 'fabric-contract-api';
import { addQuantities, conflict, failedPrecondition, forbidden, notFound } from '@carbon-ets/contract';
import { ObjectType } from '../ledger/keys';
import type { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { NationalAccount } from '../registry/account';
import type { Lot } from '../units/lot';
import type { CertificateApplication } from './production-months';

/** The report version that applies certificates: whose it is and which one. */
export interface ApplyingReport {
  readonly period: number;
  readonly installationId: string;
  readonly entityId: string;
  readonly version: number;
}

/** What applying certificate lots to a report will write, checked before any write. */
export interface CertificatePlan {
  readonly lotIds: readonly string[];
  /** MWh of the lots together, at zero grid factor in the report. */
  readonly mwh: number;
  readonly lots: readonly Lot[];
  /** Lots the report's previous version applied and this one no longer lists: released for another report. */
  readonly released: readonly string[];
}

/**
 * Checks the cancelled certificate lots a report version lists, reading only by key (no range read):
 * each must be a green certificate lot retired in NATIONAL-DELETION (cancelled), cancelled by the report's
 * entity (FORBIDDEN otherwise), of the report's year, and applied to no other report (CONFLICT naming it); the
 * same installation's report for the same period may list it again in a correction.
 */
export async function planCertificates(
  store: Store,
  report: ApplyingReport,
  lotIds: readonly string[],
  previouslyApplied: readonly string[],
): Promise<CertificatePlan> {
  const lots: Lot[] = [];
  let mwh = 0;
  for (const lotId of lotIds) {
    const lot = await store.get<Lot>(ObjectType.lot, [NationalAccount.deletion, lotId]);
    if (lot === undefined) {
      throw notFound(
        `certificate lot ${lotId} is not a cancelled lot in ${NationalAccount.deletion}; cancel certificates first (Certificate:CancelCertificates) and name the cancelled lot`,
      );
    }
    if (lot.unitType !== 'greenCertificate' || lot.status !== 'retired') {
      throw failedPrecondition(
        `lot ${lotId} is a ${lot.status} ${lot.unitType} lot, not cancelled green certificates`,
      );
    }
    if (lot.retirement?.entityId !== report.entityId) {
      throw forbidden(
        `certificate lot ${lotId} was cancelled by ${lot.retirement?.entityId ?? 'another entity'}; only ${report.entityId}'s own cancelled certificates count in its report`,
      );
    }
    if (lot.vintage !== report.period) {
      throw failedPrecondition(
        `certificate lot ${lotId} is for production in ${lot.vintage}; only ${report.period} production counts against ${report.period} electricity`,
      );
    }
    const applied = await store.get<CertificateApplication>(ObjectType.certificateApplication, [lotId]);
    if (
      applied !== undefined &&
      (applied.period !== report.period || applied.installationId !== report.installationId)
    ) {
      throw conflict(
        `certificate lot ${lotId} is already applied to the ${applied.period} report of ${applied.installationId} (version ${applied.reportVersion}, tx ${applied.txId})`,
      );
    }
    lots.push(lot);
    mwh = addQuantities(mwh, lot.quantity);
  }
  const released = previouslyApplied.filter((lotId) => !lotIds.includes(lotId));
  return { lotIds, mwh, lots, released };
}

/** Writes the application of each planned lot (this report version) and deletes the released ones. */
export async function applyCertificates(
  ctx: Context,
  store: Store,
  report: ApplyingReport,
  plan: CertificatePlan,
): Promise<void> {
  for (const lot of plan.lots) {
    const application: CertificateApplication = {
      lotId: lot.id,
      period: report.period,
      installationId: report.installationId,
      entityId: report.entityId,
      reportVersion: report.version,
      mwh: lot.quantity,
      appliedAt: txTime(ctx),
      txId: ctx.stub.getTxID(),
    };
    await store.put(ObjectType.certificateApplication, [lot.id], application);
  }
  for (const lotId of plan.released) {
    await store.delete(ObjectType.certificateApplication, [lotId]);
  }
}
