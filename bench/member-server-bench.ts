import { StatusCode } from '@hyperledger/fabric-gateway';
import { connectAs, evaluate, submit } from '@carbon-ets/gateway-client';
import { openEventStream } from '../test/support/event-stream';
import { loginAs, type MemberClient } from '../test/support/member-servers';
import type { BenchLedger } from './bench-ledger';
import { drive, percentile, type LoadResult, type Operation } from './load-driver';

/** One row of the REST-versus-Gateway comparison. */
export interface OverheadRow {
  readonly path: string;
  readonly result: LoadResult;
}

/** A REST call as a load-driver operation: a 2xx answer counts as committed (VALID). */
function restOperation(call: () => Promise<{ status: number; body: unknown }>): Operation {
  return async () => {
    const answer = await call();
    if (answer.status >= 200 && answer.status < 300) return { code: StatusCode.VALID };
    return { error: `HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}` };
  };
}

/**
 * What the member server adds to a call: the same read (`Funds:GetBalance`, one account per slot) and the same
 * write (`Funds:Deposit` of 1 fen, one account per slot, so no two conflict), `inFlight` at a time, once through
 * the Gateway directly and once through the org's REST API (login cookie, exact JSON, answer check).
 */
export async function restOverhead(
  ledger: BenchLedger,
  inFlight: number,
  seconds: number,
): Promise<OverheadRow[]> {
  const accounts = ledger.buyerAccounts.slice(0, inFlight);
  const regulatorGateway = connectAs({ organization: 'Regulator', user: 'regulator1' });
  const regulatorRest = await loginAs('Regulator', 'regulator1');
  const rows: OverheadRow[] = [];
  const measure = async (path: string, operations: Operation[]): Promise<void> => {
    rows.push({ path, result: await drive(operations, seconds * 1000) });
  };
  try {
    await measure(
      'Funds:GetBalance via the Gateway',
      accounts.map((account) => async () => {
        await evaluate(regulatorGateway.contract, 'Funds:GetBalance', [account]);
        return { code: StatusCode.VALID };
      }),
    );
    await measure(
      'GET /api/v1/accounts/{id}/funds',
      accounts.map((account) => restOperation(() => regulatorRest.get(`/api/v1/accounts/${account}/funds`))),
    );
    await measure(
      'Funds:Deposit via the Gateway',
      accounts.map((account) => async () => {
        await submit(regulatorGateway.contract, 'Funds:Deposit', {
          commitWait: regulatorGateway.commitWait,
          maxAttempts: 1,
          arguments: [JSON.stringify({ accountId: account, amount: '1', reference: 'bench' })],
        });
        return { code: StatusCode.VALID };
      }),
    );
    await measure(
      'POST /api/v1/accounts/{id}/deposits',
      accounts.map((account) =>
        restOperation(() =>
          regulatorRest.post(`/api/v1/accounts/${account}/deposits`, { amount: '1', reference: 'bench' }),
        ),
      ),
    );
  } finally {
    regulatorGateway.close();
  }
  return rows;
}

/** From an order's commit (its REST answer) to its fill notification on the trader's event stream. */
export interface FillLatency {
  /** Orders resting in the book (the placement workload's bids) that every clearing round has beside it. */
  readonly restingOrders: number;
  readonly traders: number;
  readonly orders: number;
  readonly filled: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly seconds: number;
}

/**
 * `traders` ENT2 traders, each logged in to Enterprise2's server with its own event stream and its own funded
 * account, each placing `perTrader` buy orders of 1 t, one after another, against a resting ENT1 ask; the
 * regulator's market operator clears them (nobody calls Match). Measured per order: from the POST's answer
 * (the order is committed) to the `OrdersMatched` event naming it on that trader's stream.
 */
/**
 * The fill measurement's price, used by no other workload: orders the matching rounds left resting at 5,000 (a
 * placement refused there leaves its counterpart) must not take the resting ask, or the last bids never fill.
 */
const FILL_PRICE = 5100;

export async function fillNotificationLatency(
  ledger: BenchLedger,
  traders: number,
  perTrader: number,
  log: (line: string) => void,
): Promise<FillLatency> {
  const seller = await loginAs('Enterprise1', 'trader1');
  const regulator = await loginAs('Regulator', 'regulator1');
  // The asks rest in manual clearing (placing them must not trigger rounds), then the operator takes over.
  await setClearing(regulator, ledger.instrument, 'manual');
  const book = await seller.get<{ bids: { orders: number }[]; asks: { orders: number }[] }>(
    `/api/v1/instruments/${ledger.instrument}/book`,
  );
  const restingOrders = [...book.body.bids, ...book.body.asks].reduce((sum, level) => sum + level.orders, 0);
  const asks = traders * perTrader;
  // The seller gets the units it offers, whatever the workloads left it.
  const funded = await regulator.post('/api/v1/allowances/transfers', {
    fromAccount: 'NATIONAL-ALLOCATION',
    toAccount: ledger.sinkAccount,
    quantity: asks,
    // The instrument's vintage: the national account also holds older ones.
    vintage: ledger.year,
  });
  if (funded.status !== 201) throw new Error(`could not fund the seller: ${JSON.stringify(funded.body)}`);
  // One resting ask that every bid takes 1 t of (many asks from one account would conflict with each other).
  log(`fill latency: one resting ask of ${asks} t from ${ledger.sinkAccount}`);
  const ask = await seller.post(`/api/v1/accounts/${ledger.sinkAccount}/orders`, {
    side: 'sell',
    instrument: ledger.instrument,
    price: FILL_PRICE,
    quantity: asks,
  });
  if (ask.status !== 201) throw new Error(`the resting ask failed: ${JSON.stringify(ask.body)}`);
  await setClearing(regulator, ledger.instrument, 'automatic');
  const clients: MemberClient[] = [];
  for (let t = 0; t < traders; t++) clients.push(await loginAs('Enterprise2', 'trader2'));
  const streams = await Promise.all(clients.map((client) => openEventStream(client)));
  const latencies: number[] = [];
  const started = performance.now();
  try {
    await Promise.all(
      clients.map(async (client, t) => {
        const account = ledger.buyerAccounts[t] ?? '';
        const stream = streams[t];
        if (stream === undefined) return;
        for (let n = 0; n < perTrader; n++) {
          const placed = await client.post<{ id: string }>(`/api/v1/accounts/${account}/orders`, {
            side: 'buy',
            instrument: ledger.instrument,
            price: FILL_PRICE,
            quantity: 1,
          });
          const committed = performance.now();
          if (placed.status !== 201) throw new Error(`a bid failed: ${JSON.stringify(placed.body)}`);
          await stream.waitFor(
            (event) => event.event === 'OrdersMatched' && event.data.includes(placed.body.id),
            30_000,
          );
          latencies.push(performance.now() - committed);
        }
      }),
    );
  } finally {
    streams.forEach((stream) => {
      stream.close();
    });
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    restingOrders,
    traders,
    orders: asks,
    filled: latencies.length,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    seconds: (performance.now() - started) / 1000,
  };
}

async function setClearing(regulator: MemberClient, instrument: string, clearing: string): Promise<void> {
  const answer = await regulator.put(`/api/v1/market/operator/instruments/${instrument}`, { clearing });
  if (answer.status !== 200)
    throw new Error(`could not set ${instrument} clearing: ${JSON.stringify(answer.body)}`);
}
