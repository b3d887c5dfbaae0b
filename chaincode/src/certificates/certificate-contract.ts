import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import {
  addQuantities,
  Certificate,
  conflict,
  failedPrecondition,
  forbidden,
  invalidArgument,
  parseArgs,
  parseRequest,
} from '@carbon-ets/contract';
import { actsFor, authorizeTransaction, isSupervisor } from '../identity/access';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireAccount, requireEntity, requireInstallation } from '../registry/registry-reads';
import { LotLedger } from '../units/lot-ledger';
import { moveUnits, requireOpen } from '../units/transfer';
import { retireUnits } from '../units/retirement';
import {
  formatPeriod,
  monthsOf,
  periodKey,
  periodsOverlap,
  type CertificateApplication,
  type CertificateDevice,
  type CertificateIssuance,
  type CertificateMonth,
} from './production-months';

/**
 * Green electricity certificates: 1 certificate = 1 MWh of a device's metered renewable production. Issued once
 * per production day of a device, transferable like any lot, cancelled terminally for a beneficiary; a cancelled
 * lot may then be applied to one emissions report of the cancelling entity (see `Mrv:SubmitReport`).
 */
@Info({
  title: 'Certificate',
  description: 'Green electricity certificates: issuance, transfer, cancellation',
})
export class CertificateContract extends CarbonContract {
  constructor() {
    super('Certificate');
  }

  /**
   * Issues certificates for a device's production period into an open account of the installation's entity.
   * Request: `{ deviceId, installationId, productionPeriod: { from, to }, quantity, toAccount }`.
   *
   * - the device is bound to its installation at its first issuance; later issuances must name the same one;
   * - serials are the device's next free ones (`certificateDevice.nextSerial`), so blocks never overlap;
   * - no production day of a device is issued twice: the period is checked against `certificateMonth ~
   *   deviceId ~ YYYY-MM` of each month it touches (point reads; two issuances for one device-month in one block
   *   conflict at commit, as both write that key), and CONFLICT names the period already issued.
   *
   * Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async IssueCertificates(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Certificate.issueCertificates);
    const { deviceId, installationId, productionPeriod, quantity, toAccount } = parseRequest(
      Certificate.issueCertificates,
      request,
    );
    const store = new Store(ctx);
    const installation = await requireInstallation(store, installationId);
    const device = await store.get<CertificateDevice>(ObjectType.certificateDevice, [deviceId]);
    if (device !== undefined && device.installationId !== installationId) {
      throw failedPrecondition(
        `device ${deviceId} belongs to installation ${device.installationId}, not ${installationId}`,
      );
    }
    const account = await requireAccount(store, toAccount);
    if (account.entityId !== installation.entityId) {
      throw invalidArgument(
        `account ${account.id} does not belong to ${installation.entityId}, the entity of installation ${installationId}`,
      );
    }
    requireOpen(account, 'destination');
    const months: CertificateMonth[] = [];
    for (const month of monthsOf(productionPeriod)) {
      const issued = await store.get<CertificateMonth>(ObjectType.certificateMonth, [deviceId, month]);
      const overlapping = issued?.periods.find((period) => periodsOverlap(period, productionPeriod));
      if (overlapping !== undefined) {
        throw conflict(
          `production period ${formatPeriod(productionPeriod)} of device ${deviceId} overlaps ${formatPeriod(overlapping)}, already issued`,
        );
      }
      months.push({ deviceId, month, periods: [...(issued?.periods ?? []), productionPeriod] });
    }
    const serialStart = device?.nextSerial ?? 1;
    const serialEnd = addQuantities(serialStart, quantity - 1);
    const vintage = Number(productionPeriod.to.slice(0, 4));
    const now = txTime(ctx);
    const lot = await new LotLedger(ctx, store).create(account, {
      unitType: 'greenCertificate',
      vintage,
      deviceId,
      productionPeriod,
      serialStart,
      serialEnd,
      status: 'held',
      origin: 'issuance',
    });
    const updated: CertificateDevice = {
      id: deviceId,
      installationId,
      entityId: installation.entityId,
      nextSerial: addQuantities(serialEnd, 1),
      issued: addQuantities(device?.issued ?? 0, quantity),
      firstIssuedAt: device?.firstIssuedAt ?? now,
    };
    await store.put(ObjectType.certificateDevice, [deviceId], updated);
    for (const month of months) {
      await store.put(ObjectType.certificateMonth, [deviceId, month.month], month);
    }
    const issuance: CertificateIssuance = {
      deviceId,
      installationId,
      vintage,
      productionPeriod,
      serialStart,
      serialEnd,
      quantity,
      accountId: account.id,
      lotId: lot.id,
      issuedAt: now,
      txId: ctx.stub.getTxID(),
    };
    await store.put(ObjectType.certificateIssuance, [deviceId, periodKey(productionPeriod)], issuance);
    emitEvent(ctx, 'CertificatesIssued', { issuance });
    return JSON.stringify(issuance);
  }

  /**
   * Transfers certificates between open accounts (see Allowance:Transfer).
   * Request: `{ fromAccount, toAccount, quantity, lotIds?, vintage?, deviceId? }`.
   * Caller: the operator or trader of the entity owning `fromAccount` (the regulator for national accounts).
   */
  @Transaction()
  @Returns('string')
  public async TransferCertificates(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Certificate.transferCertificates);
    const transfer = parseRequest(Certificate.transferCertificates, request);
    return JSON.stringify(await moveUnits(ctx, caller, transfer, 'greenCertificate', 'TransferCertificates'));
  }

  /**
   * Cancels certificates for a named beneficiary. Terminal: the certificates go to the deletion account as
   * `retired` lots that name the beneficiary and the cancelling entity, and never move again — a second
   * cancellation of the same lot finds it gone from the account (NOT_FOUND) and writes nothing.
   * Request: `{ accountId, quantity, beneficiary, reason?, lotIds?, deviceId?, vintage? }`.
   * Caller: the operator or trader of the entity owning the account.
   */
  @Transaction()
  @Returns('string')
  public async CancelCertificates(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Certificate.cancelCertificates);
    const { deviceId, vintage, ...cancellation } = parseRequest(Certificate.cancelCertificates, request);
    const { accountId, quantity, beneficiary } = cancellation;
    const { owner, movement } = await retireUnits(
      ctx,
      caller,
      cancellation,
      {
        unitType: 'greenCertificate',
        ...(deviceId === undefined ? {} : { deviceId }),
        ...(vintage === undefined ? {} : { vintage }),
      },
      { transaction: 'CancelCertificates', verb: 'cancel', nameEntity: true },
    );
    emitEvent(ctx, 'CertificatesCancelled', {
      accountId,
      entityId: owner.id,
      quantity,
      beneficiary,
      spentLotIds: movement.spentLotIds,
      cancelledLots: movement.moved.map((lot) => lot.id),
    });
    return JSON.stringify({ accountId, quantity, beneficiary, lots: movement.moved });
  }

  /** A device certificates were issued for. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetDevice(ctx: Context, deviceId: string): Promise<string> {
    authorizeTransaction(ctx, Certificate.getDevice);
    const [id] = parseArgs(Certificate.getDevice, ['deviceId'], [deviceId]);
    return JSON.stringify(
      await new Store(ctx).require<CertificateDevice>(ObjectType.certificateDevice, [id], `device ${id}`),
    );
  }

  /**
   * The report a cancelled certificate lot is applied to. Caller: supervisors, and users of the entity that
   * applied it.
   */
  @Transaction(false)
  @Returns('string')
  public async GetApplication(ctx: Context, lotId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Certificate.getApplication);
    const [id] = parseArgs(Certificate.getApplication, ['lotId'], [lotId]);
    const store = new Store(ctx);
    const application = await store.require<CertificateApplication>(
      ObjectType.certificateApplication,
      [id],
      `an application of certificate lot ${id}`,
    );
    const entity = await requireEntity(store, application.entityId);
    if (!isSupervisor(caller) && !actsFor(caller, entity)) {
      throw forbidden(`only ${entity.id}'s users and supervisors may read the application of lot ${id}`);
    }
    return JSON.stringify(application);
  }
}
