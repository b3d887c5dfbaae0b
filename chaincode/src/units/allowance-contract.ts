import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import {
  addQuantities,
  Allowance,
  conflict,
  failedPrecondition,
  notFound,
  parseArgs,
  parseRequest,
  type AllocationPlanLine,
} from '@carbon-ets/contract';
import { loadAllocation, loadComplianceRecord } from '../compliance/compliance-record';
import { authorizeTransaction, requireActsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireOpenPeriod } from '../period/period-reads';
import { NationalAccount } from '../registry/account';
import { requireReadable } from '../query/ownership';
import type { Account } from '../registry/account';
import { requireAccount, requireEntity, requireInstallation } from '../registry/registry-reads';
import { finalAllocationOf, planLineFixed, planLineOf, requireDistinctLines } from './allocation-plan';
import type { AllocationRecord, IssuanceHead } from './issuance';
import type { Lot } from './lot';
import { consolidateLots } from './consolidation';
import { LotLedger } from './lot-ledger';
import { moveUnits, requireOpen } from './transfer';

/** Who did something, as recorded on the ledger: `MSP:id` from the certificate. */
function actor(ctx: Context, caller: Caller): string {
  return `${caller.mspId}:${ctx.clientIdentity.getID()}`;
}

/** An installation's plan line for a period, if the regulator has set one. */
async function loadPlanLine(
  store: Store,
  year: number,
  installationId: string,
): Promise<AllocationPlanLine | undefined> {
  return store.get<AllocationPlanLine>(ObjectType.allocationPlan, [year, installationId]);
}

/** Free allocation cites a plan line: none, no allocation (NOT_FOUND). */
async function requirePlanLine(
  store: Store,
  year: number,
  installationId: string,
): Promise<AllocationPlanLine> {
  await requireInstallation(store, installationId);
  const line = await loadPlanLine(store, year, installationId);
  if (line === undefined) {
    throw notFound(
      `installation ${installationId} has no ${year} allocation plan line; set one with Allowance:SetAllocationPlan`,
    );
  }
  return line;
}

/** The installation's holding account and NATIONAL-ALLOCATION, both open. */
async function allocationAccounts(
  store: Store,
  installationId: string,
): Promise<{ holding: Account; national: Account }> {
  const installation = await requireInstallation(store, installationId);
  if (installation.holdingAccountId === undefined) {
    throw failedPrecondition(`installation ${installationId} has no holding account yet`);
  }
  const national = await requireAccount(store, NationalAccount.allocation);
  const holding = await requireAccount(store, installation.holdingAccountId);
  requireOpen(national, 'source');
  requireOpen(holding, 'destination');
  return { holding, national };
}

/**
 * Allowances as serial-numbered lots: issuance under the cap, free allocation and transfers.
 */
@Info({
  title: 'Allowance',
  description: 'Allowance issuance, allocation plans, pre-allocation, true-up, returns and transfers',
})
export class AllowanceContract extends CarbonContract {
  constructor() {
    super('Allowance');
  }

  /**
   * Issues new allowances of a period's vintage into the national allocation account, never beyond the
   * period's cap. Serials continue from the last issuance of the vintage.
   * Request: `{ period, quantity }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async IssueAllowances(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Allowance.issueAllowances);
    const { period: year, quantity } = parseRequest(Allowance.issueAllowances, request);
    const store = new Store(ctx);
    const period = await requireOpenPeriod(store, year);
    const head = (await store.get<IssuanceHead>(ObjectType.issuance, ['allowance', year])) ?? {
      vintage: year,
      issued: 0,
    };
    const issued = addQuantities(head.issued, quantity);
    if (issued > period.cap) {
      throw failedPrecondition(
        `issuing ${quantity} would exceed the ${year} cap of ${period.cap} (already issued ${head.issued})`,
      );
    }
    const account = await requireAccount(store, NationalAccount.allocation);
    requireOpen(account, 'destination');
    const lot = await new LotLedger(ctx, store).create(account, {
      unitType: 'allowance',
      vintage: year,
      serialStart: head.issued + 1,
      serialEnd: issued,
      status: 'held',
      origin: 'issuance',
    });
    await store.put(ObjectType.issuance, ['allowance', year], {
      vintage: year,
      issued,
    } satisfies IssuanceHead);
    emitEvent(ctx, 'AllowancesIssued', { period: year, quantity, lotId: lot.id, totalIssued: issued });
    return JSON.stringify(lot);
  }

  /**
   * Sets lines of a period's allocation plan, one per installation (`allocationPlan ~ period ~ installationId`):
   * the method (a fixed quantity, or a benchmark of the period × correction factors, the output coming with
   * the true-up), the pre-allocation (a share in basis points of a base figure in tonnes, e.g. the previous
   * year's allocation) and the ceiling. A line may be replaced (its version goes up) until the installation's
   * allocation for the period has started; after that it is fixed (FAILED_PRECONDITION), since what was paid
   * followed it. All lines or none: one refused line refuses the request.
   * Request: `{ period, lines: [{ installationId, method, quantity?, benchmarkId?, correctionFactors?,
   * preAllocationBase?, preAllocationShareBasisPoints?, ceiling }] }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async SetAllocationPlan(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Allowance.setAllocationPlan);
    const { period: year, lines } = parseRequest(Allowance.setAllocationPlan, request);
    requireDistinctLines(lines);
    const store = new Store(ctx);
    const period = await requireOpenPeriod(store, year);
    const stamp = { setBy: actor(ctx, caller), setAt: txTime(ctx), txId: ctx.stub.getTxID() };
    const planned: AllocationPlanLine[] = [];
    // Everything is read and checked first: a refusal writes nothing.
    for (const [index, line] of lines.entries()) {
      const previous = await loadPlanLine(store, year, line.installationId);
      planned.push(planLineOf(period, line, index, { ...stamp, previousVersion: previous?.version ?? 0 }));
      await requireInstallation(store, line.installationId);
      const allocation = await loadAllocation(store, year, line.installationId);
      if (allocation !== undefined) throw planLineFixed(line.installationId, year, allocation.quantity);
    }
    for (const line of planned) {
      await store.put(ObjectType.allocationPlan, [year, line.installationId], line);
    }
    emitEvent(ctx, 'AllocationPlanSet', { period: year, lines: planned });
    return JSON.stringify({ lines: planned });
  }

  /**
   * Pays an installation's pre-allocation from NATIONAL-ALLOCATION to its holding account, allowances of the
   * period's vintage: floor(base × share / 10000) of its plan line, at most the ceiling (checked when the line
   * was set). Once, and only before the true-up. Request: `{ period, installationId }`.
   * Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async PreAllocate(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Allowance.preAllocate);
    const { period: year, installationId } = parseRequest(Allowance.preAllocate, request);
    const store = new Store(ctx);
    await requireOpenPeriod(store, year);
    const line = await requirePlanLine(store, year, installationId);
    const earlier = await loadAllocation(store, year, installationId);
    if (earlier !== undefined) {
      const first = earlier.parts?.[0];
      throw conflict(
        `installation ${installationId}'s ${year} allocation has started: ${first?.part ?? 'allocation'} of ${first?.quantity ?? earlier.quantity} allowances in tx ${first?.txId ?? earlier.txId}; a pre-allocation is paid once, before the true-up`,
      );
    }
    if (line.preAllocation === 0) {
      throw failedPrecondition(
        `the ${year} plan line of ${installationId} has no pre-allocation (${line.preAllocationShareBasisPoints} bp of ${line.preAllocationBase} t); its allocation comes with the true-up`,
      );
    }
    const { holding, national } = await allocationAccounts(store, installationId);
    const movement = await new LotLedger(ctx, store).move(
      national,
      holding,
      { quantity: line.preAllocation, filter: { unitType: 'allowance', vintage: year } },
      { status: 'held', origin: 'allocation' },
    );
    const at = txTime(ctx);
    const txId = ctx.stub.getTxID();
    const record: AllocationRecord = {
      period: year,
      installationId,
      accountId: holding.id,
      quantity: line.preAllocation,
      planVersion: line.version,
      parts: [{ part: 'pre-allocation', planVersion: line.version, quantity: line.preAllocation, txId, at }],
      returnDue: 0,
      returned: 0,
      txId,
      allocatedAt: at,
    };
    await store.put(ObjectType.allocation, [year, installationId], record);
    emitEvent(ctx, 'AllowancesAllocated', {
      allocation: record,
      part: 'pre-allocation',
      quantity: line.preAllocation,
      newLots: movement.moved.map((lot) => lot.id),
    });
    return JSON.stringify({ allocation: record, lots: movement.moved });
  }

  /**
   * The true-up, once the installation's emissions for the period are accepted (or estimated): the final
   * allocation is the plan line's method on the verified output (benchmark lines: output × benchmark ×
   * factors, rounded down; fixed lines: the quantity), at most the ceiling. Its difference to what was
   * allocated before: positive → allocated now from NATIONAL-ALLOCATION; negative → a return obligation
   * (`returnDue`), settled by `ReturnAllocation` by the surrender deadline, else added to the shortfall at
   * closing. Once per installation and period; without a pre-allocation the whole final allocation is paid.
   * Request: `{ period, installationId, verifiedOutput? }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async TrueUp(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Allowance.trueUp);
    const { period: year, installationId, verifiedOutput } = parseRequest(Allowance.trueUp, request);
    const store = new Store(ctx);
    await requireOpenPeriod(store, year);
    const line = await requirePlanLine(store, year, installationId);
    const earlier = await loadAllocation(store, year, installationId);
    const done = earlier?.parts?.find((part) => part.part === 'true-up');
    if (done !== undefined) {
      throw conflict(
        `installation ${installationId}'s ${year} allocation was trued up to ${done.finalQuantity ?? 0} allowances in tx ${done.txId}`,
      );
    }
    const compliance = await loadComplianceRecord(store, year, installationId);
    if (compliance.verifiedEmissions === undefined) {
      throw failedPrecondition(
        `the true-up follows the verified output: ${installationId} has no accepted (or estimated) emissions for ${year} yet`,
      );
    }
    const finalQuantity = finalAllocationOf(line, verifiedOutput);
    const before = earlier?.quantity ?? 0;
    const paid = Math.max(0, finalQuantity - before);
    const returnOwed = Math.max(0, before - finalQuantity);
    const { holding, national } = await allocationAccounts(store, installationId);
    const movement =
      paid === 0
        ? undefined
        : await new LotLedger(ctx, store).move(
            national,
            holding,
            { quantity: paid, filter: { unitType: 'allowance', vintage: year } },
            { status: 'held', origin: 'allocation' },
          );
    const at = txTime(ctx);
    const txId = ctx.stub.getTxID();
    const record: AllocationRecord = {
      period: year,
      installationId,
      accountId: holding.id,
      quantity: addQuantities(before, paid),
      planVersion: line.version,
      parts: [
        ...(earlier?.parts ?? []),
        {
          part: 'true-up',
          planVersion: line.version,
          quantity: paid,
          finalQuantity,
          ...(verifiedOutput === undefined ? {} : { verifiedOutput }),
          returnOwed,
          txId,
          at,
        },
      ],
      finalQuantity,
      returnDue: returnOwed,
      returned: earlier?.returned ?? 0,
      txId,
      allocatedAt: at,
    };
    await store.put(ObjectType.allocation, [year, installationId], record);
    const lots = movement?.moved ?? [];
    emitEvent(ctx, 'AllowancesAllocated', {
      allocation: record,
      part: 'true-up',
      quantity: paid,
      newLots: lots.map((lot) => lot.id),
    });
    return JSON.stringify({ allocation: record, lots });
  }

  /**
   * Returns over-allocated allowances after a negative true-up: units of the period's vintage move from the
   * installation's holding account back to NATIONAL-ALLOCATION (held there, so the supply still counts them),
   * at most the return still due, by the period's surrender deadline. Request: `{ period, installationId,
   * quantity, lotIds? }`. Caller: the operator of the entity owning the installation.
   */
  @Transaction()
  @Returns('string')
  public async ReturnAllocation(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Allowance.returnAllocation);
    const input = parseRequest(Allowance.returnAllocation, request);
    const { period: year, installationId, quantity } = input;
    const store = new Store(ctx);
    const period = await requireOpenPeriod(store, year);
    const installation = await requireInstallation(store, installationId);
    requireActsFor(caller, await requireEntity(store, installation.entityId), 'ReturnAllocation');
    const record = await loadAllocation(store, year, installationId);
    const due = record?.returnDue ?? 0;
    const returned = record?.returned ?? 0;
    if (record === undefined || due === 0) {
      throw failedPrecondition(
        `${installationId} owes no return of its ${year} allocation${record === undefined ? '' : ` (returned ${returned})`}`,
      );
    }
    if (quantity > due) {
      throw failedPrecondition(
        `${installationId} owes ${due} allowances of its ${year} allocation, not ${quantity}`,
      );
    }
    if (txTime(ctx) > period.deadlines.surrenderBy) {
      throw failedPrecondition(
        `returns of the ${year} allocation were due by ${period.deadlines.surrenderBy}; the ${due} still due will be added to the shortfall at closing`,
      );
    }
    const { holding, national } = await allocationAccounts(store, installationId);
    const movement = await new LotLedger(ctx, store).move(
      holding,
      national,
      {
        quantity,
        ...(input.lotIds === undefined ? {} : { lotIds: input.lotIds }),
        filter: { unitType: 'allowance', vintage: year },
      },
      { status: 'held', origin: 'transfer' },
    );
    const updated: AllocationRecord = {
      ...record,
      quantity: record.quantity - quantity,
      returnDue: due - quantity,
      returned: addQuantities(returned, quantity),
      txId: ctx.stub.getTxID(),
    };
    await store.put(ObjectType.allocation, [year, installationId], updated);
    emitEvent(ctx, 'AllocationReturned', {
      allocation: updated,
      quantity,
      spentLotIds: movement.spentLotIds,
      returnedLots: movement.moved.map((lot) => lot.id),
    });
    return JSON.stringify({ allocation: updated, lots: movement.moved });
  }

  /**
   * An installation's plan line and free allocation for a period (either null when there is none).
   * Caller: supervisors, or users of the entity owning the installation.
   */
  @Transaction(false)
  @Returns('string')
  public async GetAllocation(ctx: Context, period: string, installationId: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Allowance.getAllocation);
    const [year, id] = parseArgs(
      Allowance.getAllocation,
      ['period', 'installationId'],
      [period, installationId],
    );
    const store = new Store(ctx);
    await requireReadable(store, caller, ObjectType.allocation, [String(year), id]);
    return JSON.stringify({
      plan: (await loadPlanLine(store, year, id)) ?? null,
      allocation: (await loadAllocation(store, year, id)) ?? null,
    });
  }

  /**
   * Transfers allowances between open accounts. Lots are split as needed; give `lotIds` to spend named lots
   * (no range read, no conflict with concurrent transfers of other lots) or let the oldest vintages go first.
   * Request: `{ fromAccount, toAccount, quantity, lotIds?, vintage? }`.
   * Caller: the operator or trader of the entity owning `fromAccount` (its own MSP), or the regulator for
   * national accounts.
   */
  @Transaction()
  @Returns('string')
  public async Transfer(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Allowance.transfer);
    const transfer = parseRequest(Allowance.transfer, request);
    return JSON.stringify(await moveUnits(ctx, caller, transfer, 'allowance', 'Transfer'));
  }

  /**
   * Merges an account's available lots of one unit type, vintage and project into one lot carrying all their
   * serials (`serialRanges` when they are not contiguous), so that an account receiving many small deliveries
   * does not hold ever more lots: after it, at most one available lot per kind (more only beyond 256 separate
   * serial ranges). At most 100 lots a transaction; repeat while `leftOver` > 0. Give `lotIds` to merge named
   * lots without reading the account's lot range (no conflict with units arriving meanwhile). Locked lots are
   * left alone. Request: `{ accountId, lotIds? }`. Caller: the holder — users of the owning entity (its
   * proposer and approver representatives, if it has any), or the regulator for national accounts.
   */
  @Transaction()
  @Returns('string')
  public async ConsolidateLots(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Allowance.consolidateLots);
    const input = parseRequest(Allowance.consolidateLots, request);
    const result = await consolidateLots(ctx, new Store(ctx), caller, input);
    emitEvent(ctx, 'LotsConsolidated', {
      accountId: result.accountId,
      lots: result.consolidated.map(({ lot, mergedLotIds }) => ({
        lotId: lot.id,
        quantity: lot.quantity,
        mergedLotIds,
      })),
      leftOver: result.leftOver,
    });
    return JSON.stringify(result);
  }

  /** One lot of an account. Caller: anyone with a carbon role. */
  @Transaction(false)
  @Returns('string')
  public async GetLot(ctx: Context, accountId: string, lotId: string): Promise<string> {
    authorizeTransaction(ctx, Allowance.getLot);
    const [account, id] = parseArgs(Allowance.getLot, ['accountId', 'lotId'], [accountId, lotId]);
    const lot = await new Store(ctx).require<Lot>(
      ObjectType.lot,
      [account, id],
      `lot ${lotId} in account ${accountId}`,
    );
    return JSON.stringify(lot);
  }
}
