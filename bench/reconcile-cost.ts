/**
 * What `carbon audit reconcile`'s comparison with the world state costs, measured on the in-memory chaincode
 * stub (no network): `npx ts-node bench/reconcile-cost.ts [--accounts 1336] [--lots 6741] [--latency-ms 0]`.
 *
 * A world of that many accounts and lots (cash entries, open buy orders with escrow, locked lots) is written
 * both into the in-memory world state and into synthetic blocks. The gateway client's `reconcile` replays the
 * blocks and compares through a fake connection whose queries run the real chaincode methods as the auditor.
 * Two ways of reading the world state are timed on that same connection:
 *
 * - per account (what reconcile did before the pages): `Query:GetHoldings` + `Funds:GetBalance` for every
 *   account, 16 accounts at a time;
 * - paged (what it does now): `Query:GetLotsPage` and `Query:GetFundsPage` walked page by page, concurrently.
 *
 * `--latency-ms` adds a wait to every evaluate, standing in for the gateway's endorsement round trip. Not a unit
 * test: wall time depends on the machine; the unit tests check what is compared.
 */
import { parseArgs } from 'node:util';
import { common } from '@hyperledger/fabric-protos';
import type { Context } from 'fabric-contract-api';
import type { Account, CashEntry, IssuanceHead, Lot, Order } from '@carbon-ets/contract';
import { toBytes } from '../chaincode/src/ledger/canonical-json';
import { Users } from '../chaincode/src/testing/identities';
import { cc } from '../chaincode/src/testing/scenario';
import { TestLedger } from '../chaincode/src/testing/test-ledger';
import { reconcile } from '../gateway-client/src/audit/reconcile';
import type { CarbonConnection } from '../gateway-client/src/connect';
import { FundsClient, QueryClient } from '../gateway-client/src/contracts';
import { compositeKey, testBlock, type TestTransaction } from '../gateway-client/src/testing/test-blocks';

const VINTAGE = 2030;
const AT = '2030-01-02T00:00:00.000Z';
/** Writes per synthetic transaction and transactions per block: about the benchmark ledger's shape. */
const WRITES_PER_TX = 4;
const TX_PER_BLOCK = 14;

interface Write {
  readonly key: string;
  readonly value: unknown;
}

/** A world of `accountCount` accounts holding `lotCount` lots between them, as key/value writes. */
function worldWrites(accountCount: number, lotCount: number): Write[] {
  const writes: Write[] = [];
  const ids = Array.from({ length: accountCount }, (_, i) => `ACC${String(i).padStart(5, '0')}`);
  for (const id of ids) {
    const account: Account = {
      id,
      kind: 'holding',
      entityId: 'ENT1',
      ownerMsp: 'Enterprise1MSP',
      status: 'open',
      openedAt: AT,
    };
    writes.push({ key: compositeKey('account', id), value: account });
  }
  let serial = 1;
  for (let n = 0; n < lotCount; n++) {
    const accountId = ids[n % accountCount] ?? '';
    const quantity = 10 + (n % 90);
    const lot: Lot = {
      id: `lot${n}`,
      accountId,
      unitType: 'allowance',
      vintage: VINTAGE,
      serialStart: serial,
      serialEnd: serial + quantity - 1,
      quantity,
      status: n % 50 === 0 ? 'surrendered' : 'held',
      origin: 'allocation',
      createdAt: AT,
      createdTxId: `alloc${n}`,
      ...(n % 10 === 3 ? { lockedBy: `sell${n}` } : {}),
    };
    serial += quantity;
    writes.push({ key: compositeKey('lot', accountId, lot.id), value: lot });
  }
  const head: IssuanceHead = { vintage: VINTAGE, issued: serial - 1 };
  writes.push({ key: compositeKey('issuance', 'allowance', String(VINTAGE)), value: head });
  ids.forEach((accountId, i) => {
    const cash: CashEntry = {
      id: `cash${i}`,
      accountId,
      amount: String(1_000_000 + i),
      origin: 'deposit',
      createdAt: AT,
      createdTxId: `deposit${i}`,
    };
    writes.push({ key: compositeKey('cash', accountId, cash.id), value: cash });
    if (i % 4 === 0) {
      const order: Order = {
        id: `buy${i}`,
        accountId,
        entityId: 'ENT1',
        instrument: `allowance-${VINTAGE}`,
        unitType: 'allowance',
        vintage: VINTAGE,
        side: 'buy',
        price: 5_000,
        quantity: 10,
        remaining: 10,
        block: false,
        status: i % 8 === 0 ? 'open' : 'filled',
        goodTill: 'day',
        placedAt: AT,
        expiresAt: '2030-01-02T23:59:59.999Z',
        placedBy: { mspId: 'Enterprise1MSP', role: 'trader' },
        escrow: i % 8 === 0 ? '50000' : '0',
        lockedLotIds: [],
      };
      writes.push({ key: compositeKey('order', accountId, order.id), value: order });
    }
  });
  return writes;
}

/** The same writes as committed blocks, so that the replay rebuilds exactly this world. */
function historyOf(writes: readonly Write[]): common.Block[] {
  const transactions: TestTransaction[] = [];
  for (let i = 0; i < writes.length; i += WRITES_PER_TX) {
    transactions.push({ txId: `tx${i}`, writes: writes.slice(i, i + WRITES_PER_TX) });
  }
  const blocks: common.Block[] = [];
  for (let i = 0; i < transactions.length; i += TX_PER_BLOCK) {
    blocks.push(testBlock(blocks.length, transactions.slice(i, i + TX_PER_BLOCK)));
  }
  return blocks;
}

/** The largest answer of any evaluate, in bytes (gRPC refuses messages over 4 MiB). */
let largestAnswer = 0;

/** Every chaincode query of the connection, counted by name. */
type CallCounts = Map<string, number>;

/** A connection whose peer serves `blocks` and answers evaluates by running the chaincode on `ledger`. */
function inMemoryConnection(
  ledger: TestLedger,
  blocks: common.Block[],
  calls: CallCounts,
  latencyMs: number,
): CarbonConnection {
  const info = new common.BlockchainInfo();
  info.setHeight(blocks.length);
  const contracts: Record<string, object> = {
    Query: cc.query,
    Funds: cc.funds,
  };
  return {
    settings: { channel: 'carbon', chaincode: 'carbon', organization: 'Auditor' },
    network: {
      getContract: () => ({ evaluateTransaction: () => Promise.resolve(info.serializeBinary()) }),
      getBlockEvents: ({ startBlock }: { startBlock: bigint }) =>
        Promise.resolve({
          close: () => undefined,
          async *[Symbol.asyncIterator]() {
            for (const block of blocks.slice(Number(startBlock))) yield await Promise.resolve(block);
          },
        }),
    },
    contract: {
      evaluateTransaction: async (name: string, ...args: string[]) => {
        calls.set(name, (calls.get(name) ?? 0) + 1);
        const [contractName = '', method = ''] = name.split(':');
        const contract = contracts[contractName] as
          Record<string, (ctx: Context, ...a: string[]) => Promise<string>> | undefined;
        const fn = contract?.[method];
        if (contract === undefined || fn === undefined) throw new Error(`no ${name} in this bench`);
        if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
        const answer = new TextEncoder().encode(
          await ledger.evaluate(Users.auditor, (ctx) => fn.call(contract, ctx, ...args)),
        );
        largestAnswer = Math.max(largestAnswer, answer.length);
        return answer;
      },
    },
  } as unknown as CarbonConnection;
}

/**
 * What reconcile read before the pages: each account's holdings and balance, 16 accounts at a time, then the
 * vintage's supply summary.
 */
async function perAccountReads(connection: CarbonConnection, accountIds: readonly string[]): Promise<number> {
  const query = new QueryClient(connection);
  const funds = new FundsClient(connection);
  let lots = 0;
  for (let i = 0; i < accountIds.length; i += 16) {
    await Promise.all(
      accountIds.slice(i, i + 16).map(async (accountId) => {
        const answer = await query.getHoldings(accountId);
        for (const holding of answer.holdings) lots += holding.lots.length;
        await funds.getBalance(accountId);
      }),
    );
  }
  await query.getSupplySummary(VINTAGE);
  return lots;
}

const total = (calls: CallCounts): number => [...calls.values()].reduce((sum, n) => sum + n, 0);
const list = (calls: CallCounts): string =>
  [...calls.entries()].map(([name, n]) => `${n} ${name}`).join(', ');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      accounts: { type: 'string', default: '1336' },
      lots: { type: 'string', default: '6741' },
      'latency-ms': { type: 'string', default: '0' },
    },
  });
  const accountCount = Number(values.accounts);
  const lotCount = Number(values.lots);
  const latencyMs = Number(values['latency-ms']);
  const writes = worldWrites(accountCount, lotCount);
  const ledger = new TestLedger();
  for (const { key, value } of writes) ledger.world.state.set(key, toBytes(value));
  const blocks = historyOf(writes);
  const accountIds = writes
    .filter((w) => w.key.startsWith('\u0000account\u0000'))
    .map((w) => (w.value as Account).id);

  const before = new Map<string, number>();
  const beforeStarted = process.hrtime.bigint();
  const lotsRead = await perAccountReads(inMemoryConnection(ledger, blocks, before, latencyMs), accountIds);
  const beforeSeconds = Number(process.hrtime.bigint() - beforeStarted) / 1e9;

  largestAnswer = 0;
  const after = new Map<string, number>();
  const report = await reconcile(inMemoryConnection(ledger, blocks, after, latencyMs));
  if (report.mismatches.length > 0) {
    throw new Error(`the synthetic world does not reconcile:\n${report.mismatches.slice(0, 5).join('\n')}`);
  }
  const lines = [
    `World: ${accountIds.length} accounts, ${lotCount} lots (${lotsRead} read per account), ${blocks.length} blocks, ` +
      `${report.replayedTransactions} transactions; evaluate latency added: ${latencyMs} ms.`,
    '',
    '| comparison | chaincode queries | seconds (in-memory stub) |',
    '| --- | ---: | ---: |',
    `| per account, 16 at a time (before) | ${total(before)} (${list(before)}) | ${beforeSeconds.toFixed(2)} |`,
    `| paged (after) | ${total(after)} (${list(after)}) | ${report.compareSeconds.toFixed(2)} |`,
    '',
    `Replay of the synthetic blocks: ${report.replaySeconds.toFixed(2)} s; ${report.lotsCompared} lots and ` +
      `${report.accountsCompared} accounts compared, ${report.mismatches.length} mismatches; ` +
      `largest paged answer ${(largestAnswer / 1024).toFixed(0)} KiB.`,
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
