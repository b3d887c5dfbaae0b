import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import { conflict, failedPrecondition, forbidden, invalidArgument } from '../errors';
import { Anyone, Operator, Regulator, Trader, actsFor, authorize } from '../identity/access';
import { emitEvent } from '../ledger/events';
import { InputReader, parseId } from '../ledger/input';
import { ObjectType } from '../ledger/keys';
import { addQuantities } from '../ledger/quantity';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { NationalAccount } from '../registry/account';
import { requireAccount, requireEntity } from '../registry/registry-reads';
import { LotLedger } from '../units/lot-ledger';
import { requireOpen, transferUnits } from '../units/transfer';
import { monitoringPeriodKey, type OffsetIssuance, type OffsetProject } from './offset-project';

/**
 * Offset credits: projects, issuance (once per project, vintage and monitoring period), transfers and
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
    authorize(ctx, 'RegisterProject', [Regulator]);
    const input = InputReader.fromJson(request, 'project');
    const project: OffsetProject = {
      id: input.id('id'),
      name: input.text('name'),
      methodology: input.text('methodology'),
      ownerEntityId: input.id('ownerEntityId'),
      registeredAt: txTime(ctx),
    };
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
   * Never twice for the same project, vintage and monitoring period; serial blocks of a project never overlap.
   * Request: `{ projectId, vintage, monitoringPeriod: { from, to }, serialStart, quantity, toAccount }`.
   * Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async IssueOffsets(ctx: Context, request: string): Promise<string> {
    authorize(ctx, 'IssueOffsets', [Regulator]);
    const input = InputReader.fromJson(request, 'offsetIssuance');
    const projectId = input.id('projectId');
    const vintage = input.year('vintage');
    const monitoring = input.nested('monitoringPeriod');
    const from = monitoring.isoTime('from');
    const to = monitoring.isoTime('to');
    if (from > to) {
      throw invalidArgument('offsetIssuance.monitoringPeriod.from must not be after .to');
    }
    const serialStart = input.quantity('serialStart');
    const quantity = input.quantity('quantity');
    const serialEnd = addQuantities(serialStart, quantity - 1);
    const store = new Store(ctx);
    const project = await store.require<OffsetProject>(
      ObjectType.offsetProject,
      [projectId],
      `offset project ${projectId}`,
    );
    const account = await requireAccount(store, input.id('toAccount'));
    if (account.entityId !== project.ownerEntityId) {
      throw invalidArgument(
        `account ${account.id} does not belong to project owner ${project.ownerEntityId}`,
      );
    }
    requireOpen(account, 'destination');
    const periodKey = monitoringPeriodKey(from, to);
    if (await store.exists(ObjectType.offsetIssuance, [projectId, vintage, periodKey])) {
      throw conflict(
        `credits of project ${projectId}, vintage ${vintage}, period ${periodKey} were already issued`,
      );
    }
    // A regulator-only range read: concurrent issuances for one project should conflict anyway.
    for (const { value: other } of await store.list<OffsetIssuance>(ObjectType.offsetIssuance, [projectId])) {
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
      monitoringPeriod: { from, to },
      serialStart,
      serialEnd,
      quantity,
      accountId: account.id,
      lotId: lot.id,
      issuedAt: txTime(ctx),
      txId: ctx.stub.getTxID(),
    };
    await store.put(ObjectType.offsetIssuance, [projectId, vintage, periodKey], issuance);
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
    return JSON.stringify(await transferUnits(ctx, request, 'offset', 'TransferOffsets'));
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
    const caller = authorize(ctx, 'RetireOffsets', [Operator, Trader]);
    const input = InputReader.fromJson(request, 'retirement');
    const accountId = input.id('accountId');
    const quantity = input.quantity('quantity');
    const beneficiary = input.text('beneficiary');
    const reason = input.optionalText('reason', 1000);
    const lotIds = input.has('lotIds') ? input.ids('lotIds') : undefined;
    const projectId = input.optionalId('projectId');
    const vintage = input.has('vintage') ? input.year('vintage') : undefined;
    const store = new Store(ctx);
    const account = await requireAccount(store, accountId);
    const owner = account.entityId === undefined ? undefined : await requireEntity(store, account.entityId);
    if (owner === undefined || !actsFor(caller, owner)) {
      throw forbidden(
        `RetireOffsets: only users of the entity owning account ${accountId} may retire from it`,
      );
    }
    requireOpen(account, 'source');
    const deletion = await requireAccount(store, NationalAccount.deletion);
    const movement = await new LotLedger(ctx, store).move(
      account,
      deletion,
      {
        quantity,
        ...(lotIds === undefined ? {} : { lotIds }),
        filter: {
          unitType: 'offset',
          ...(projectId === undefined ? {} : { projectId }),
          ...(vintage === undefined ? {} : { vintage }),
        },
      },
      {
        status: 'retired',
        origin: 'retirement',
        retirement: { beneficiary, ...(reason === undefined ? {} : { reason }) },
      },
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
    authorize(ctx, 'GetProject', Anyone);
    const id = parseId(projectId, 'projectId');
    return JSON.stringify(
      await new Store(ctx).require<OffsetProject>(ObjectType.offsetProject, [id], `offset project ${id}`),
    );
  }
}
