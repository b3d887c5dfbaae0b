import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import {
  CommercialObjectType,
  conflict,
  failedPrecondition,
  notFound,
  type ReportActivity,
  type ReportCommercialData,
  forbidden,
  Mrv,
  parseArgs,
  parseRequest,
  type ParsedRequestOf,
  type ReportSummary,
} from '@carbon-ets/contract';
import { applyCertificates, planCertificates } from '../certificates/certificate-application';
import { loadComplianceRecord, type ComplianceRecord } from '../compliance/compliance-record';
import { authorizeTransaction, requireActsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { commercialInput, type CommercialRead, CommercialStore } from '../ledger/commercial-store';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireFactorSet, requireOpenPeriod } from '../period/period-reads';
import { requireEntity, requireInstallation } from '../registry/registry-reads';
import type { EmissionReport } from './emission-report';
import { reportEmissions } from './emissions';
import { isMaterialDifference } from './materiality';
import {
  accreditationProblem,
  loadAccreditation,
  requireAssignedVerifier,
  type VerifierAccreditation,
  type VerifierAssignment,
} from './verifier-accreditation';

/** A parsed report (a correction adds its reason). */
type ReportInput = ParsedRequestOf<typeof Mrv.submitReport> & { readonly reason?: string };
/** The fields naming the report version under review, common to verification, rejection and acceptance. */
type ReviewInput = ParsedRequestOf<typeof Mrv.acceptReport>;

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
    const caller = authorizeTransaction(ctx, Mrv.submitReport);
    const input = parseRequest(Mrv.submitReport, request, commercialInput(ctx));
    const report = await this.buildVersion(ctx, caller, input, 'SubmitReport', false);
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
    const caller = authorizeTransaction(ctx, Mrv.correctReport);
    const input = parseRequest(Mrv.correctReport, request, commercialInput(ctx));
    const report = await this.buildVersion(ctx, caller, input, 'CorrectReport', true);
    emitEvent(ctx, 'ReportCorrected', this.summary(report));
    return JSON.stringify(report);
  }

  private async buildVersion(
    ctx: Context,
    caller: Caller,
    input: ReportInput,
    action: string,
    correction: boolean,
  ): Promise<EmissionReport> {
    const { period: year, installationId, factorSetId, factorSetVersion, activity, documents } = input;
    const reason = correction ? input.reason : undefined;
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
    const version = (previous?.version ?? 0) + 1;
    const applying = { period: year, installationId, entityId: entity.id, version };
    const certificates = await planCertificates(
      store,
      applying,
      input.greenCertificateLotIds ?? [],
      previous?.greenCertificates?.lotIds ?? [],
    );
    const emissions = reportEmissions(activity, factorSet, certificates.mwh);
    const now = txTime(ctx);
    // The activity and documents are the enterprise's secrets: they go to its commercial collection, the public
    // report keeps their hash and the emissions the compliance arithmetic needs. (The answer is written into the
    // block too, so it is the public report alone.)
    const reportActivity: ReportActivity = {
      activity,
      documents,
      lineEmissionsKg: emissions.lines.map((line) => line.emissionsKg),
    };
    const commercialData = await CommercialStore.ofOwner(ctx, entity.ownerMsp).put(
      CommercialObjectType.reportActivity,
      [year, installationId, version],
      reportActivity,
    );
    const report: EmissionReport = {
      period: year,
      installationId,
      entityId: entity.id,
      version,
      status: 'submitted',
      factorSet: { id: factorSetId, version: factorSetVersion },
      commercialData,
      ...(certificates.lotIds.length === 0
        ? {}
        : {
            greenCertificates: {
              lotIds: certificates.lotIds,
              mwh: certificates.mwh,
              zeroRatedKg: emissions.zeroRatedKg,
            },
          }),
      emissionsKg: emissions.totalKg,
      emissionsTonnes: emissions.totalTonnes,
      submittedAt: now,
      submittedBy: actor(ctx, caller),
      late: now > period.deadlines.reportBy,
      ...(reason === undefined ? {} : { correctionReason: reason }),
    };
    await store.put(ObjectType.report, [year, installationId], report);
    await applyCertificates(ctx, store, applying, certificates);
    return report;
  }

  /** The wire contract's `ReportSummary`: every report event starts with it. */
  private summary(report: EmissionReport): ReportSummary {
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
    input: ReviewInput,
  ): Promise<{ report: EmissionReport; year: number; installationId: string }> {
    const { period: year, installationId, version } = input;
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
    const caller = authorizeTransaction(ctx, Mrv.verifyReport);
    const input = parseRequest(Mrv.verifyReport, request);
    const store = new Store(ctx);
    const { report, year } = await this.loadForReview(store, input);
    const { verifiedEmissions, opinion, comment, reason } = input;
    await this.requireIndependent(store, caller, report);
    await this.requireAssigned(ctx, store, caller, report);
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
    const caller = authorizeTransaction(ctx, Mrv.rejectReport);
    const input = parseRequest(Mrv.rejectReport, request);
    const store = new Store(ctx);
    const { report, year } = await this.loadForReview(store, input);
    const { reason } = input;
    await this.requireIndependent(store, caller, report);
    await this.requireAssigned(ctx, store, caller, report);
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
    const caller = authorizeTransaction(ctx, Mrv.acceptReport);
    const input = parseRequest(Mrv.acceptReport, request);
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
      // An accepted report replaces an estimate the regulator set meanwhile (kept in the key's history).
      emissionsSource: 'report',
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

  /**
   * Only a verifier user of the entity the regulator assigned to the report, while that entity's accreditation is
   * valid and covers the installation's sector (Mrv:AssignVerifier, Mrv:AccreditVerifier).
   */
  private async requireAssigned(
    ctx: Context,
    store: Store,
    caller: Caller,
    report: EmissionReport,
  ): Promise<void> {
    const installation = await requireInstallation(store, report.installationId);
    await requireAssignedVerifier(store, caller, report, installation.sector, txTime(ctx));
  }

  /**
   * Accredits a registered verifier entity for installation sectors until `validUntil`, replacing (and so
   * reinstating) any earlier accreditation. Request: `{ entityId, sectors, validUntil }`, `validUntil` after the
   * transaction's time. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async AccreditVerifier(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Mrv.accreditVerifier);
    const { entityId, sectors, validUntil } = parseRequest(Mrv.accreditVerifier, request);
    const store = new Store(ctx);
    const entity = await requireEntity(store, entityId);
    if (entity.kind !== 'verifier') {
      throw failedPrecondition(
        `entity ${entityId} is a ${entity.kind}, not a verifier; only verifiers are accredited`,
      );
    }
    const now = txTime(ctx);
    if (validUntil <= now) {
      throw failedPrecondition(
        `validUntil ${validUntil} is not after now (${now}); to end an accreditation use WithdrawAccreditation`,
      );
    }
    const accreditation: VerifierAccreditation = {
      entityId,
      sectors: [...sectors].sort(),
      validUntil,
      accreditedAt: now,
    };
    await store.put(ObjectType.accreditation, [entityId], accreditation);
    emitEvent(ctx, 'VerifierAccredited', { accreditation });
    return JSON.stringify(accreditation);
  }

  /**
   * Withdraws (suspends) a verifier entity's accreditation: its users verify nothing more until the regulator
   * accredits it again. Request: `{ entityId, reason }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async WithdrawAccreditation(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Mrv.withdrawAccreditation);
    const { entityId, reason } = parseRequest(Mrv.withdrawAccreditation, request);
    const store = new Store(ctx);
    const current = await store.require<VerifierAccreditation>(
      ObjectType.accreditation,
      [entityId],
      `the accreditation of ${entityId}`,
    );
    if (current.withdrawn !== undefined) {
      throw conflict(`the accreditation of ${entityId} was already withdrawn at ${current.withdrawn.at}`);
    }
    const accreditation: VerifierAccreditation = { ...current, withdrawn: { at: txTime(ctx), reason } };
    await store.put(ObjectType.accreditation, [entityId], accreditation);
    emitEvent(ctx, 'VerifierAccreditationWithdrawn', { accreditation });
    return JSON.stringify(accreditation);
  }

  /**
   * Assigns a verifier entity to an installation's report for an open period. Refused unless the entity is a
   * verifier whose accreditation is valid now and covers the installation's sector; a reassignment is refused once
   * the report is verified or accepted. Request: `{ period, installationId, verifierEntityId }`. Caller:
   * RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async AssignVerifier(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Mrv.assignVerifier);
    const { period: year, installationId, verifierEntityId } = parseRequest(Mrv.assignVerifier, request);
    const store = new Store(ctx);
    await requireOpenPeriod(store, year);
    const installation = await requireInstallation(store, installationId);
    // A verified or accepted report keeps its verifier whoever is proposed instead.
    const report = await store.get<EmissionReport>(ObjectType.report, [year, installationId]);
    if (report?.status === 'verified' || report?.status === 'accepted') {
      throw failedPrecondition(
        `the ${year} report of ${installationId} is already ${report.status}; its verifier can no longer be changed`,
      );
    }
    const verifier = await requireEntity(store, verifierEntityId);
    if (verifier.kind !== 'verifier') {
      throw failedPrecondition(
        `entity ${verifierEntityId} is a ${verifier.kind}, not a verifier; assign a registered verifier entity`,
      );
    }
    const owner = await requireEntity(store, installation.entityId);
    if (owner.ownerMsp === verifier.ownerMsp) {
      throw failedPrecondition(
        `verifier ${verifierEntityId} belongs to ${verifier.ownerMsp}, the org of ${installationId}'s enterprise; assign an independent verifier`,
      );
    }
    const now = txTime(ctx);
    const problem = accreditationProblem(
      verifierEntityId,
      await loadAccreditation(store, verifierEntityId),
      installation.sector,
      now,
    );
    if (problem !== undefined) {
      throw failedPrecondition(problem);
    }
    const previous = await store.get<VerifierAssignment>(ObjectType.verifierAssignment, [
      year,
      installationId,
    ]);
    const assignment: VerifierAssignment = {
      period: year,
      installationId,
      sector: installation.sector,
      verifierEntityId,
      assignedAt: now,
      ...(previous === undefined || previous.verifierEntityId === verifierEntityId
        ? {}
        : { previousVerifierEntityId: previous.verifierEntityId }),
    };
    await store.put(ObjectType.verifierAssignment, [year, installationId], assignment);
    emitEvent(ctx, 'VerifierAssigned', { assignment });
    return JSON.stringify(assignment);
  }

  /** A verifier entity's accreditation (earlier ones: Query:GetHistory). Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetAccreditation(ctx: Context, entityId: string): Promise<string> {
    authorizeTransaction(ctx, Mrv.getAccreditation);
    const [id] = parseArgs(Mrv.getAccreditation, ['entityId'], [entityId]);
    return JSON.stringify(
      await new Store(ctx).require<VerifierAccreditation>(
        ObjectType.accreditation,
        [id],
        `the accreditation of ${id}`,
      ),
    );
  }

  /** The verifier entity assigned to an installation's report for a period. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetVerifierAssignment(ctx: Context, period: string, installationId: string): Promise<string> {
    authorizeTransaction(ctx, Mrv.getVerifierAssignment);
    const [year, id] = parseArgs(
      Mrv.getVerifierAssignment,
      ['period', 'installationId'],
      [period, installationId],
    );
    return JSON.stringify(
      await new Store(ctx).require<VerifierAssignment>(
        ObjectType.verifierAssignment,
        [year, id],
        `a verifier assignment for the ${year} report of ${id}`,
      ),
    );
  }

  /** Every verifier assignment of a period, by installation id. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async ListVerifierAssignments(ctx: Context, period: string): Promise<string> {
    authorizeTransaction(ctx, Mrv.listVerifierAssignments);
    const [year] = parseArgs(Mrv.listVerifierAssignments, ['period'], [period]);
    const rows = await new Store(ctx).list<VerifierAssignment>(ObjectType.verifierAssignment, [year]);
    return JSON.stringify(rows.map((row) => row.value));
  }

  /**
   * The current version of a report (earlier versions: Query:GetHistory), with its activity and documents where
   * this peer holds them and the caller may read them (a member of the owner's commercial collection). Caller:
   * anyone with a carbon role.
   */
  @Transaction(false)
  @Returns('string')
  public async GetReport(ctx: Context, period: string, installationId: string): Promise<string> {
    authorizeTransaction(ctx, Mrv.getReport);
    const [year, id] = parseArgs(Mrv.getReport, ['period', 'installationId'], [period, installationId]);
    const report = await new Store(ctx).require<EmissionReport>(
      ObjectType.report,
      [year, id],
      `the ${year} report of ${id}`,
    );
    const commercial = await this.readActivity(ctx, report);
    return JSON.stringify(
      commercial.stored === undefined ? report : { ...report, ...commercial.stored.value },
    );
  }

  /**
   * A report version's commercial part: the channel's hash on any peer, the data on a member's peer for a
   * member's user. Args: period, installationId, version (the current one or an earlier one). Caller: anyone
   * with a carbon role; Fabric's collection membership decides who sees the data.
   */
  @Transaction(false)
  @Returns('string')
  public async GetReportCommercialData(
    ctx: Context,
    period: string,
    installationId: string,
    version: string,
  ): Promise<string> {
    authorizeTransaction(ctx, Mrv.getReportCommercialData);
    const [year, id, wanted] = parseArgs(
      Mrv.getReportCommercialData,
      ['period', 'installationId', 'version'],
      [period, installationId, version],
    );
    const store = new Store(ctx);
    const current = await store.require<EmissionReport>(
      ObjectType.report,
      [year, id],
      `the ${year} report of ${id}`,
    );
    const report = await this.reportVersion(store, current, wanted);
    if (report.commercialData === undefined) {
      throw failedPrecondition(
        `version ${wanted} of the ${year} report of ${id} predates private commercial data: its activity is on the channel (Mrv:GetReport)`,
      );
    }
    const commercial = await this.readActivity(ctx, report);
    const answer: ReportCommercialData = {
      period: year,
      installationId: id,
      version: wanted,
      ref: report.commercialData,
      channelSha256: commercial.channelSha256 ?? null,
      ...(commercial.stored === undefined
        ? {}
        : { data: commercial.stored.value, storedText: commercial.stored.text }),
    };
    return JSON.stringify(answer);
  }

  /** A version of a report: the current one, or an earlier one from the key's history. */
  private async reportVersion(
    store: Store,
    current: EmissionReport,
    version: number,
  ): Promise<EmissionReport> {
    if (version === current.version) return current;
    const { period, installationId } = current;
    for (const entry of await store.history(store.key(ObjectType.report, [period, installationId]))) {
      const value = entry.value as EmissionReport | null;
      if (value?.version === version) return value;
    }
    throw notFound(`the ${period} report of ${installationId} has no version ${version}`);
  }

  private async readActivity(ctx: Context, report: EmissionReport): Promise<CommercialRead<ReportActivity>> {
    if (report.commercialData === undefined) return { channelSha256: undefined, stored: undefined };
    return CommercialStore.of(ctx, report.commercialData).read<ReportActivity>(
      CommercialObjectType.reportActivity,
      [report.period, report.installationId, report.version],
    );
  }
}
