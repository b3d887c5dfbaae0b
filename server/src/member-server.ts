import { Market, type OrgConnectionSettings, qualifiedName } from '@carbon-ets/contract';
import {
  type CarbonConnection,
  ledgerHeight,
  loadConnectionSettings,
  submit,
} from '@carbon-ets/gateway-client';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { apiErrorOf } from './api-error';
import { registerReadModelRoutes } from './api/read-model-routes';
import { registerReconcileRoutes } from './audit/reconcile-routes';
import { buildApp } from './app';
import { ensureDemoUsers } from './auth';
import { MarketOperator } from './market-operator/market-operator';
import { ClearingModes, registerOperatorRoutes } from './market-operator/operator-routes';
import { ServerMetrics } from './metrics/server-metrics';
import { NotificationHub } from './notifications/event-stream';
import { followLedger } from './read-model/ledger-feed';
import { ReadModel } from './read-model/read-model';
import { openDatabase } from './store/database';

/** How to run one org's member server. */
export interface MemberServerOptions {
  /** The peer organisation, e.g. `Enterprise1`. */
  readonly organization: string;
  /** Folder of connection settings; defaults to `$CARBON_CONNECTION_DIR`. */
  readonly settingsDir?: string;
  /** Where the server keeps its database. */
  readonly dataDir: string;
  /** The request log. */
  readonly logFile?: string;
  /** Where the demo users' initial passwords are appended (0600); none created when absent. */
  readonly passwordsFile?: string;
  /** Overrides the port of the connection settings (`server.port`). */
  readonly port?: number;
  /** Rebuilds the read model from block 0 before serving. */
  readonly rebuild?: boolean;
  /** Overrides whether this server runs the market operator (default: when the org has a regulator user). */
  readonly marketOperator?: boolean;
}

/** A running member server. */
export interface RunningMemberServer {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly readModel: ReadModel;
  readonly operator: MarketOperator | undefined;
  close(): Promise<void>;
}

/** The first user of the org's wallet with this role (or any ledger role). */
function walletUser(settings: OrgConnectionSettings, role?: string): string | undefined {
  return Object.entries(settings.users).find(([, user]) =>
    role === undefined ? user.role !== undefined : user.role === role,
  )?.[0];
}

/**
 * Starts one consortium member's server: the REST API and login in front of the org's own peer, the read model
 * following the ledger, notifications, metrics and — in the regulator's server — the market operator.
 */
export async function startMemberServer(options: MemberServerOptions): Promise<RunningMemberServer> {
  const settings = loadConnectionSettings(options.organization, options.settingsDir);
  const database = openDatabase(path.join(options.dataDir, 'server.db'));
  const readModel = new ReadModel(database);
  if (options.rebuild === true) readModel.reset();
  const hub = new NotificationHub(readModel);
  const metrics = new ServerMetrics();
  const feedUser = walletUser(settings);
  if (feedUser === undefined) {
    throw new Error(
      `organisation ${settings.organization} has no user with a ledger role to read blocks with`,
    );
  }
  const regulator = walletUser(settings, 'regulator');
  const runOperator = options.marketOperator ?? regulator !== undefined;

  const modes = new ClearingModes(database);
  // The operator acts as the regulator's identity; its connection is opened on first use.
  let operator: MarketOperator | undefined;
  const { app, connections, auth } = await buildApp({
    organization: settings.organization,
    database,
    ...(options.settingsDir === undefined ? {} : { settingsDir: options.settingsDir }),
    ...(options.logFile === undefined ? {} : { logFile: options.logFile }),
    onTransaction: (outcome) => {
      metrics.transaction(outcome.transaction, outcome.ok, outcome.code);
      if (!outcome.ok) {
        hub.transactionFailed(outcome.user.name, {
          transaction: outcome.transaction,
          code: outcome.code ?? 'INTERNAL',
          message: outcome.message ?? '',
          ...(outcome.transactionId === undefined ? {} : { transactionId: outcome.transactionId }),
        });
      }
    },
    extend: (instance, userConnections) => {
      metrics.instrument(instance);
      hub.register(instance);
      registerReadModelRoutes(instance, readModel);
      instance.get('/healthz', { schema: { hide: true } }, () => ({
        status: 'ok',
        organization: settings.organization,
        readModelHeight: readModel.height().toString(),
      }));
      registerOperatorRoutes(instance, () => operator, modes);
      registerReconcileRoutes(instance, userConnections, options.dataDir);
    },
  });

  if (runOperator && regulator !== undefined) {
    operator = marketOperator(connections.for(regulator), metrics, readModel, modes.manualInstruments());
  }
  if (options.passwordsFile !== undefined) {
    await ensureDemoUsers(auth, settings, options.passwordsFile);
  }

  const feedConnection = connections.for(feedUser);
  const stop = new AbortController();
  const feed = followLedger(feedConnection, readModel, {
    signal: stop.signal,
    onApplied: (logged) => {
      hub.blockApplied(logged);
      operator?.blockApplied(logged);
    },
    onError: (err) => {
      app.log.warn({ err }, 'the block feed failed; re-opening it');
    },
  });
  const lagTimer = setInterval(() => {
    ledgerHeight(feedConnection).then(
      (height) => {
        metrics.readModel(readModel.height(), height);
      },
      () => undefined,
    );
  }, 5_000);

  const host = settings.server?.host ?? '127.0.0.1';
  const port = options.port ?? settings.server?.port ?? 0;
  const url = await app.listen({ host, port });
  return {
    app,
    url,
    readModel,
    operator,
    close: async () => {
      clearInterval(lagTimer);
      operator?.stop();
      stop.abort();
      hub.closeAll();
      await app.close();
      await feed;
      database.close();
    },
  };
}

/** The regulator's market operator, clearing with `Market:Match` as the regulator's identity. */
function marketOperator(
  regulator: CarbonConnection,
  metrics: ServerMetrics,
  readModel: ReadModel,
  manualInstruments: readonly string[],
): MarketOperator {
  const transaction = qualifiedName(Market.match);
  return new MarketOperator(
    {
      // The read model has applied the block whose order events trigger a round, so its book is current.
      mayCross: (instrument) => readModel.mayCross(instrument),
      clear: async (instrument) => {
        try {
          const outcome = await submit(regulator.contract, transaction, {
            commitWait: regulator.commitWait,
            arguments: [JSON.stringify({ instrument })],
          });
          const answer = Market.match.answer.parse(JSON.parse(new TextDecoder().decode(outcome.result)));
          return {
            trades: answer.trades.length,
            more: (answer as { more?: boolean }).more === true,
            transactionId: outcome.transactionId,
          };
        } catch (err) {
          throw apiErrorOf(err);
        }
      },
      onRound: (instrument, outcome) => {
        metrics.clearingRound(
          instrument,
          outcome.ok ? 'committed' : outcome.code,
          outcome.ok ? outcome.round.trades : 0,
        );
      },
    },
    { manualInstruments },
  );
}
