import { ID_PATTERN, OrderStatus } from '@carbon-ets/contract';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError } from '../api-error';
import { currentUser, type RequestUser, requireUser } from '../auth';
import { SUPERVISOR_ROLES } from '../read-model/event-log';
import { InvalidCursorError } from '../read-model/queries';
import type { ReadModel } from '../read-model/read-model';
import { ERROR_RESPONSES } from './error-schema';
import { API_PREFIX } from '../api-prefix';

const limit = z.coerce.number().int().min(1).max(500).default(50);
const id = z.string().regex(ID_PATTERN, 'must be an id');
const year = z.coerce.number().int().min(2000).max(2200);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'must be YYYY-MM-DD or YYYY-MM-DDTHH:MM');

const OrderQuery = z.strictObject({
  accountId: id.optional(),
  entityId: id.optional(),
  instrument: z.string().max(32).optional(),
  status: OrderStatus.optional(),
  limit,
  cursor: z.string().optional(),
});
const TradeQuery = z.strictObject({
  instrument: z.string().max(32).optional(),
  accountId: id.optional(),
  entityId: id.optional(),
  limit,
  cursor: z.string().optional(),
});
const ReportQuery = z.strictObject({
  entityId: id.optional(),
  period: year.optional(),
  installationId: id.optional(),
});
const SeriesQuery = z.strictObject({
  resolution: z.enum(['day', 'minute']).default('day'),
  from: day.optional(),
  to: day.optional(),
});
const EventLogQuery = z.strictObject({ after: z.coerce.number().int().min(0).default(0), limit });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue !== undefined && issue.path.length > 0 ? `${issue.path.join('.')} ` : '';
  const what =
    issue?.code === 'unrecognized_keys'
      ? `unknown parameter(s) ${issue.keys.join(', ')}`
      : (issue?.message ?? 'is invalid');
  throw new ApiError('INVALID_ARGUMENT', `${where}${what}`);
}

const isSupervisor = (user: RequestUser): boolean => SUPERVISOR_ROLES.has(user.role ?? '');

/**
 * The entity whose data a user may list: any (undefined) for the regulator and the auditor, their own for an
 * operator or trader; anyone else (a verifier, an admin without a ledger role) sees no entity's holdings.
 */
function entityScope(user: RequestUser, asked: string | undefined): string | undefined {
  if (isSupervisor(user)) return asked;
  if (user.entity === undefined || (asked !== undefined && asked !== user.entity)) {
    throw new ApiError('FORBIDDEN', `${user.name} may list only the data of their own entity`);
  }
  return user.entity;
}

/** Whether the user may read an object of this entity (national accounts have none: supervisors only). */
function mayRead(user: RequestUser, entityId: string | undefined): boolean {
  return isSupervisor(user) || (user.entity !== undefined && entityId === user.entity);
}

/** Reports: supervisors and verifiers see all, enterprises their own. */
function reportScope(user: RequestUser, asked: string | undefined): string | undefined {
  return user.role === 'verifier' ? asked : entityScope(user, asked);
}

function withCursor<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof InvalidCursorError) throw new ApiError('INVALID_ARGUMENT', err.message);
    throw err;
  }
}

function schema(summary: string, tag: string, querystring?: z.ZodType): Record<string, unknown> {
  return {
    summary,
    tags: [tag],
    description: 'From the read model: the answer says the block `height` it reflects.',
    ...(querystring === undefined ? {} : { querystring: z.toJSONSchema(querystring, { io: 'input' }) }),
    response: ERROR_RESPONSES,
  };
}

/**
 * The read model's lists, pages and series: orders, trades, holdings, funds, reports, compliance statuses,
 * price/volume series and the user's event log. Each answer carries the block height it reflects; an
 * enterprise's user sees only its own entity's data.
 */
export function registerReadModelRoutes(app: FastifyInstance, model: ReadModel): void {
  const get = (
    path: string,
    options: Record<string, unknown>,
    handler: (request: FastifyRequest) => unknown,
  ) => {
    app.get(`${API_PREFIX}${path}`, { preHandler: requireUser, schema: options }, (request) =>
      handler(request),
    );
  };

  get('/orders', schema('Orders, newest first', 'orders', OrderQuery), (request) => {
    const user = currentUser(request);
    const query = parse(OrderQuery, request.query);
    return withCursor(() => model.orders({ ...query, entityId: entityScope(user, query.entityId) }));
  });

  get('/orders/:orderId', schema('One order as the read model has it', 'orders'), (request) => {
    const user = currentUser(request);
    const { orderId } = parse(z.strictObject({ orderId: id }), request.params);
    const { value, height } = model.order(orderId);
    if (value === null || !mayRead(user, value.entityId)) {
      throw new ApiError('NOT_FOUND', `order ${orderId} is not one you can see (as of block ${height})`);
    }
    return { ...value, height };
  });

  get('/trades', schema('Settled trades, newest first', 'trades', TradeQuery), (request) => {
    const user = currentUser(request);
    const query = parse(TradeQuery, request.query);
    return withCursor(() => model.trades({ ...query, entityId: entityScope(user, query.entityId) }));
  });

  get('/holdings/:accountId', schema("An account's holdings", 'accounts'), (request) => {
    const user = currentUser(request);
    const { accountId } = parse(z.strictObject({ accountId: id }), request.params);
    const { value, height } = model.holdings(accountId);
    if (value === null || !mayRead(user, value.account.entityId)) {
      throw new ApiError('NOT_FOUND', `account ${accountId} is not one you can see (as of block ${height})`);
    }
    return { ...value, height };
  });

  get('/funds/:accountId', schema("An account's funds", 'funds'), (request) => {
    const user = currentUser(request);
    const { accountId } = parse(z.strictObject({ accountId: id }), request.params);
    const holdings = model.holdings(accountId).value;
    const { value, height } = model.funds(accountId);
    if (
      value === null ||
      holdings === null ||
      (!isSupervisor(user) && holdings.account.entityId !== user.entity)
    ) {
      throw new ApiError('NOT_FOUND', `account ${accountId} is not one you can see (as of block ${height})`);
    }
    return { ...value, height };
  });

  get('/reports', schema('Emission reports, current versions', 'reports', ReportQuery), (request) => {
    const user = currentUser(request);
    const query = parse(ReportQuery, request.query);
    const entityId = reportScope(user, query.entityId);
    const { value, height } = model.reports({ ...query, ...(entityId === undefined ? {} : { entityId }) });
    return { items: value, height };
  });

  get(
    '/compliance',
    schema('Compliance statuses per installation and period', 'compliance', ReportQuery),
    (request) => {
      const user = currentUser(request);
      const query = parse(ReportQuery, request.query);
      const entityId = reportScope(user, query.entityId);
      const { value, height } = model.complianceStatus({
        ...query,
        ...(entityId === undefined ? {} : { entityId }),
      });
      return { items: value, height };
    },
  );

  get(
    '/instruments/:instrument/series',
    schema('Price and volume per day or minute, oldest first', 'market', SeriesQuery),
    (request) => {
      const { instrument } = parse(z.strictObject({ instrument: z.string().max(32) }), request.params);
      const query = parse(SeriesQuery, request.query);
      const { value, height } = model.priceSeries(instrument, query.resolution, query.from, query.to);
      return { items: value, height };
    },
  );

  get(
    '/event-log',
    schema('The events you may see, oldest first, a page at a time', 'notifications', EventLogQuery),
    (request) => {
      const user = currentUser(request);
      const query = parse(EventLogQuery, request.query);
      return model.eventsFor({
        afterSeq: query.after,
        viewer: { role: user.role ?? '', ...(user.entity === undefined ? {} : { entityId: user.entity }) },
        limit: query.limit,
      });
    },
  );

  get('/read-model', schema('The block height the read model reflects', 'history'), () => ({
    height: model.height().toString(),
  }));
}
