import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import {
  addQuantities,
  Allowance,
  conflict,
  failedPrecondition,
  invalidArgument,
  notFound,
  parseDecimal,
  parsePositiveDecimal,
  parseArgs,
  parseRequest,
} from '@carbon-ets/contract';
import { authorizeTransaction } from '../identity/access';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireOpenPeriod } from '../period/period-reads';
import { NationalAccount } from '../registry/account';
import { requireAccount, requireInstallation } from '../registry/registry-reads';
import { benchmarkAllocation } from './benchmark-allocation';
import type { AllocationRecord, IssuanceHead } from './issuance';
import type { Lot } from './lot';
import { LotLedger } from './lot-ledger';
import { moveUnits, requireOpen } from './transfer';

/**
 * Allowances as serial-numbered lots: issuance under the cap, free allocation and transfers.
 */
@Info({ title: 'Allowance', description: 'Allowance issuance, free allocation and transfers' })
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
   * Free allocation from the national allocation account to an installation's holding account, of the
   * period's vintage: either an explicit `quantity`, or `output × benchmark × correction factors` rounded down
   * to whole allowances. Request: `{ period, installationId, quantity }` or `{ period, installationId,
   * benchmarkId, output, correctionFactors?: string[] }`. Caller: RegulatorMSP / regulator.
   *
   * One free allocation per installation and period: a second one is refused (CONFLICT naming the first), since
   * adjustments belong to allocation plans, not to a repeated call. The record's key `allocation ~ period ~
   * installationId` is read and written here, so two concurrent allocations to the same installation for the
   * same period cannot both commit (one fails with an MVCC read conflict).
   */
  @Transaction()
  @Returns('string')
  public async AllocateFree(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Allowance.allocateFree);
    const input = parseRequest(Allowance.allocateFree, request);
    const { period: year, installationId } = input;
    const store = new Store(ctx);
    const period = await requireOpenPeriod(store, year);
    let quantity: number;
    let benchmark: AllocationRecord['benchmark'];
    if ((input.quantity === undefined) === (input.benchmarkId === undefined)) {
      throw invalidArgument('allocation needs exactly one of quantity or benchmarkId (+ output)');
    }
    if (input.quantity !== undefined) {
      for (const benchmarkInput of ['output', 'correctionFactors'] as const) {
        if (input[benchmarkInput] !== undefined) {
          throw invalidArgument(
            `allocation.${benchmarkInput} does not apply to an explicit quantity (it is a benchmark input)`,
          );
        }
      }
      quantity = input.quantity;
    } else {
      const benchmarkId = input.benchmarkId ?? '';
      const definition = period.benchmarks[benchmarkId];
      if (definition === undefined) {
        throw notFound(`benchmark ${benchmarkId} is not defined for period ${year}`);
      }
      if (input.output === undefined) throw invalidArgument('allocation.output is required');
      const output = input.output;
      const correctionFactors = input.correctionFactors ?? [];
      quantity = benchmarkAllocation(
        parsePositiveDecimal(output, 'allocation.output'),
        parseDecimal(definition.value, 'benchmark'),
        correctionFactors.map((f, i) => parsePositiveDecimal(f, `allocation.correctionFactors[${i}]`)),
      );
      if (quantity === 0) {
        throw invalidArgument('the benchmark formula yields zero allowances');
      }
      benchmark = { id: benchmarkId, value: definition.value, output, correctionFactors };
    }
    const installation = await requireInstallation(store, installationId);
    if (installation.holdingAccountId === undefined) {
      throw failedPrecondition(`installation ${installationId} has no holding account yet`);
    }
    const earlier = await store.get<AllocationRecord>(ObjectType.allocation, [year, installationId]);
    if (earlier !== undefined) {
      throw conflict(
        `installation ${installationId} already received its ${year} free allocation: ${earlier.quantity} allowances in tx ${earlier.txId}`,
      );
    }
    const from = await requireAccount(store, NationalAccount.allocation);
    const to = await requireAccount(store, installation.holdingAccountId);
    requireOpen(from, 'source');
    requireOpen(to, 'destination');
    const movement = await new LotLedger(ctx, store).move(
      from,
      to,
      { quantity, filter: { unitType: 'allowance', vintage: year } },
      { status: 'held', origin: 'allocation' },
    );
    const record: AllocationRecord = {
      period: year,
      installationId,
      accountId: to.id,
      quantity,
      method: benchmark === undefined ? 'explicit' : 'benchmark',
      ...(benchmark === undefined ? {} : { benchmark }),
      txId: ctx.stub.getTxID(),
      allocatedAt: txTime(ctx),
    };
    await store.put(ObjectType.allocation, [year, installationId], record);
    emitEvent(ctx, 'AllowancesAllocated', {
      allocation: record,
      newLots: movement.moved.map((lot) => lot.id),
    });
    return JSON.stringify({ allocation: record, lots: movement.moved });
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
