import { type ReconcileReport, reconcile } from '@carbon-ets/gateway-client';
import type { FastifyInstance } from 'fastify';
import path from 'node:path';
import { ApiError } from '../api-error';
import { ERROR_RESPONSES } from '../api/error-schema';
import { currentUser, requireUser } from '../auth';
import type { UserConnections } from '../gateway/user-connections';
import { API_PREFIX } from '../api-prefix';

/** Who may run the auditor's reconcile. */
const RECONCILERS: ReadonlySet<string> = new Set(['auditor', 'regulator']);

/** A reconcile's state: its progress while it runs, then its report. */
interface ReconcileState {
  running: boolean;
  by?: string;
  startedAt?: string;
  replayedBlocks: string;
  height: string;
  report?: ReconcileReport;
  error?: string;
}

/**
 * The auditor's reconcile over HTTP: `POST /api/v1/audit/reconcile` replays the chain's blocks with the caller's
 * identity, rebuilds every balance off-chain and compares it with the world state (as `carbon audit reconcile`),
 * answering the report; `GET` shows the progress of the run in flight and the last report. One run at a time; a
 * checkpoint in the server's data folder makes a later run replay only new blocks.
 */
export function registerReconcileRoutes(
  app: FastifyInstance,
  connections: UserConnections,
  dataDir: string,
): void {
  const state: ReconcileState = { running: false, replayedBlocks: '0', height: '0' };
  const allowed = (role: string | undefined): void => {
    if (!RECONCILERS.has(role ?? '')) {
      throw new ApiError('FORBIDDEN', 'only the auditor and the regulator run a reconcile');
    }
  };
  app.get(
    `${API_PREFIX}/audit/reconcile`,
    {
      preHandler: requireUser,
      schema: {
        summary: 'The progress of the reconcile in flight and the last report',
        tags: ['audit'],
        response: ERROR_RESPONSES,
      },
    },
    (request) => {
      allowed(currentUser(request).role);
      return state;
    },
  );
  app.post(
    `${API_PREFIX}/audit/reconcile`,
    {
      preHandler: requireUser,
      schema: {
        summary: 'Replays every block, rebuilds every balance off-chain and compares it with the world state',
        tags: ['audit'],
        response: ERROR_RESPONSES,
      },
    },
    async (request) => {
      const user = currentUser(request);
      allowed(user.role);
      if (state.running)
        throw new ApiError('CONFLICT', `a reconcile by ${state.by ?? '?'} is running; GET it for progress`);
      Object.assign(state, {
        running: true,
        by: user.name,
        startedAt: new Date().toISOString(),
        replayedBlocks: '0',
        height: '0',
      });
      delete state.error;
      try {
        state.report = await reconcile(connections.for(user.name), {
          checkpointFile: path.join(dataDir, 'reconcile-checkpoint.json'),
          onProgress: (replayed, height) => {
            state.replayedBlocks = replayed.toString();
            state.height = height.toString();
          },
        });
        return state.report;
      } catch (err) {
        state.error = err instanceof Error ? err.message : String(err);
        throw err;
      } finally {
        state.running = false;
      }
    },
  );
}
