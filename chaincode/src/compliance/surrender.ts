import type { Context } from 'fabric-contract-api';
import {
  addQuantities,
  failedPrecondition,
  invalidArgument,
  type Compliance,
  type CompliancePeriod,
  type ParsedRequestOf,
  type SurrenderResult,
} from '@carbon-ets/contract';
import { proposeApproval, type ApprovedSpend } from '../approval/approval-requests';
import { representationGate } from '../approval/representatives';
import { requireActsFor } from '../identity/access';
import type { Caller } from '../identity/caller';
import { emitEvent } from '../ledger/events';
import { ObjectType } from '../ledger/keys';
import { Store } from '../ledger/store';
import { txTime } from '../ledger/tx-time';
import { requireOpenPeriod } from '../period/period-reads';
import { NationalAccount } from '../registry/account';
import { requireAccount, requireEntity, requireInstallation } from '../registry/registry-reads';
import { LotLedger, type Spend } from '../units/lot-ledger';
import { requireOpen } from '../units/transfer';
import {
  complianceStatus,
  loadComplianceRecord,
  loadObligationCap,
  type ComplianceRecord,
  type ComplianceStatus,
} from './compliance-record';

/** A parsed `Compliance:Surrender` request. */
export type SurrenderRequest = ParsedRequestOf<typeof Compliance.surrender>;

/** floor(a × basis points / 10000), in bigint: the product of two safe integers need not be one. */
function shareOf(quantity: number, basisPoints: number): number {
  return Number((BigInt(Math.max(0, quantity)) * BigInt(basisPoints)) / 10_000n);
}

/**
 * Surrenders units from an installation's holding account for a period. Allowances must be of a vintage up to
 * the period; offsets need accepted verified emissions and stay within the period's offset share of them.
 * Surrendered units go to the national deletion account and never move again. The caller acts for the
 * installation's entity (checked here). Above the holding account's approval threshold the surrender becomes an
 * approval request (units locked, status unchanged, `pendingApproval` set); `approved` executes such a request
 * with its locked lots, every rule checked again, its event then being the approval's.
 */
export async function surrenderUnits(
  ctx: Context,
  caller: Caller,
  request: SurrenderRequest,
  approved?: ApprovedSpend,
): Promise<SurrenderResult> {
  const { period: year, installationId, unitType, quantity, lotIds, vintage } = request;
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
  const obligationCap = await loadObligationCap(store, period, installationId);
  const borrowing = vintage === year + 1;
  if (vintage !== undefined && vintage > year && !borrowing) {
    throw failedPrecondition(`units of vintage ${vintage} cannot cover ${year}`);
  }
  if (borrowing) {
    checkBorrowing(period, record, obligationCap, unitType, quantity);
  }
  if (unitType === 'offset') {
    if (record.verifiedEmissions === undefined) {
      throw failedPrecondition(
        `offsets count only against accepted verified emissions; ${installationId} has none for ${year}`,
      );
    }
    // Offset limit: floor(verified emissions × share), so the share is never exceeded by rounding.
    const limit = shareOf(record.verifiedEmissions, period.offsetLimitBasisPoints);
    const after = addQuantities(record.surrenderedOffsets, quantity);
    if (after > limit) {
      throw failedPrecondition(
        `offsets are limited to ${limit} t for ${installationId} in ${year} (${period.offsetLimitBasisPoints} bp of ${record.verifiedEmissions} t); ${record.surrenderedOffsets} t already surrendered`,
      );
    }
  }
  const surrendered = addQuantities(record.surrenderedAllowances, record.surrenderedOffsets);
  const updated: ComplianceRecord =
    unitType === 'allowance'
      ? {
          ...record,
          surrenderedAllowances: addQuantities(record.surrenderedAllowances, quantity),
          ...(borrowing
            ? { borrowedAllowances: addQuantities(record.borrowedAllowances ?? 0, quantity) }
            : {}),
        }
      : { ...record, surrenderedOffsets: addQuantities(record.surrenderedOffsets, quantity) };
  const status = complianceStatus(updated, obligationCap);
  const warning = overSurrender(period, record, status, surrendered, quantity);
  const spend: Spend = {
    quantity,
    ...(lotIds === undefined ? {} : { lotIds }),
    filter: vintage === undefined ? { unitType, maxVintage: year } : { unitType, vintage },
  };
  if (approved === undefined) {
    const gate = await representationGate(ctx, store, holding, quantity, 'Surrender', true);
    if (gate.kind === 'propose') {
      const pendingApproval = await proposeApproval(
        ctx,
        store,
        holding,
        gate.settings,
        gate.proposer,
        {
          operation: 'surrender',
          unitType,
          quantity,
          period: year,
          installationId,
          ...(vintage === undefined ? {} : { vintage }),
        },
        spend,
      );
      return {
        status: complianceStatus(record, obligationCap),
        lots: [],
        ...(warning === undefined ? {} : { warning }),
        pendingApproval,
      };
    }
  }
  const late = txTime(ctx) > period.deadlines.surrenderBy;
  const lots = new LotLedger(ctx, store);
  const arrival = {
    status: 'surrendered',
    origin: 'surrender',
    surrender: { period: year, installationId, late },
  } as const;
  const movement =
    approved === undefined
      ? await lots.move(holding, deletion, spend, arrival)
      : await lots.moveFrom(approved.lots, deletion, quantity, arrival);
  await store.put(ObjectType.compliance, [year, installationId], updated);
  if (approved === undefined) {
    emitEvent(ctx, 'UnitsSurrendered', {
      period: year,
      installationId,
      unitType,
      quantity,
      late,
      spentLotIds: movement.spentLotIds,
      surrenderedLots: movement.moved.map((lot) => lot.id),
      status,
      ...(warning === undefined ? {} : { warning }),
    });
  }
  return { status, lots: movement.moved, ...(warning === undefined ? {} : { warning }) };
}

/**
 * Borrowing from the next vintage: allowed only when the period sets a borrowing share, only for allowances,
 * only once the obligation is known, and at most floor(obligation × share / 10000) in all.
 */
function checkBorrowing(
  period: CompliancePeriod,
  record: ComplianceRecord,
  obligationCap: number | undefined,
  unitType: string,
  quantity: number,
): void {
  const share = period.borrowingLimitBasisPoints ?? 0;
  if (unitType !== 'allowance') {
    throw invalidArgument(`only allowances can be borrowed from vintage ${period.year + 1}`);
  }
  if (share === 0) {
    throw failedPrecondition(
      `compliance period ${period.year} does not allow borrowing from vintage ${period.year + 1}`,
    );
  }
  if (record.verifiedEmissions === undefined) {
    throw failedPrecondition(
      `borrowing is limited by the obligation; ${record.installationId} has no verified emissions for ${period.year}`,
    );
  }
  const obligation = complianceStatus(record, obligationCap).obligation;
  const limit = shareOf(obligation, share);
  const borrowed = record.borrowedAllowances ?? 0;
  if (addQuantities(borrowed, quantity) > limit) {
    throw failedPrecondition(
      `borrowing from vintage ${period.year + 1} is limited to ${limit} t for ${record.installationId} in ${period.year} (${share} bp of an obligation of ${obligation} t); ${borrowed} t already borrowed`,
    );
  }
}

/**
 * A surrender that takes the installation beyond its known obligation: refused, or accepted with a warning,
 * as the period says. Before its emissions are known (code C) an installation may surrender ahead.
 */
function overSurrender(
  period: CompliancePeriod,
  record: ComplianceRecord,
  after: ComplianceStatus,
  surrenderedBefore: number,
  quantity: number,
): string | undefined {
  if (record.verifiedEmissions === undefined || after.balance <= 0) return undefined;
  const message = `surrendering ${quantity} t takes ${record.installationId} beyond its ${period.year} obligation of ${after.obligation} t by ${after.balance} t (${surrenderedBefore} t surrendered before)`;
  if (period.overSurrender === 'refused') {
    throw failedPrecondition(`${message}; period ${period.year} refuses over-surrenders`);
  }
  return `${message}; surrendered units are never returned`;
}
