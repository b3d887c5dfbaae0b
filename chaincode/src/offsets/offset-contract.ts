import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import {
  addQuantities,
  conflict,
  failedPrecondition,
  invalidArgument,
  Offset,
  parseArgs,
  parseRequest,
} from '@carbon-ets/contract';
import { authorizeTransaction } from '../identity/access';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { LotLedger } from '../units/lot-ledger';
import { moveUnits, requireOpen } from '../units/transfer';
import { retireUnits } from '../units/retirement';
import { formatMonitoringPeriod, monitoringPeriodsOverlap, vintageOf } from './monitoring-period';
import { monitoringPeriodKey, type OffsetIssuance, type OffsetProject } from './offset-project';

/**
 * Offset credits: projects, issuance (never twice for any day of a project's monitoring), transfers and
 * terminal retirement.
 */
@Info({ title: 'Offset', description: 'Offset projects, credit issuance, transfer and retirement' })
export class OffsetContract extends CarbonContract {
  constructor() {
    super('Offset');
  }

  /**
   * Registers an offset project. Request: `{ id, name, methodology, ownerEntityId }`.
   * Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async RegisterProject(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Offset.registerProject);
    const { id, name, methodology, ownerEntityId } = parseRequest(Offset.registerProject, request);
    const project: OffsetProject = { id, name, methodology, ownerEntityId, registeredAt: txTime(ctx) };
    const store = new Store(ctx);
    const owner = await requireEntity(store, project.ownerEntityId);
    if (owner.kind === 'verifier') {
      throw failedPrecondition(`verifier ${owner.id} cannot own an offset project`);
    }
    if (await store.exists(ObjectType.offsetProject, [project.id])) {
      throw conflict(`offset project ${project.id} is already registered`);
    }
    await store.put(ObjectType.offsetProject, [project.id], project);
    emitEvent(ctx, 'OffsetProjectRegistered', { project });
    return JSON.stringify(project);
  }

  /**
   * Issues offset credits for a project's monitoring period into an open account of the project's owner.
   * Request: `{ projectId, vintage, monitoringPeriod: { from, to }, serialStart, quantity, toAccount }`.
   *
   * Offsets are never credited twice:
   * - the monitoring period is whole UTC days, both bounds inclusive (`YYYY-MM-DD`), within one calendar year;
   * - the vintage is the calendar year in which the monitoring period ends; a request claiming another vintage
   *   is refused (INVALID_ARGUMENT naming the expected one), so the same days cannot be re-labelled;
   * - the monitoring period may share no day with any period already issued for the project, whatever vintage
   *   that issuance carries (CONFLICT naming it); periods that only touch (one ends 30 June, the next starts
   *   1 July) are fine;
   * - serial blocks of a project never overlap.
   *
   * Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async IssueOffsets(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Offset.issueOffsets);
    const { projectId, vintage, monitoringPeriod, serialStart, quantity, toAccount } = parseRequest(
      Offset.issueOffsets,
      request,
    );
    const expectedVintage = vintageOf(monitoringPeriod);
    if (vintage !== expectedVintage) {
      throw invalidArgument(
        `offsetIssuance.vintage must be ${expectedVintage}, the year monitoring period ${formatMonitoringPeriod(monitoringPeriod)} ends, not ${vintage}`,
      );
    }
    const serialEnd = addQuantities(serialStart, quantity - 1);
    const store = new Store(ctx);
    const project = await store.require<OffsetProject>(
      ObjectType.offsetProject,
      [projectId],
      `offset project ${projectId}`,
    );
    const account = await requireAccount(store, toAccount);
    if (account.entityId !== project.ownerEntityId) {
      throw invalidArgument(
        `account ${account.id} does not belong to project owner ${project.ownerEntityId}`,
      );
    }
    requireOpen(account, 'destination');
    // A range read over this project's issuances only (all vintages): Fabric re-checks it at commit, so two
    // issuances of the same project in one block cannot both pass this check (one fails with a phantom read),
    // while issuances of other projects never touch the range. Issuance per project is rare and serial.
    const issued = await store.list<OffsetIssuance>(ObjectType.offsetIssuance, [projectId]);
    // Credited days first: that refusal names the issuance a repeated request most likely repeats.
    for (const { value: other } of issued) {
      if (monitoringPeriodsOverlap(monitoringPeriod, other.monitoringPeriod)) {
        throw conflict(
          `monitoring period ${formatMonitoringPeriod(monitoringPeriod)} of project ${projectId} overlaps ${formatMonitoringPeriod(other.monitoringPeriod)}, already issued as vintage ${other.vintage} (serials ${other.serialStart}-${other.serialEnd}, tx ${other.txId})`,
        );
      }
    }
    for (const { value: other } of issued) {
      if (serialStart <= other.serialEnd && other.serialStart <= serialEnd) {
        throw conflict(
          `serials ${serialStart}-${serialEnd} overlap issuance ${other.serialStart}-${other.serialEnd} of project ${projectId}`,
        );
      }
    }
    const lot = await new LotLedger(ctx, store).create(account, {
      unitType: 'offset',
      vintage,
      projectId,
      serialStart,
      serialEnd,
      status: 'held',
      origin: 'issuance',
    });
    const issuance: OffsetIssuance = {
      projectId,
      vintage,
      monitoringPeriod,
      serialStart,
      serialEnd,
      quantity,
      accountId: account.id,
      lotId: lot.id,
      issuedAt: txTime(ctx),
      txId: ctx.stub.getTxID(),
    };
    await store.put(
      ObjectType.offsetIssuance,
      [projectId, vintage, monitoringPeriodKey(monitoringPeriod.from, monitoringPeriod.to)],
      issuance,
    );
    emitEvent(ctx, 'OffsetsIssued', { issuance });
    return JSON.stringify(issuance);
  }

  /**
   * Transfers offset credits between open accounts (see Allowance:Transfer).
   * Request: `{ fromAccount, toAccount, quantity, lotIds?, vintage?, projectId? }`.
   * Caller: the operator or trader of the entity owning `fromAccount`.
   */
  @Transaction()
  @Returns('string')
  public async TransferOffsets(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Offset.transferOffsets);
    const transfer = parseRequest(Offset.transferOffsets, request);
    return JSON.stringify(await moveUnits(ctx, caller, transfer, 'offset', 'TransferOffsets'));
  }

  /**
   * Retires (voluntarily cancels) offset credits for a beneficiary. Terminal: the credits go to the deletion
   * account as `retired` and never move again.
   * Request: `{ accountId, quantity, beneficiary, reason?, lotIds?, projectId?, vintage? }`.
   * Caller: the operator or trader of the entity owning the account.
   */
  @Transaction()
  @Returns('string')
  public async RetireOffsets(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Offset.retireOffsets);
    const { projectId, vintage, ...retirement } = parseRequest(Offset.retireOffsets, request);
    const { accountId, quantity, beneficiary } = retirement;
    const { movement } = await retireUnits(
      ctx,
      caller,
      retirement,
      {
        unitType: 'offset',
        ...(projectId === undefined ? {} : { projectId }),
        ...(vintage === undefined ? {} : { vintage }),
      },
      { transaction: 'RetireOffsets', verb: 'retire', nameEntity: false },
    );
    emitEvent(ctx, 'OffsetsRetired', {
      accountId,
      quantity,
      beneficiary,
      spentLotIds: movement.spentLotIds,
      retiredLots: movement.moved.map((lot) => lot.id),
    });
    return JSON.stringify({ accountId, quantity, beneficiary, lots: movement.moved });
  }

  /** An offset project. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetProject(ctx: Context, projectId: string): Promise<string> {
    authorizeTransaction(ctx, Offset.getProject);
    const [id] = parseArgs(Offset.getProject, ['projectId'], [projectId]);
    return JSON.stringify(
      await new Store(ctx).require<OffsetProject>(ObjectType.offsetProject, [id], `offset project ${id}`),
    );
  }
}
