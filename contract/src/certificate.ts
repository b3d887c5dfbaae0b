import { z } from 'zod';
import { Id, optional, Quantity, strictObject } from './fields';
import { transferFields } from './allowance';
import { MonitoringPeriodRequest, retirementFields, RetirementResult } from './offset';
import { ANYONE, read, type RequestOf, write } from './transaction';
import { DayPeriod, TransferResult } from './units';

/**
 * The days of metered production a block of green certificates stands for: whole UTC days, both bounds
 * inclusive, within one calendar year (the certificates' vintage is that year).
 */
export const ProductionPeriod = DayPeriod;
export type ProductionPeriod = DayPeriod;

/**
 * `certificateDevice ~ deviceId`: a generating device (a renewable installation's meter) that certificates were
 * issued for, written at its first issuance. Its serials are numbered from 1 in issuance order, so serial blocks
 * of a device never overlap and the regulator never picks them.
 */
export const CertificateDevice = z
  .object({
    id: z.string(),
    /** The registered installation the device belongs to; certificates go to accounts of its entity. */
    installationId: z.string(),
    entityId: z.string(),
    /** The serial the next issuance starts at. */
    nextSerial: z.number(),
    /** MWh issued so far. */
    issued: z.number(),
    firstIssuedAt: z.string(),
  })
  .readonly();
export type CertificateDevice = z.infer<typeof CertificateDevice>;

/**
 * `certificateIssuance ~ deviceId ~ from_to`: one issuance of green certificates (write once), 1 certificate =
 * 1 MWh of the device's metered renewable production in the period.
 */
export const CertificateIssuance = z
  .object({
    deviceId: z.string(),
    installationId: z.string(),
    /** The calendar year of the production period. */
    vintage: z.number(),
    productionPeriod: ProductionPeriod,
    serialStart: z.number(),
    serialEnd: z.number(),
    /** MWh. */
    quantity: z.number(),
    accountId: z.string(),
    lotId: z.string(),
    issuedAt: z.string(),
    txId: z.string(),
  })
  .readonly();
export type CertificateIssuance = z.infer<typeof CertificateIssuance>;

/**
 * `certificateMonth ~ deviceId ~ YYYY-MM`: the production days of one calendar month already issued for a
 * device. An issuance reads the (at most 12) months its period touches by key and refuses any shared day; each
 * record holds at most 31 non-overlapping periods, so the check is bounded and needs no range read.
 */
export const CertificateMonth = z
  .object({
    deviceId: z.string(),
    /** `YYYY-MM`. */
    month: z.string(),
    /** The issued periods that share a day with this month, in issuance order. */
    periods: z.array(ProductionPeriod).readonly(),
  })
  .readonly();
export type CertificateMonth = z.infer<typeof CertificateMonth>;

/**
 * `certificateApplication ~ lotId`: a cancelled certificate lot applied to an installation's emissions report
 * for a period. One per cancelled lot, so a certificate counts in one report only; a correction of the same
 * report may list it again (and releases the lots it no longer lists).
 */
export const CertificateApplication = z
  .object({
    lotId: z.string(),
    period: z.number(),
    installationId: z.string(),
    entityId: z.string(),
    /** The report version that applied it last. */
    reportVersion: z.number(),
    /** MWh: the lot's quantity. */
    mwh: z.number(),
    appliedAt: z.string(),
    txId: z.string(),
  })
  .readonly();
export type CertificateApplication = z.infer<typeof CertificateApplication>;

/** `Certificate`: green electricity certificates — issuance (regulator), transfer and cancellation (holders). */
export const Certificate = {
  issueCertificates: write({
    contract: 'Certificate',
    name: 'IssueCertificates',
    roles: ['regulator'],
    label: 'certificateIssuance',
    summary:
      "Issues green certificates (1 per MWh) for a device's metered renewable production in a period into an account of the installation's entity; no day of a device twice (CONFLICT)",
    request: strictObject({
      deviceId: Id,
      /** The registered generating installation the device belongs to (fixed at the device's first issuance). */
      installationId: Id,
      /** `YYYY-MM-DD` days, both inclusive, within one calendar year; no day already issued for the device. */
      productionPeriod: MonitoringPeriodRequest,
      /** MWh of metered production. */
      quantity: Quantity,
      toAccount: Id,
    }),
    answer: CertificateIssuance,
  }),
  transferCertificates: write({
    contract: 'Certificate',
    name: 'TransferCertificates',
    roles: ['regulator', 'operator', 'trader'],
    label: 'transfer',
    summary:
      "Moves green certificates between accounts; the source's owner (or the regulator, for national accounts) signs",
    request: strictObject({ ...transferFields, deviceId: optional(Id) }),
    answer: TransferResult,
  }),
  cancelCertificates: write({
    contract: 'Certificate',
    name: 'CancelCertificates',
    roles: ['operator', 'trader'],
    label: 'cancellation',
    summary:
      'Cancels green certificates for a named beneficiary; terminal: a cancelled certificate never moves or is cancelled again, and its lot may be applied to one report of the cancelling entity',
    request: strictObject({ ...retirementFields, deviceId: optional(Id) }),
    answer: RetirementResult,
  }),
  getDevice: read({
    contract: 'Certificate',
    name: 'GetDevice',
    roles: ANYONE,
    label: 'deviceId',
    summary: 'A generating device certificates were issued for: its installation, next serial and MWh issued',
    args: [Id],
    answer: CertificateDevice,
  }),
  getApplication: read({
    contract: 'Certificate',
    name: 'GetApplication',
    roles: ANYONE,
    label: 'lotId',
    summary: 'The report a cancelled certificate lot is applied to',
    args: [Id],
    answer: CertificateApplication,
  }),
} as const;

export type CertificateIssuanceRequest = RequestOf<typeof Certificate.issueCertificates>;
export type CertificateCancellationRequest = RequestOf<typeof Certificate.cancelCertificates>;
