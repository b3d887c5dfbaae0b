import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import { conflict, failedPrecondition, forbidden } from '../errors';
import { loadComplianceRecord, type ComplianceRecord } from '../compliance/compliance-record';
import { Anyone, Operator, Regulator, Verifier, authorize, requireActsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { emitEvent } from '../ledger/events';
import { InputReader, parseId, parseYear } from '../ledger/input';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireFactorSet, requireOpenPeriod } from '../period/period-reads';
import { requireEntity, requireInstallation } from '../registry/registry-reads';
import { ELECTRICITY_UNITS, FUEL_UNITS, type ActivityLine, type DocumentRef } from './activity';
import type { EmissionReport } from './emission-report';
import { reportEmissions } from './emissions';
import { isMaterialDifference } from './materiality';

/** Keys of one activity line: fuel lines name their fuel, electricity lines do not. */
const ACTIVITY_KEYS = ['kind', 'fuel', 'quantity', 'unit'] as const;
/** Keys of one supporting document. */
const DOCUMENT_KEYS = ['name', 'sha256'] as const;
/** Keys of a Mrv:SubmitReport request. */
const REPORT_KEYS = [
  'period',
  'installationId',
  'factorSetId',
  'factorSetVersion',
  'activity',
  'documents',
] as const;
/** Keys of a Mrv:CorrectReport request: a report and the reason for correcting it. */
const CORRECTION_KEYS = [...REPORT_KEYS, 'reason'] as const;
/** Keys naming the report version under review, common to verification, rejection and acceptance. */
const REVIEW_KEYS = ['period', 'installationId', 'version'] as const;
/** Keys of a Mrv:VerifyReport request. */
const VERIFICATION_KEYS = [...REVIEW_KEYS, 'verifiedEmissions', 'opinion', 'comment', 'reason'] as const;
/** Keys of a Mrv:RejectReport request. */
const REJECTION_KEYS = [...REVIEW_KEYS, 'reason'] as const;
/** Keys of a Mrv:AcceptReport request. */
const ACCEPTANCE_KEYS = REVIEW_KEYS;

function readActivity(item: InputReader<(typeof ACTIVITY_KEYS)[number]>): ActivityLine {
  const kind = item.oneOf('kind', ['fuel', 'electricity'] as const);
  if (kind === 'fuel') {
    return {
      kind,
      fuel: item.id('fuel'),
      quantity: item.positiveDecimal('quantity'),
      unit: item.oneOf('unit', Object.keys(FUEL_UNITS) as (keyof typeof FUEL_UNITS)[]),
    };
  }
  item.forbid('fuel', 'an electricity line');
  return {
    kind,
    quantity: item.positiveDecimal('quantity'),
    unit: item.oneOf('unit', Object.keys(ELECTRICITY_UNITS) as (keyof typeof ELECTRICITY_UNITS)[]),
  };
}

function readDocument(item: InputReader<(typeof DOCUMENT_KEYS)[number]>): DocumentRef {
  return { name: item.text('name'), sha256: item.sha256('sha256') };
}

/** Who did something, as recorded on the ledger: `MSP/CN` style id from the certificate. */
function actor(ctx: Context, caller: Caller): string {
  return `${caller.mspId}:${ctx.clientIdentity.getID()}`;
}

/**
 * Monitoring, reporting and verification: annual emission reports, their verification, rejection, acceptance
 * and corrections.
 */
@Info({ title: 'Mrv', description: 'Emission reports, verification and acceptance' })
export class MrvContract extends CarbonContract {
  constructor() {
    super('Mrv');
  }

  /**
   * Submits version 1 of an installation's annual emissions report; the chaincode computes the emissions from
   * the named factor set. Request: `{ period, installationId, factorSetId, factorSetVersion, activity: [{ kind:
   * 'fuel', fuel, quantity, unit: 't'|'kt' } | { kind: 'electricity', quantity, unit: 'MWh'|'GWh' }],
   * documents: [{ name, sha256 }] }`. Caller: the operator of the entity owning the installation.
   */
  @Transaction()
  @Returns('string')
  public async SubmitReport(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'SubmitReport', [Operator]);
    const report = await this.buildVersion(ctx, caller, request, 'SubmitReport', false);
    emitEvent(ctx, 'ReportSubmitted', this.summary(report));
    return JSON.stringify(report);
  }

  /**
   * Replaces a report that is not yet accepted with a corrected next version, which needs verification again.
   * Request: as SubmitReport plus `reason`. Caller: the operator of the entity owning the installation.
   */
  @Transaction()
  @Returns('string')
  public async CorrectReport(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'CorrectReport', [Operator]);
    const report = await this.buildVersion(ctx, caller, request, 'CorrectReport', true);
    emitEvent(ctx, 'ReportCorrected', this.summary(report));
    return JSON.stringify(report);
  }

  private async buildVersion(
    ctx: Context,
    caller: Caller,
    request: string,
    action: string,
    correction: boolean,
  ): Promise<EmissionReport> {
    const input = InputReader.fromJson<(typeof CORRECTION_KEYS)[number]>(
      request,
      'report',
      correction ? CORRECTION_KEYS : REPORT_KEYS,
    );
    const year = input.year('period');
    const installationId = input.id('installationId');
    const factorSetId = input.id('factorSetId');
    const factorSetVersion = input.wholeNumber('factorSetVersion');
    const activity = input.array('activity', ACTIVITY_KEYS, readActivity, 200);
    const documents = input.array('documents', DOCUMENT_KEYS, readDocument, 100);
    const reason = correction ? input.text('reason', 1000) : undefined;
    const store = new Store(ctx);
    const period = await requireOpenPeriod(store, year);
    const installation = await requireInstallation(store, installationId);
    const entity = await requireEntity(store, installation.entityId);
    requireActsFor(caller, entity, action);
    const previous = await store.get<EmissionReport>(ObjectType.report, [year, installationId]);
    if (!correction && previous !== undefined) {
      throw conflict(
        `a ${year} report for ${installationId} exists (version ${previous.version}); use CorrectReport`,
      );
    }
    if (correction && previous === undefined) {
      throw failedPrecondition(`no ${year} report for ${installationId} to correct; use SubmitReport`);
    }
    if (previous?.status === 'accepted') {
      throw failedPrecondition(`the ${year} report for ${installationId} is already accepted`);
    }
    const factorSet = await requireFactorSet(store, factorSetId, factorSetVersion);
    const emissions = reportEmissions(activity, factorSet);
    const now = txTime(ctx);
    const report: EmissionReport = {
      period: year,
      installationId,
      entityId: entity.id,
      version: (previous?.version ?? 0) + 1,
      status: 'submitted',
      factorSet: { id: factorSetId, version: factorSetVersion },
      activity,
      documents,
      lineEmissionsKg: emissions.lines.map((line) => line.emissionsKg),
      emissionsKg: emissions.totalKg,
      emissionsTonnes: emissions.totalTonnes,
      submittedAt: now,
      submittedBy: actor(ctx, caller),
      late: now > period.deadlines.reportBy,
      ...(reason === undefined ? {} : { correctionReason: reason }),
    };
    await store.put(ObjectType.report, [year, installationId], report);
    return report;
  }

  private summary(report: EmissionReport): Record<string, unknown> {
    return {
      period: report.period,
      installationId: report.installationId,
      version: report.version,
      status: report.status,
      emissionsKg: report.emissionsKg,
      emissionsTonnes: report.emissionsTonnes,
      late: report.late,
    };
  }

  private async loadForReview(
    store: Store,
    input: InputReader<(typeof REVIEW_KEYS)[number]>,
  ): Promise<{ report: EmissionReport; year: number; installationId: string }> {
    const year = input.year('period');
    const installationId = input.id('installationId');
    const version = input.wholeNumber('version');
    const report = await store.require<EmissionReport>(
      ObjectType.report,
      [year, installationId],
      `the ${year} report of ${installationId}`,
    );
    if (report.version !== version) {
      // Guards against reviewing a version other than the one the reviewer read.
      throw conflict(
        `the ${year} report of ${installationId} is at version ${report.version}, not ${version}`,
      );
    }
    return { report, year, installationId };
  }

  /**
   * Verifies the current version of a submitted report: verified emissions in whole tonnes and an opinion.
   * Request: `{ period, installationId, version, verifiedEmissions, opinion: 'positive'|'positive-with-comments',
   * comment?, reason? }`. Caller: VerifierMSP / verifier (never the reporting enterprise's org).
   *
   * The verified figure is compared with the report's computed emissions (`emissionsTonnes`, whole tonnes):
   * - zero verified emissions for a report whose computed emissions are not zero are refused
   *   (FAILED_PRECONDITION): a report that wrong is rejected (RejectReport) and corrected by its operator;
   * - a material difference needs the verifier's `reason` (FAILED_PRECONDITION without it). Material means
   *   |verified − computed| × 10,000 > threshold × computed, with the period's `materialityThresholdBasisPoints`
   *   (default 500 = 5 %), in exact integer arithmetic: nothing is rounded, a difference of exactly the threshold
   *   is not material, and when the computed figure is zero any non-zero verified figure is.
   * The verification records the difference (verified − computed, in tonnes) and the reason, if given.
   */
  @Transaction()
  @Returns('string')
  public async VerifyReport(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'VerifyReport', [Verifier]);
    const input = InputReader.fromJson(request, 'verification', VERIFICATION_KEYS);
    const store = new Store(ctx);
    const { report, year } = await this.loadForReview(store, input);
    const verifiedEmissions = input.wholeNumber('verifiedEmissions');
    const opinion = input.oneOf('opinion', ['positive', 'positive-with-comments'] as const);
    const comment = input.optionalText('comment', 2000);
    const reason = input.optionalText('reason', 2000);
    await this.requireIndependent(store, caller, report);
    if (report.status !== 'submitted') {
      throw failedPrecondition(`only a submitted report can be verified; this one is ${report.status}`);
    }
    const period = await requireOpenPeriod(store, year);
    const computed = report.emissionsTonnes;
    const what = `the ${year} report of ${report.installationId} (version ${report.version})`;
    if (verifiedEmissions === 0 && computed !== 0) {
      throw failedPrecondition(
        `verified emissions of 0 t for ${what}, which computes ${computed} t, are refused; reject the report so its operator corrects it`,
      );
    }
    const threshold = period.materialityThresholdBasisPoints;
    if (reason === undefined && isMaterialDifference(verifiedEmissions, computed, threshold)) {
      throw failedPrecondition(
        `verified emissions of ${verifiedEmissions} t differ from the ${computed} t computed for ${what} by more than the ${year} materiality threshold of ${threshold} bp; state the reason`,
      );
    }
    const now = txTime(ctx);
    const verified: EmissionReport = {
      ...report,
      status: 'verified',
      verification: {
        verifiedEmissionsTonnes: verifiedEmissions,
        differenceTonnes: verifiedEmissions - computed,
        opinion,
        ...(comment === undefined ? {} : { comment }),
        ...(reason === undefined ? {} : { reason }),
        verifier: actor(ctx, caller),
        verifiedAt: now,
        late: now > period.deadlines.verifyBy,
      },
    };
    await store.put(ObjectType.report, [year, report.installationId], verified);
    emitEvent(ctx, 'ReportVerified', {
      ...this.summary(verified),
      verifiedEmissions,
      differenceTonnes: verifiedEmissions - computed,
      ...(reason === undefined ? {} : { reason }),
    });
    return JSON.stringify(verified);
  }

  /**
   * Rejects the current version of a submitted or verified report with a reason; the operator then corrects it.
   * Request: `{ period, installationId, version, reason }`. Caller: VerifierMSP / verifier.
   */
  @Transaction()
  @Returns('string')
  public async RejectReport(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'RejectReport', [Verifier]);
    const input = InputReader.fromJson(request, 'rejection', REJECTION_KEYS);
    const store = new Store(ctx);
    const { report, year } = await this.loadForReview(store, input);
    const reason = input.text('reason', 2000);
    await this.requireIndependent(store, caller, report);
    if (report.status !== 'submitted' && report.status !== 'verified') {
      throw failedPrecondition(
        `only a submitted or verified report can be rejected; this one is ${report.status}`,
      );
    }
    await requireOpenPeriod(store, year);
    const rejected: EmissionReport = {
      ...report,
      status: 'rejected',
      rejection: { reason, by: actor(ctx, caller), at: txTime(ctx) },
    };
    await store.put(ObjectType.report, [year, report.installationId], rejected);
    emitEvent(ctx, 'ReportRejected', { ...this.summary(rejected), reason });
    return JSON.stringify(rejected);
  }

  /**
   * Accepts a verified report: its verified emissions become the installation's obligation for the period.
   * The acceptance (answer, stored record and event) shows what the regulator accepted beyond the operator's
   * claim: the difference verified − computed in tonnes and the verifier's reason, if any.
   * Request: `{ period, installationId, version }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async AcceptReport(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'AcceptReport', [Regulator]);
    const input = InputReader.fromJson(request, 'acceptance', ACCEPTANCE_KEYS);
    const store = new Store(ctx);
    const { report, year, installationId } = await this.loadForReview(store, input);
    if (report.status !== 'verified' || report.verification === undefined) {
      throw failedPrecondition(`only a verified report can be accepted; this one is ${report.status}`);
    }
    await requireOpenPeriod(store, year);
    const { verification } = report;
    // Recomputed from the two figures: a verification written before the materiality rule does not carry it.
    const differenceTonnes = verification.verifiedEmissionsTonnes - report.emissionsTonnes;
    const accepted: EmissionReport = {
      ...report,
      status: 'accepted',
      acceptance: {
        by: actor(ctx, caller),
        at: txTime(ctx),
        differenceTonnes,
        ...(verification.reason === undefined ? {} : { reason: verification.reason }),
      },
    };
    const record = await loadComplianceRecord(store, year, installationId);
    const updated: ComplianceRecord = {
      ...record,
      verifiedEmissions: verification.verifiedEmissionsTonnes,
    };
    await store.put(ObjectType.report, [year, installationId], accepted);
    await store.put(ObjectType.compliance, [year, installationId], updated);
    emitEvent(ctx, 'ReportAccepted', {
      ...this.summary(accepted),
      verifiedEmissions: verification.verifiedEmissionsTonnes,
      differenceTonnes,
      ...(verification.reason === undefined ? {} : { reason: verification.reason }),
    });
    return JSON.stringify(accepted);
  }

  /** A verifier never verifies its own org's report. */
  private async requireIndependent(store: Store, caller: Caller, report: EmissionReport): Promise<void> {
    const entity = await requireEntity(store, report.entityId);
    if (entity.ownerMsp === caller.mspId) {
      throw forbidden(`a verifier of ${caller.mspId} cannot review a report of its own org`);
    }
  }

  /** The current version of a report (earlier versions: Query:GetHistory). Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetReport(ctx: Context, period: string, installationId: string): Promise<string> {
    authorize(ctx, 'GetReport', Anyone);
    const year = parseYear(period, 'period');
    const id = parseId(installationId, 'installationId');
    return JSON.stringify(
      await new Store(ctx).require<EmissionReport>(
        ObjectType.report,
        [year, id],
        `the ${year} report of ${id}`,
      ),
    );
  }
}
