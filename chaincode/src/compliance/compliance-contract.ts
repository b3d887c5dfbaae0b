import { Context, Info, Returns, Transaction } from 'fabric-contract-api';
import { CarbonContract } from '../contracts/carbon-contract';
import { addQuantities, Compliance, failedPrecondition, parseArgs, parseRequest } from '@carbon-ets/contract';
import { authorizeTransaction, requireActsFor } from '../identity/access';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireOpenPeriod, requirePeriod } from '../period/period-reads';
import { NationalAccount } from '../registry/account';
import type { Installation } from '../registry/entity';
import { requireAccount, requireEntity, requireInstallation } from '../registry/registry-reads';
import { LotLedger } from '../units/lot-ledger';
import { requireOpen } from '../units/transfer';
import {
  complianceStatus,
  loadComplianceRecord,
  type ComplianceCode,
  type ComplianceRecord,
} from './compliance-record';

/**
 * The compliance cycle's end: surrender of allowances and offsets against verified emissions, compliance
 * status, and the closing of a period with shortfall, penalty and carry-over.
 */
@Info({ title: 'Compliance', description: 'Surrender, compliance status and period closing' })
export class ComplianceContract extends CarbonContract {
  constructor() {
    super('Compliance');
  }

  /**
   * Surrenders units from an installation's holding account for a period. Allowances must be of a vintage up to
   * the period; offsets need accepted verified emissions and stay within the period's offset share of them.
   * Surrendered units go to the national deletion account and never move again.
   * Request: `{ period, installationId, unitType: 'allowance'|'offset', quantity, lotIds? }`.
   * Caller: the operator of the entity owning the installation.
   */
  @Transaction()
  @Returns('string')
  public async Surrender(ctx: Context, request: string): Promise<string> {
    const caller = authorizeTransaction(ctx, Compliance.surrender);
    const {
      period: year,
      installationId,
      unitType,
      quantity,
      lotIds,
    } = parseRequest(Compliance.surrender, request);
    const store = new Store(ctx);
    const period = await requireOpenPeriod(store, year);
    const installation = await requireInstallation(store, installationId);
    requireActsFor(caller, await requireEntity(store, installation.entityId), 'Surrender');
    if (installation.holdingAccountId === undefined) {
      throw failedPrecondition(`installation ${installationId} has no holding account`);
    }
    const holding = await requireAccount(store, installation.holdingAccountId);
    requireOpen(holding, 'source');
    const deletion = await requireAccount(store, NationalAccount.deletion);
    const record = await loadComplianceRecord(store, year, installationId);
    if (unitType === 'offset') {
      if (record.verifiedEmissions === undefined) {
        throw failedPrecondition(
          `offsets count only against accepted verified emissions; ${installationId} has none for ${year}`,
        );
      }
      // Offset limit: floor(verified emissions × share), so the share is never exceeded by rounding; in bigint,
      // since the product of two safe integers need not be one.
      const limit = Number(
        (BigInt(record.verifiedEmissions) * BigInt(period.offsetLimitBasisPoints)) / 10_000n,
      );
      const after = addQuantities(record.surrenderedOffsets, quantity);
      if (after > limit) {
        throw failedPrecondition(
          `offsets are limited to ${limit} t for ${installationId} in ${year} (${period.offsetLimitBasisPoints} bp of ${record.verifiedEmissions} t); ${record.surrenderedOffsets} t already surrendered`,
        );
      }
    }
    const late = txTime(ctx) > period.deadlines.surrenderBy;
    const movement = await new LotLedger(ctx, store).move(
      holding,
      deletion,
      {
        quantity,
        ...(lotIds === undefined ? {} : { lotIds }),
        filter: { unitType, maxVintage: year },
      },
      { status: 'surrendered', origin: 'surrender', surrender: { period: year, installationId, late } },
    );
    const updated: ComplianceRecord =
      unitType === 'allowance'
        ? { ...record, surrenderedAllowances: addQuantities(record.surrenderedAllowances, quantity) }
        : { ...record, surrenderedOffsets: addQuantities(record.surrenderedOffsets, quantity) };
    await store.put(ObjectType.compliance, [year, installationId], updated);
    const status = complianceStatus(updated);
    emitEvent(ctx, 'UnitsSurrendered', {
      period: year,
      installationId,
      unitType,
      quantity,
      late,
      spentLotIds: movement.spentLotIds,
      surrenderedLots: movement.moved.map((lot) => lot.id),
      status,
    });
    return JSON.stringify({ status, lots: movement.moved });
  }

  /**
   * Compliance status of an installation for a period: balance = surrendered − (verified emissions + carried
   * shortfall) and code A (covered), B (short) or C (no verified emissions), plus the final outcome once the
   * period is closed. A period that does not exist is NOT_FOUND (a code C there would suggest a period with
   * nothing verified yet). Caller: anyone with a carbon role.
   */
  @Transaction(false)
  @Returns('string')
  public async GetComplianceStatus(ctx: Context, period: string, installationId: string): Promise<string> {
    authorizeTransaction(ctx, Compliance.getComplianceStatus);
    const [year, id] = parseArgs(
      Compliance.getComplianceStatus,
      ['period', 'installationId'],
      [period, installationId],
    );
    const store = new Store(ctx);
    await requirePeriod(store, year);
    await requireInstallation(store, id);
    const record = await loadComplianceRecord(store, year, id);
    return JSON.stringify({ ...complianceStatus(record), final: record.final ?? null });
  }

  /**
   * Closes a period after its surrender deadline: for every installation, records the final code, the
   * shortfall and the penalty (shortfall × penalty per tonne), and carries the shortfall into the next
   * period's obligation. Nothing can be reported, verified, accepted, allocated or surrendered for a closed
   * period. Request: `{ period }`. Caller: RegulatorMSP / regulator.
   */
  @Transaction()
  @Returns('string')
  public async ClosePeriod(ctx: Context, request: string): Promise<string> {
    authorizeTransaction(ctx, Compliance.closePeriod);
    const { period: year } = parseRequest(Compliance.closePeriod, request);
    const store = new Store(ctx);
    const period = await requirePeriod(store, year);
    if (period.status === 'closed') {
      throw failedPrecondition(`compliance period ${year} is already closed`);
    }
    const now = txTime(ctx);
    if (now <= period.deadlines.surrenderBy) {
      throw failedPrecondition(
        `compliance period ${year} can be closed only after ${period.deadlines.surrenderBy}`,
      );
    }
    const outcomes: { installationId: string; code: ComplianceCode; shortfall: number; penalty: string }[] =
      [];
    let totalShortfall = 0;
    // A regulator-only range read over installations, once a year.
    for (const { value: installation } of await store.list<Installation>(ObjectType.installation, [])) {
      const record = await loadComplianceRecord(store, year, installation.id);
      const status = complianceStatus(record);
      const shortfall = Math.max(0, -status.balance);
      const penalty = (BigInt(shortfall) * BigInt(period.penaltyPerTonne)).toString();
      const final = { code: status.code, shortfall, penalty, currency: period.currency, closedAt: now };
      await store.put(ObjectType.compliance, [year, installation.id], {
        ...record,
        final,
      } satisfies ComplianceRecord);
      if (shortfall > 0) {
        const next = await loadComplianceRecord(store, year + 1, installation.id);
        await store.put(ObjectType.compliance, [year + 1, installation.id], {
          ...next,
          carriedShortfall: addQuantities(next.carriedShortfall, shortfall),
        } satisfies ComplianceRecord);
      }
      totalShortfall = addQuantities(totalShortfall, shortfall);
      outcomes.push({ installationId: installation.id, code: status.code, shortfall, penalty });
    }
    await store.put(ObjectType.period, [year], { ...period, status: 'closed', closedAt: now });
    emitEvent(ctx, 'PeriodClosed', { period: year, totalShortfall, outcomes });
    return JSON.stringify({ period: year, totalShortfall, outcomes });
  }
}
