import { parseInstrumentId } from '@carbon-ets/contract';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../api-error';
import { ERROR_RESPONSES } from '../api/error-schema';
import { currentUser, requireUser } from '../auth';
import { migrate, type ServerDatabase } from '../store/database';
import { CLEARING_MODES, type ClearingMode, type MarketOperator } from './market-operator';
import { API_PREFIX } from '../api-prefix';

const ClearingChange = z.strictObject({ clearing: z.enum(CLEARING_MODES) });

/** The regulator's choice of manual clearing per instrument, kept across restarts. */
export class ClearingModes {
  constructor(private readonly db: ServerDatabase) {
    migrate(db, 'market-operator', [
      `CREATE TABLE operator_manual_instruments (instrument TEXT PRIMARY KEY, since TEXT NOT NULL)`,
    ]);
  }

  manualInstruments(): string[] {
    return (
      this.db.prepare('SELECT instrument FROM operator_manual_instruments').all() as { instrument: string }[]
    ).map((row) => row.instrument);
  }

  set(instrument: string, mode: ClearingMode): void {
    if (mode === 'manual') {
      this.db
        .prepare('INSERT OR IGNORE INTO operator_manual_instruments (instrument, since) VALUES (?, ?)')
        .run(instrument, new Date().toISOString());
    } else {
      this.db.prepare('DELETE FROM operator_manual_instruments WHERE instrument = ?').run(instrument);
    }
  }
}

/**
 * `GET /api/v1/market/operator` (its state) and `PUT /api/v1/market/operator/instruments/:instrument` (the
 * regulator sets an instrument's clearing to `manual` or back to `automatic`). Without an operator (any server
 * but the regulator's) both answer 404.
 */
export function registerOperatorRoutes(
  app: FastifyInstance,
  /** The operator, once the server has started it; undefined in any server but the regulator's. */
  operatorOf: () => MarketOperator | undefined,
  modes: ClearingModes,
): void {
  const absent = (): never => {
    throw new ApiError('NOT_FOUND', "the market operator runs in the regulator's server");
  };
  app.get(
    `${API_PREFIX}/market/operator`,
    {
      preHandler: requireUser,
      schema: {
        summary: "The market operator's state: clearing mode, rounds, fills and failures per instrument",
        tags: ['market'],
        response: ERROR_RESPONSES,
      },
    },
    () => {
      const operator = operatorOf();
      return operator === undefined ? absent() : operator.state();
    },
  );
  app.put(
    `${API_PREFIX}/market/operator/instruments/:instrument`,
    {
      preHandler: requireUser,
      schema: {
        summary:
          'Sets how an instrument is cleared: automatically on every order, or manually (market match)',
        tags: ['market'],
        body: z.toJSONSchema(ClearingChange),
        response: ERROR_RESPONSES,
      },
    },
    (request) => {
      const operator = operatorOf();
      if (operator === undefined) return absent();
      if (currentUser(request).role !== 'regulator') {
        throw new ApiError('FORBIDDEN', 'only the regulator sets how an instrument is cleared');
      }
      const { instrument } = request.params as { instrument: string };
      // A refusal here is the contract's one line, answered 400 by the app's error handler.
      parseInstrumentId(instrument, 'instrument');
      const parsed = ClearingChange.safeParse(request.body ?? {});
      if (!parsed.success) {
        throw new ApiError('INVALID_ARGUMENT', 'the body must be { "clearing": "automatic" | "manual" }');
      }
      modes.set(instrument, parsed.data.clearing);
      operator.setClearing(instrument, parsed.data.clearing);
      return operator.state().instruments[instrument];
    },
  );
}
