import {
  Account,
  ApprovalEscrow,
  AuctionEscrow,
  CashEntry,
  CertificateIssuance,
  formatSerials,
  IssuanceHead,
  Lot,
  OffsetIssuance,
  Order,
  type SerialRange,
  type SupplySummary,
  WORLD_STATE_PAGE_SIZE,
} from '@carbon-ets/contract';
import type { CarbonConnection } from '../connect';
import { QueryClient } from '../contracts';
import { ledgerHeight } from '../ledger-height';
import { LedgerReplay } from './ledger-replay';

/** Units of one type and vintage, rebuilt from history: where every issued unit is now. */
export interface UnitTotals {
  readonly unitType: string;
  readonly vintage: number;
  readonly issued: number;
  readonly held: number;
  readonly locked: number;
  readonly surrendered: number;
  readonly retired: number;
  /** issued = held + locked + surrendered + retired */
  readonly balanced: boolean;
}

export interface ReconcileReport {
  readonly channel: string;
  /** Blocks replayed in all (the ledger height at the end). */
  readonly blocks: number;
  readonly transactions: number;
  readonly validTransactions: number;
  /** Blocks and transactions replayed by this run (after the checkpoint it resumed from). */
  readonly replayedBlocks: number;
  readonly replayedTransactions: number;
  /** Reading and applying the blocks (the off-chain rebuild). */
  readonly replaySeconds: number;
  /**
   * Comparing the rebuilt state with the world state, read through the chaincode in bounded pages while the
   * blocks are replayed: the time from the replay's end to the verdict (the replay and this add up to the run).
   */
  readonly compareSeconds: number;
  /** Chaincode queries the comparison made (pages of lots and funds, supply summaries), every round. */
  readonly compareQueries: number;
  readonly totals: readonly UnitTotals[];
  /** Settlement funds rebuilt from history, fen as decimal strings: cash entries and escrow. */
  readonly funds: { readonly available: string; readonly locked: string };
  readonly accountsCompared: number;
  readonly lotsCompared: number;
  /** True if transactions committed during the last comparison round. */
  readonly ledgerMoved: boolean;
  /**
   * Every difference between history and world state on state that no transaction changed during the
   * comparison, one line each: real. Empty when everything reconciles.
   */
  readonly mismatches: readonly string[];
  /**
   * Differences on accounts or vintages that transactions changed during every comparison round (a busy
   * account): not judged. Run again when they are quieter.
   */
  readonly unsettled: readonly string[];
}

/** One difference, with the account or vintage whose state it is about (to tell a moving one from a real one). */
interface Mismatch {
  readonly text: string;
  readonly accountId?: string;
  readonly vintage?: number;
}

export interface ReconcileOptions {
  /** Resume from and save the replay to this file, so a later run only replays new blocks. */
  readonly checkpointFile?: string;
  /** Called as blocks are replayed. */
  readonly onProgress?: (replayedBlocks: bigint, height: bigint) => void;
  /** Lots or accounts per world-state page (default and at most WORLD_STATE_PAGE_SIZE). */
  readonly pageSize?: number;
}

/**
 * The auditor's check: replay every committed block from the start (or from the checkpoint), rebuild every
 * lot, total each unit type and vintage (issued = held + locked + surrendered + retired), then compare lot by
 * lot with the world state the chaincode reports, and the totals with its supply summaries.
 */
export async function reconcile(
  connection: CarbonConnection,
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const { channel, chaincode } = connection.settings;
  const replay = LedgerReplay.resume(options.checkpointFile, channel, chaincode);
  const startBlock = replay.nextBlock;
  const startTransactions = replay.transactions;
  const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
  let replaySeconds = 0;
  let compareSeconds = 0;
  let height = await ledgerHeight(connection);
  let mismatches: Mismatch[] = [];
  let unsettled: Mismatch[] = [];
  let compared = { accounts: 0, lots: 0 };
  let compareQueries = 0;
  let ledgerMoved = false;
  const pageSize = options.pageSize ?? WORLD_STATE_PAGE_SIZE;
  // Queries read the latest world state, so a transaction committed while we compare can show as a difference.
  // After each comparison the blocks committed meanwhile are replayed, noting the accounts and vintages they
  // changed: a difference elsewhere is real (that state stood still through the comparison); one there is
  // unsettled, and compared again at the new height (bounded), so a busy market still gets a verdict on
  // every account it did not touch.
  //
  // The world state is read while the blocks are replayed (the peer and chaincode answer the pages while the
  // client decodes blocks): it is read after `height` was taken, as a comparison after the replay would read it.
  for (let round = 0; round < 4; round++) {
    const replayStarted = process.hrtime.bigint();
    const reading = readWorldState(connection, pageSize);
    // If the replay fails, the read's outcome is of no interest; it must not surface as an unhandled rejection.
    reading.catch(() => undefined);
    await replayTo(connection, replay, height, options);
    replaySeconds += seconds(replayStarted);
    const compareStarted = process.hrtime.bigint();
    const world = await reading;
    let found: Mismatch[];
    ({ mismatches: found, compared } = compareWithWorldState(replay, world));
    compareSeconds += seconds(compareStarted);
    compareQueries += world.queries;
    const after = await ledgerHeight(connection);
    ledgerMoved = after !== height;
    if (!ledgerMoved) {
      mismatches = found;
      unsettled = [];
      break;
    }
    const movedStarted = process.hrtime.bigint();
    const touches = replay.recordTouches();
    try {
      await replayTo(connection, replay, after, options);
    } finally {
      replay.stopRecording();
    }
    replaySeconds += seconds(movedStarted);
    const touched = (m: Mismatch) =>
      (m.accountId !== undefined && touches.accounts.has(m.accountId)) ||
      (m.vintage !== undefined && touches.vintages.has(m.vintage));
    mismatches = found.filter((m) => !touched(m));
    unsettled = found.filter(touched);
    height = after;
    if (unsettled.length === 0) break;
  }
  if (options.checkpointFile) replay.save(options.checkpointFile);
  const totals = unitTotals(replay);
  for (const total of totals) {
    if (!total.balanced) {
      mismatches.push({
        text: `${total.unitType} ${total.vintage}: issued ${total.issued} ≠ held ${total.held} + locked ${total.locked} + surrendered ${total.surrendered} + retired ${total.retired}`,
      });
    }
  }
  return {
    channel,
    blocks: Number(replay.nextBlock),
    transactions: replay.transactions,
    validTransactions: replay.validTransactions,
    replayedBlocks: Number(replay.nextBlock - startBlock),
    replayedTransactions: replay.transactions - startTransactions,
    replaySeconds,
    compareSeconds,
    compareQueries,
    totals,
    funds: fundsTotals(replay),
    ledgerMoved,
    accountsCompared: compared.accounts,
    lotsCompared: compared.lots,
    mismatches: mismatches.map((m) => m.text),
    unsettled: unsettled.map((m) => m.text),
  };
}

/**
 * How often a long replay saves its checkpoint, so an interrupted run resumes near where it stopped. By time, not
 * by blocks: each save writes the whole rebuilt state (tens of MB on a large ledger), and saving every 1,000
 * blocks took a tenth of the replay.
 */
const CHECKPOINT_INTERVAL_MS = 30_000;

async function replayTo(
  connection: CarbonConnection,
  replay: LedgerReplay,
  height: bigint,
  options: ReconcileOptions,
): Promise<void> {
  if (replay.nextBlock >= height) return;
  const blocks = await connection.network.getBlockEvents({ startBlock: replay.nextBlock });
  let savedAt = Date.now();
  try {
    for await (const block of blocks) {
      replay.apply(block);
      if (replay.nextBlock % 100n === 0n || replay.nextBlock === height)
        options.onProgress?.(replay.nextBlock, height);
      if (options.checkpointFile && Date.now() - savedAt >= CHECKPOINT_INTERVAL_MS) {
        replay.save(options.checkpointFile);
        savedAt = Date.now();
      }
      if (replay.nextBlock >= height) break;
    }
  } finally {
    blocks.close();
  }
}

function unitTotals(replay: LedgerReplay): UnitTotals[] {
  const totals = new Map<
    string,
    {
      unitType: string;
      vintage: number;
      issued: number;
      held: number;
      locked: number;
      surrendered: number;
      retired: number;
    }
  >();
  const entry = (unitType: string, vintage: number) => {
    const key = `${unitType}|${vintage}`;
    let total = totals.get(key);
    if (!total) {
      total = { unitType, vintage, issued: 0, held: 0, locked: 0, surrendered: 0, retired: 0 };
      totals.set(key, total);
    }
    return total;
  };
  for (const head of replay.objects('issuance', IssuanceHead))
    entry('allowance', head.vintage).issued += head.issued;
  for (const issuance of replay.objects('offsetIssuance', OffsetIssuance)) {
    entry('offset', issuance.vintage).issued += issuance.quantity;
  }
  for (const issuance of replay.objects('certificateIssuance', CertificateIssuance)) {
    entry('greenCertificate', issuance.vintage).issued += issuance.quantity;
  }
  for (const lot of replay.objects('lot', Lot)) {
    const total = entry(lot.unitType, lot.vintage);
    if (lot.status === 'held') {
      if (lot.lockedBy) total.locked += lot.quantity;
      else total.held += lot.quantity;
    } else {
      total[lot.status] += lot.quantity;
    }
  }
  return [...totals.values()]
    .sort((a, b) => a.unitType.localeCompare(b.unitType) || a.vintage - b.vintage)
    .map((t) => ({ ...t, balanced: t.issued === t.held + t.locked + t.surrendered + t.retired }));
}

/**
 * Per account: fen available (cash entries) and locked (escrow of open buy orders, bids and buy orders awaiting
 * a second representative), from history.
 */
function fundsByAccount(replay: LedgerReplay): Map<string, { available: bigint; locked: bigint }> {
  const funds = new Map<string, { available: bigint; locked: bigint }>();
  const of = (accountId: string) => {
    let entry = funds.get(accountId);
    if (!entry) {
      entry = { available: 0n, locked: 0n };
      funds.set(accountId, entry);
    }
    return entry;
  };
  for (const cash of replay.objects('cash', CashEntry)) of(cash.accountId).available += BigInt(cash.amount);
  for (const order of replay.objects('order', Order)) {
    if (order.side === 'buy' && order.status === 'open') of(order.accountId).locked += BigInt(order.escrow);
  }
  for (const held of replay.objects('auctionEscrow', AuctionEscrow)) {
    of(held.accountId).locked += BigInt(held.escrow);
  }
  for (const held of replay.objects('approvalEscrow', ApprovalEscrow)) {
    of(held.accountId).locked += BigInt(held.escrow);
  }
  return funds;
}

function fundsTotals(replay: LedgerReplay): { available: string; locked: string } {
  let available = 0n;
  let locked = 0n;
  for (const funds of fundsByAccount(replay).values()) {
    available += funds.available;
    locked += funds.locked;
  }
  return { available: available.toString(), locked: locked.toString() };
}

/** What must agree between history and world state: the serials too, however a lot holds them. */
const describeLot = (lot: {
  unitType: string;
  vintage: number;
  status: string;
  quantity: number;
  serialStart: number;
  serialEnd: number;
  serialRanges?: readonly SerialRange[] | undefined;
  lockedBy?: string | null;
}): string =>
  `${lot.unitType} ${lot.vintage} ${lot.status} ×${lot.quantity} serials ${formatSerials(lot)}${lot.lockedBy ? ` locked by ${lot.lockedBy}` : ''}`;

/** Reads pages from the first until one says no other follows; answers the number of queries made. */
async function walkPages<Next extends object, Page extends { readonly next: Next | null }>(
  read: (next: Next | null) => Promise<Page>,
  take: (page: Page) => void,
): Promise<number> {
  let queries = 0;
  let next: Next | null = null;
  do {
    const page = await read(next);
    queries++;
    take(page);
    next = page.next;
  } while (next !== null);
  return queries;
}

/** Every lot of the world state by account, each described as {@link describeLot}. */
async function worldStateLots(
  query: QueryClient,
  pageSize: number,
): Promise<{ lots: Map<string, Map<string, string>>; queries: number }> {
  const lots = new Map<string, Map<string, string>>();
  const queries = await walkPages(
    (next) => query.getLotsPage({ ...next, pageSize }),
    (page) => {
      for (const lot of page.lots) {
        let ofAccount = lots.get(lot.accountId);
        if (!ofAccount) {
          ofAccount = new Map<string, string>();
          lots.set(lot.accountId, ofAccount);
        }
        ofAccount.set(lot.id, describeLot(lot));
      }
    },
  );
  return { lots, queries };
}

/** Every account's funds in the world state (fen, decimal strings). */
async function worldStateFunds(
  query: QueryClient,
  pageSize: number,
): Promise<{ funds: Map<string, { available: string; locked: string }>; queries: number }> {
  const funds = new Map<string, { available: string; locked: string }>();
  const queries = await walkPages(
    (next) => query.getFundsPage({ ...next, pageSize }),
    (page) => {
      for (const line of page.funds) funds.set(line.accountId, line);
    },
  );
  return { funds, queries };
}

/** The world state as the chaincode reports it, for one comparison. */
interface WorldState {
  readonly lots: Map<string, Map<string, string>>;
  readonly funds: Map<string, { available: string; locked: string }>;
  readonly supplies: readonly SupplySummary[];
  /** Chaincode queries it took. */
  readonly queries: number;
}

/**
 * Reads the world state in bounded pages (lots, funds and the supply summaries concurrently): a handful of
 * chaincode queries, where one per account took most of the time.
 */
async function readWorldState(connection: CarbonConnection, pageSize: number): Promise<WorldState> {
  const query = new QueryClient(connection);
  const [lots, funds, supplies] = await Promise.all([
    worldStateLots(query, pageSize),
    worldStateFunds(query, pageSize),
    query.getSupplySummaries(),
  ]);
  return { lots: lots.lots, funds: funds.funds, supplies, queries: lots.queries + funds.queries + 1 };
}

/** Compares the replayed state with the world state lot by lot, account by account and vintage by vintage. */
function compareWithWorldState(
  replay: LedgerReplay,
  world: WorldState,
): { mismatches: Mismatch[]; compared: { accounts: number; lots: number } } {
  const mismatches: Mismatch[] = [];
  const totals = unitTotals(replay);
  const supplies = world.supplies;
  const byAccount = new Map<string, Map<string, string>>();
  for (const lot of replay.objects('lot', Lot)) {
    let lots = byAccount.get(lot.accountId);
    if (!lots) {
      lots = new Map<string, string>();
      byAccount.set(lot.accountId, lots);
    }
    lots.set(lot.id, describeLot(lot));
  }
  const accounts = replay.objects('account', Account).map((a) => a.id);
  const fundsFromHistory = fundsByAccount(replay);
  let lotsCompared = 0;
  const extraLots = (
    accountId: string,
    inWorldState: Map<string, string>,
    fromHistory: Map<string, string>,
  ) => {
    for (const [lotId, actual] of inWorldState) {
      if (!fromHistory.has(lotId))
        mismatches.push({
          accountId,
          text: `account ${accountId}: lot ${lotId} (${actual}) is in the world state but no committed transaction wrote it`,
        });
    }
  };
  for (const accountId of accounts) {
    const inWorldState = world.lots.get(accountId) ?? new Map<string, string>();
    const fromHistory = byAccount.get(accountId) ?? new Map<string, string>();
    for (const [lotId, expected] of fromHistory) {
      lotsCompared++;
      const actual = inWorldState.get(lotId);
      if (actual === undefined)
        mismatches.push({
          accountId,
          text: `account ${accountId}: lot ${lotId} (${expected}) is missing from the world state`,
        });
      else if (actual !== expected)
        mismatches.push({
          accountId,
          text: `account ${accountId}: lot ${lotId} is ${actual} in the world state, ${expected} by history`,
        });
    }
    extraLots(accountId, inWorldState, fromHistory);
    const expected = fundsFromHistory.get(accountId) ?? { available: 0n, locked: 0n };
    const balance = world.funds.get(accountId);
    if (balance === undefined) {
      mismatches.push({ accountId, text: `account ${accountId} is missing from the world state` });
      continue;
    }
    for (const field of ['available', 'locked'] as const) {
      if (BigInt(balance[field]) !== expected[field]) {
        mismatches.push({
          accountId,
          text: `account ${accountId}: ${field} funds are ${balance[field]} fen in the world state, ${expected[field]} by history`,
        });
      }
    }
  }
  // The pages hold every lot, also of accounts no committed transaction opened.
  const known = new Set(accounts);
  for (const [accountId, inWorldState] of world.lots) {
    if (!known.has(accountId)) extraLots(accountId, inWorldState, new Map<string, string>());
  }
  // Every vintage either side knows: one the world state has and history has not is a difference too.
  const vintages = [...new Set([...totals.map((t) => t.vintage), ...supplies.map((s) => s.period)])];
  const none = { issued: 0, held: 0, locked: 0, surrendered: 0, retired: 0 };
  for (const vintage of vintages.sort((a, b) => a - b)) {
    const supply = supplies.find((s) => s.period === vintage);
    for (const [unitType, line] of [
      ['allowance', supply?.allowances ?? none],
      ['offset', supply?.offsets ?? none],
    ] as const) {
      const total = totals.find((t) => t.unitType === unitType && t.vintage === vintage) ?? none;
      const fromHistory = {
        issued: total.issued,
        held: total.held + total.locked,
        locked: total.locked,
        surrendered: total.surrendered,
        retired: total.retired,
      };
      for (const field of ['issued', 'held', 'locked', 'surrendered', 'retired'] as const) {
        if (line[field] !== fromHistory[field]) {
          mismatches.push({
            vintage,
            text: `${unitType} ${vintage}: ${field} is ${line[field]} in the supply summary, ${fromHistory[field]} by history`,
          });
        }
      }
    }
  }
  return { mismatches, compared: { accounts: accounts.length, lots: lotsCompared } };
}
