import { z } from 'zod';
import {
  distinctIds,
  field,
  FIELD,
  Id,
  list,
  OneOf,
  optional,
  PositiveDecimalString,
  Sha256,
  strictObject,
  Text,
  WholeNumber,
  Year,
} from './fields';
import { CommercialDataRef } from './commercial-data';
import { ANYONE, read, type RequestOf, write } from './transaction';
import {
  AccreditationRequest,
  AccreditationWithdrawal,
  AssignmentRequest,
  VerifierAccreditation,
  VerifierAssignment,
} from './verifiers';

/** Units accepted for fuel quantities (converted to tonnes) and electricity (converted to MWh). */
export const FUEL_UNIT_NAMES = ['t', 'kt'] as const;
export const ELECTRICITY_UNIT_NAMES = ['MWh', 'GWh'] as const;
export type FuelUnit = (typeof FUEL_UNIT_NAMES)[number];
export type ElectricityUnit = (typeof ELECTRICITY_UNIT_NAMES)[number];

/** Combustion of a fuel named in the factor set; `quantity` is a decimal string in `unit`. */
export const FuelLine = z
  .object({
    kind: z.literal('fuel'),
    fuel: z.string(),
    quantity: z.string(),
    unit: z.enum(FUEL_UNIT_NAMES),
  })
  .readonly();
export type FuelLine = z.infer<typeof FuelLine>;

/** Purchased grid electricity; `quantity` is a decimal string in `unit`. */
export const ElectricityLine = z
  .object({
    kind: z.literal('electricity'),
    quantity: z.string(),
    unit: z.enum(ELECTRICITY_UNIT_NAMES),
  })
  .readonly();
export type ElectricityLine = z.infer<typeof ElectricityLine>;

/** One line of activity data: fuel burnt or grid electricity bought. */
export const ActivityLine = z.union([FuelLine, ElectricityLine]);
export type ActivityLine = z.infer<typeof ActivityLine>;

/** A supporting document kept off-chain; the ledger keeps its SHA-256. */
export const DocumentRef = z.object({ name: z.string(), sha256: z.string() }).readonly();
export type DocumentRef = z.infer<typeof DocumentRef>;

/** submitted → verified → accepted, or submitted/verified → rejected → (correction) submitted. */
export const ReportStatus = z.enum(['submitted', 'verified', 'rejected', 'accepted']);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const VERIFICATION_OPINIONS = ['positive', 'positive-with-comments'] as const;

/**
 * The annual emissions report of one installation for one period: `report ~ period ~ installationId`. A
 * correction replaces it with the next version; earlier versions stay in the key's history.
 */
export const EmissionReport = z
  .object({
    period: z.number(),
    installationId: z.string(),
    entityId: z.string(),
    version: z.number(),
    status: ReportStatus,
    factorSet: z.object({ id: z.string(), version: z.number() }).readonly(),
    /**
     * The commercial part (activity lines, documents, per-line emissions) lives in the owner's commercial
     * collection; a read on a member's peer by a member's user joins it in, elsewhere these three are absent.
     * Reports written before commercial data was private carry them on the channel and have no `commercialData`.
     */
    activity: z.array(ActivityLine).readonly().optional(),
    documents: z.array(DocumentRef).readonly().optional(),
    /** Per line, whole kg (rounded half-up). */
    lineEmissionsKg: z.array(z.number()).readonly().optional(),
    /** Where the commercial part is kept and its SHA-256 (the hash on the channel). */
    commercialData: CommercialDataRef.optional(),
    /**
     * Cancelled green certificate lots applied against the purchased electricity: their MWh count at zero grid
     * factor, so `emissionsKg` is the lines' exact sum less `mwh × grid factor` (`zeroRatedKg`, rounded half-up
     * for display). Absent when none were applied.
     */
    greenCertificates: z
      .object({ lotIds: z.array(z.string()).readonly(), mwh: z.number(), zeroRatedKg: z.number() })
      .readonly()
      .optional(),
    emissionsKg: z.number(),
    /** Whole tonnes, rounded up: what the operator claims. */
    emissionsTonnes: z.number(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    /** Submitted (this version) after the period's reportBy deadline. */
    late: z.boolean(),
    correctionReason: z.string().optional(),
    verification: z
      .object({
        verifiedEmissionsTonnes: z.number(),
        /** verifiedEmissionsTonnes − emissionsTonnes (negative when the verifier found less). */
        /** Absent on verifications recorded before the materiality rule (round 2). */
        differenceTonnes: z.number().optional(),
        opinion: z.enum(VERIFICATION_OPINIONS),
        comment: z.string().optional(),
        /** Why the verified figure differs; required when the difference exceeds the period's materiality. */
        reason: z.string().optional(),
        verifier: z.string(),
        verifiedAt: z.string(),
        late: z.boolean(),
      })
      .readonly()
      .optional(),
    rejection: z.object({ reason: z.string(), by: z.string(), at: z.string() }).readonly().optional(),
    acceptance: z
      .object({
        by: z.string(),
        at: z.string(),
        /** The difference accepted: verified − computed emissions, in tonnes. */
        /** Absent on verifications recorded before the materiality rule (round 2). */
        differenceTonnes: z.number().optional(),
        /** The verifier's reason for it, if one was given. */
        reason: z.string().optional(),
      })
      .readonly()
      .optional(),
  })
  .readonly();
export type EmissionReport = z.infer<typeof EmissionReport>;

/** The commercial part of one report version, as kept in the owner's commercial collection. */
export const ReportActivity = z
  .object({
    activity: z.array(ActivityLine).readonly(),
    documents: z.array(DocumentRef).readonly(),
    lineEmissionsKg: z.array(z.number()).readonly(),
  })
  .readonly();
export type ReportActivity = z.infer<typeof ReportActivity>;

/**
 * A report version's commercial part as one peer answers for it: the reference the public report keeps, the hash
 * this peer's channel copy records for the private write, and — only on a member's peer, for a member's user —
 * the data and its stored text (whose SHA-256 is that hash).
 */
export const ReportCommercialData = z
  .object({
    period: z.number(),
    installationId: z.string(),
    version: z.number(),
    ref: CommercialDataRef,
    channelSha256: z.string().nullable(),
    data: ReportActivity.optional(),
    storedText: z.string().optional(),
  })
  .readonly();
export type ReportCommercialData = z.infer<typeof ReportCommercialData>;

/**
 * One activity line of a request: fuel lines name their fuel (`t`/`kt`), electricity lines do not
 * (`MWh`/`GWh`); the unit is checked against the line's kind.
 */
const ActivityLineRequest = strictObject({
  kind: OneOf(['fuel', 'electricity']),
  fuel: optional(Id),
  quantity: PositiveDecimalString,
  unit: field<string, unknown>((value) => value, {
    type: 'string',
    enum: [...FUEL_UNIT_NAMES, ...ELECTRICITY_UNIT_NAMES],
  }),
}).transform((line, ctx): ActivityLine => {
  const units: readonly string[] = line.kind === 'fuel' ? FUEL_UNIT_NAMES : ELECTRICITY_UNIT_NAMES;
  if (line.kind === 'fuel' && line.fuel === undefined) {
    ctx.addIssue({ code: 'custom', message: `${FIELD} is required`, path: ['fuel'] });
    return z.NEVER;
  }
  if (line.kind === 'electricity' && line.fuel !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `${FIELD} does not apply to an electricity line`,
      path: ['fuel'],
    });
    return z.NEVER;
  }
  if (typeof line.unit !== 'string' || !units.includes(line.unit)) {
    ctx.addIssue({ code: 'custom', message: `${FIELD} must be one of ${units.join(', ')}`, path: ['unit'] });
    return z.NEVER;
  }
  return line.kind === 'fuel'
    ? { kind: 'fuel', fuel: line.fuel ?? '', quantity: line.quantity, unit: line.unit as FuelUnit }
    : { kind: 'electricity', quantity: line.quantity, unit: line.unit as ElectricityUnit };
}) as unknown as z.ZodType<ActivityLine, ActivityLineInput>;

/** What a client sends as one activity line (quantities as decimal strings or numbers). */
export type ActivityLineInput =
  | {
      readonly kind: 'fuel';
      readonly fuel: string;
      readonly quantity: string | number;
      readonly unit: FuelUnit;
    }
  | { readonly kind: 'electricity'; readonly quantity: string | number; readonly unit: ElectricityUnit };

const DocumentRequest = strictObject({ name: Text(), sha256: Sha256 });

const reportFields = {
  period: Year,
  installationId: Id,
  factorSetId: Id,
  factorSetVersion: WholeNumber,
  activity: list(ActivityLineRequest, 200),
  documents: list(DocumentRequest, 100),
  /**
   * Cancelled green certificate lots (in NATIONAL-DELETION, cancelled by this installation's entity, of the
   * report's year, applied to no other report) whose MWh count at zero grid factor; together at most the
   * purchased electricity.
   */
  greenCertificateLotIds: optional(distinctIds(100)),
};

/** A report's fields that are commercial data: sent in the transient map, kept in the owner's collection. */
const REPORT_COMMERCIAL_FIELDS = ['activity', 'documents'] as const;

/** Names the version being acted on, so a reviewer never signs off a version it has not seen. */
const reviewFields = { period: Year, installationId: Id, version: WholeNumber };

/** `Mrv`: emission reports — submitted by operators, verified by verifiers, accepted by the regulator. */
export const Mrv = {
  submitReport: write({
    contract: 'Mrv',
    name: 'SubmitReport',
    roles: ['operator'],
    label: 'report',
    summary:
      "Submits version 1 of an installation's annual emissions report; the chaincode computes the emissions from the named factor set",
    request: strictObject(reportFields),
    answer: EmissionReport,
    commercialFields: REPORT_COMMERCIAL_FIELDS,
  }),
  correctReport: write({
    contract: 'Mrv',
    name: 'CorrectReport',
    roles: ['operator'],
    label: 'report',
    summary:
      'Replaces a report not yet accepted with a corrected next version, which needs verification again',
    request: strictObject({ ...reportFields, reason: Text(1000) }),
    answer: EmissionReport,
    commercialFields: REPORT_COMMERCIAL_FIELDS,
  }),
  verifyReport: write({
    contract: 'Mrv',
    name: 'VerifyReport',
    roles: ['verifier'],
    label: 'verification',
    summary:
      'Verifies the current version of a submitted report: verified emissions in whole tonnes and an opinion (a material difference needs a reason)',
    request: strictObject({
      ...reviewFields,
      /**
       * Whole tonnes. Zero is refused for a report whose computed emissions are not zero; a figure further
       * from the computed one than the period's materiality threshold (default 5 %) needs a `reason`.
       */
      verifiedEmissions: WholeNumber,
      opinion: OneOf(VERIFICATION_OPINIONS),
      comment: optional(Text(2000)),
      /** Why the verified figure differs from the computed one; stored with the verification. */
      reason: optional(Text(2000)),
    }),
    answer: EmissionReport,
  }),
  rejectReport: write({
    contract: 'Mrv',
    name: 'RejectReport',
    roles: ['verifier'],
    label: 'rejection',
    summary: 'Rejects the current version of a submitted or verified report with a reason',
    request: strictObject({ ...reviewFields, reason: Text(2000) }),
    answer: EmissionReport,
  }),
  acceptReport: write({
    contract: 'Mrv',
    name: 'AcceptReport',
    roles: ['regulator'],
    label: 'acceptance',
    summary:
      "Accepts a verified report: its verified emissions become the installation's obligation for the period",
    request: strictObject(reviewFields),
    answer: EmissionReport,
  }),
  accreditVerifier: write({
    contract: 'Mrv',
    name: 'AccreditVerifier',
    roles: ['regulator'],
    label: 'accreditation',
    summary:
      'Accredits a verifier entity for installation sectors until a date; a new accreditation replaces the current one',
    request: AccreditationRequest,
    answer: VerifierAccreditation,
  }),
  withdrawAccreditation: write({
    contract: 'Mrv',
    name: 'WithdrawAccreditation',
    roles: ['regulator'],
    label: 'withdrawal',
    summary: "Withdraws (suspends) a verifier entity's accreditation until it is accredited again",
    request: AccreditationWithdrawal,
    answer: VerifierAccreditation,
  }),
  assignVerifier: write({
    contract: 'Mrv',
    name: 'AssignVerifier',
    roles: ['regulator'],
    label: 'assignment',
    summary:
      "Assigns an accredited verifier entity to an installation's report for a period (reassignment until it is verified)",
    request: AssignmentRequest,
    answer: VerifierAssignment,
  }),
  getAccreditation: read({
    contract: 'Mrv',
    name: 'GetAccreditation',
    roles: ANYONE,
    label: 'entityId',
    summary: "A verifier entity's accreditation: sectors, valid until, withdrawal",
    args: [Id],
    answer: VerifierAccreditation,
  }),
  getVerifierAssignment: read({
    contract: 'Mrv',
    name: 'GetVerifierAssignment',
    roles: ANYONE,
    label: 'assignment',
    summary: "The verifier entity assigned to an installation's report for a period",
    args: [Year, Id],
    answer: VerifierAssignment,
  }),
  listVerifierAssignments: read({
    contract: 'Mrv',
    name: 'ListVerifierAssignments',
    roles: ANYONE,
    label: 'period',
    summary: "Every installation's assigned verifier entity for a period",
    args: [Year],
    answer: z.array(VerifierAssignment).readonly(),
  }),
  getReport: read({
    contract: 'Mrv',
    name: 'GetReport',
    roles: ANYONE,
    label: 'report',
    summary: 'The current version of a report (earlier versions: its history)',
    args: [Year, Id],
    answer: EmissionReport,
  }),
  getReportCommercialData: read({
    contract: 'Mrv',
    name: 'GetReportCommercialData',
    roles: ANYONE,
    label: 'report',
    summary:
      "A report version's commercial part: the channel's hash on every peer, the data only on a member's peer for a member's user (the owner, the regulator, verifiers, the auditor)",
    args: [Year, Id, WholeNumber],
    answer: ReportCommercialData,
  }),
} as const;

/** Names of the requests, as clients use them. */
export type ReportSubmission = RequestOf<typeof Mrv.submitReport>;
export type ReportCorrection = RequestOf<typeof Mrv.correctReport>;
export type Verification = RequestOf<typeof Mrv.verifyReport>;
export type ReportRejection = RequestOf<typeof Mrv.rejectReport>;
export type ReportVersionRef = RequestOf<typeof Mrv.acceptReport>;
export type VerifierAccreditationRequest = RequestOf<typeof Mrv.accreditVerifier>;
export type AccreditationWithdrawalRequest = RequestOf<typeof Mrv.withdrawAccreditation>;
export type VerifierAssignmentRequest = RequestOf<typeof Mrv.assignVerifier>;
