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

function readActivity(item: InputReader): ActivityLine {
  const kind = item.oneOf('kind', ['fuel', 'electricity'] as const);
  if (kind === 'fuel') {
    return {
      kind,
      fuel: item.id('fuel'),
      quantity: item.positiveDecimal('quantity'),
      unit: item.oneOf('unit', Object.keys(FUEL_UNITS) as (keyof typeof FUEL_UNITS)[]),
    };
  }
  return {
    kind,
    quantity: item.positiveDecimal('quantity'),
    unit: item.oneOf('unit', Object.keys(ELECTRICITY_UNITS) as (keyof typeof ELECTRICITY_UNITS)[]),
  };
}

function readDocument(item: InputReader): DocumentRef {
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
    const input = InputReader.fromJson(request, 'report');
    const year = input.year('period');
    const installationId = input.id('installationId');
    const factorSetId = input.id('factorSetId');
    const factorSetVersion = input.wholeNumber('factorSetVersion');
    const activity = input.array('activity', readActivity, 200);
    const documents = input.array('documents', readDocument, 100);
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
    input: InputReader,
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
   * comment? }`. Caller: VerifierMSP / verifier (never the reporting enterprise's org).
   */
  @Transaction()
  @Returns('string')
  public async VerifyReport(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'VerifyReport', [Verifier]);
    const input = InputReader.fromJson(request, 'verification');
    const store = new Store(ctx);
    const { report, year } = await this.loadForReview(store, input);
    const verifiedEmissions = input.wholeNumber('verifiedEmissions');
    const opinion = input.oneOf('opinion', ['positive', 'positive-with-comments'] as const);
    const comment = input.optionalText('comment', 2000);
    await this.requireIndependent(store, caller, report);
    if (report.status !== 'submitted') {
      throw failedPrecondition(`only a submitted report can be verified; this one is ${report.status}`);
    }
    const period = await requireOpenPeriod(store, year);
    const now = txTime(ctx);
    const verified: EmissionReport = {
      ...report,
      status: 'verified',
      verification: {
        verifiedEmissionsTonnes: verifiedEmissions,
        opinion,
        ...(comment === undefined ? {} : { comment }),
        verifier: actor(ctx, caller),
        verifiedAt: now,
        late: now > period.deadlines.verifyBy,
      },
    };
    await store.put(ObjectType.report, [year, report.installationId], verified);
    emitEvent(ctx, 'ReportVerified', this.summary(verified));
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
    const input = InputReader.fromJson(request, 'rejection');
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
   * Request: `{ period, installationId, version }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async AcceptReport(ctx: Context, request: string): Promise<string> {
    const caller = authorize(ctx, 'AcceptReport', [Regulator]);
    const input = InputReader.fromJson(request, 'acceptance');
    const store = new Store(ctx);
    const { report, year, installationId } = await this.loadForReview(store, input);
    if (report.status !== 'verified' || report.verification === undefined) {
      throw failedPrecondition(`only a verified report can be accepted; this one is ${report.status}`);
    }
    await requireOpenPeriod(store, year);
    const accepted: EmissionReport = {
      ...report,
      status: 'accepted',
      acceptance: { by: actor(ctx, caller), at: txTime(ctx) },
    };
    const record = await loadComplianceRecord(store, year, installationId);
    const updated: ComplianceRecord = {
      ...record,
      verifiedEmissions: report.verification.verifiedEmissionsTonnes,
    };
    await store.put(ObjectType.report, [year, installationId], accepted);
    await store.put(ObjectType.compliance, [year, installationId], updated);
    emitEvent(ctx, 'ReportAccepted', {
      ...this.summary(accepted),
      verifiedEmissions: report.verification.verifiedEmissionsTonnes,
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
