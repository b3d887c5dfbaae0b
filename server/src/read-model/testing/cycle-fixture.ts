import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCarbonEvent } from '@carbon-ets/contract';
import type { LedgerBlock, TimedCarbonEvent } from '../ledger-block';

/** One committed transaction of the chaincode run in its in-memory stub, as `fixtures/cycle.json` keeps it. */
export interface FixtureTransaction {
  readonly txId: string;
  readonly timestamp: string;
  readonly event?: { readonly name: string; readonly payload: unknown };
  readonly writes: readonly { readonly key: string; readonly value: string | null }[];
}

/**
 * A whole cycle recorded from the real chaincode (its contracts run against the chaincode's in-memory stub):
 * registration, period, issuance, allocation, transfers, funds, orders placed, cancelled, filled in part and
 * in full and expired, bilateral trades, offsets issued, moved and retired, a report rejected, corrected,
 * verified and accepted, surrenders and the period's closing; and what the chaincode answered at the end
 * (`Query:GetHoldings`, `Funds:GetBalance`, `Market:GetOrder`, `Mrv:GetReport`,
 * `Compliance:GetComplianceStatus`), as the auditor.
 */
export interface CycleFixture {
  readonly transactions: readonly FixtureTransaction[];
  readonly expected: {
    readonly holdings: Readonly<Record<string, unknown>>;
    readonly funds: Readonly<Record<string, unknown>>;
    readonly orders: readonly { readonly id: string; readonly [field: string]: unknown }[];
    readonly reports: readonly { readonly period: number; readonly installationId: string }[];
    readonly compliance: readonly { readonly period: number; readonly installationId: string }[];
  };
}

let cached: CycleFixture | undefined;

export function cycleFixture(): CycleFixture {
  cached ??= JSON.parse(
    readFileSync(path.join(__dirname, '..', 'fixtures', 'cycle.json'), 'utf8'),
  ) as CycleFixture;
  return cached;
}

/** A recorded transaction's event, typed as the Gateway listener would deliver it. */
export function carbonEvent(transaction: FixtureTransaction, blockNumber: bigint): TimedCarbonEvent[] {
  if (transaction.event === undefined) return [];
  const parsed = parseCarbonEvent(transaction.event.name, transaction.event.payload);
  if (!parsed.success) throw new Error(parsed.mismatch.message);
  return [
    {
      blockNumber,
      transactionId: transaction.txId,
      timestamp: transaction.timestamp,
      ...parsed.event,
    },
  ];
}

/**
 * The cycle as blocks: block 0 is the channel's genesis block (no carbon transaction), then `perBlock`
 * transactions per block, in commit order.
 */
export function cycleBlocks(perBlock = 1, transactions = cycleFixture().transactions): LedgerBlock[] {
  const blocks: LedgerBlock[] = [{ number: 0n, events: [], writes: [] }];
  for (let start = 0; start < transactions.length; start += perBlock) {
    const number = BigInt(blocks.length);
    const group = transactions.slice(start, start + perBlock);
    blocks.push({
      number,
      ...(group[0] === undefined ? {} : { timestamp: group[0].timestamp }),
      events: group.flatMap((transaction) => carbonEvent(transaction, number)),
      writes: group.flatMap((transaction) =>
        transaction.writes.map((write) => ({ txId: transaction.txId, key: write.key, value: write.value })),
      ),
    });
  }
  return blocks;
}

/** The block number of the `occurrence`-th (1-based) transaction that emitted `eventName`, one per block. */
export function blockOf(eventName: string, occurrence = 1): number {
  let seen = 0;
  const index = cycleFixture().transactions.findIndex(
    (transaction) => transaction.event?.name === eventName && ++seen === occurrence,
  );
  if (index < 0) throw new Error(`the cycle has no ${eventName} #${occurrence}`);
  // Block 0 is the genesis block, so transaction i is block i + 1.
  return index + 1;
}
