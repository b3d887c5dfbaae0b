import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The server's Prometheus metrics at `/metrics`: HTTP requests and their latency by route, transactions by
 * outcome and code, the read model's lag behind the ledger in blocks, and the market operator's rounds.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'carbon_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'carbon_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [this.registry],
  });
  private readonly transactions = new Counter({
    name: 'carbon_transactions_total',
    help: 'Transactions submitted for users, by transaction, outcome (committed, failed) and error code',
    labelNames: ['transaction', 'outcome', 'code'] as const,
    registers: [this.registry],
  });
  private readonly lag = new Gauge({
    name: 'carbon_read_model_lag_blocks',
    help: "Blocks the read model is behind the peer's ledger",
    registers: [this.registry],
  });
  private readonly height = new Gauge({
    name: 'carbon_read_model_height_blocks',
    help: 'Blocks applied to the read model',
    registers: [this.registry],
  });
  private readonly rounds = new Counter({
    name: 'carbon_clearing_rounds_total',
    help: "The market operator's clearing rounds by instrument and outcome",
    labelNames: ['instrument', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly fills = new Counter({
    name: 'carbon_clearing_trades_total',
    help: 'Trades settled by the market operator',
    labelNames: ['instrument'] as const,
    registers: [this.registry],
  });

  /** Counts every request by its route pattern (not its URL, which would explode the label set). */
  instrument(app: FastifyInstance): void {
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      if (route !== '/metrics') {
        this.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
        this.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      }
      done();
    });
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
      reply.header('content-type', this.registry.contentType).send(await this.registry.metrics()),
    );
  }

  transaction(transaction: string, ok: boolean, code = ''): void {
    this.transactions.inc({ transaction, outcome: ok ? 'committed' : 'failed', code });
  }

  readModel(height: bigint, ledgerHeight: bigint): void {
    this.height.set(Number(height));
    this.lag.set(Number(ledgerHeight > height ? ledgerHeight - height : 0n));
  }

  clearingRound(instrument: string, outcome: string, trades = 0): void {
    this.rounds.inc({ instrument, outcome });
    if (trades > 0) this.fills.inc({ instrument }, trades);
  }
}
