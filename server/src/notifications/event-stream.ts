import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { currentUser, type RequestUser, requireUser } from '../auth';
import type { LoggedEvent } from '../read-model/ledger-block';
import type { ReadModel } from '../read-model/read-model';
import { approachingDeadlines } from './deadlines';
import { API_PREFIX } from '../api-prefix';

/** One of the user's own transactions that failed: told only to that user, and not resumable. */
export interface FailedTransactionNotice {
  readonly transaction: string;
  readonly code: string;
  readonly message: string;
  readonly transactionId?: string;
}

/** How often an open stream is told again of the deadlines approaching. */
const DEADLINE_REMINDER_MS = 6 * 3600 * 1000;
/** How often an idle stream sends a comment, so proxies and browsers keep it open. */
const KEEP_ALIVE_MS = 15_000;
/** Events sent per read of the log while a stream catches up. */
const PAGE = 200;

interface Subscriber {
  readonly user: RequestUser;
  afterSeq: number;
  /** Waiting for the client to drain its buffer: new events wait too. */
  draining: boolean;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

/**
 * Server-Sent Events per logged-in user (`GET /api/v1/events`): the read model's event log, cut to what the
 * user may see (their entity's accounts, orders and reports; everything for the regulator and the auditor), from
 * the `Last-Event-ID` the browser sends back on reconnect, so a dropped stream loses nothing. The user's own
 * failed transactions come as `transaction-failed` events without an id.
 */
export class NotificationHub {
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly model: ReadModel) {}

  /** How many streams are open. */
  get streams(): number {
    return this.subscribers.size;
  }

  /** A block was applied to the read model: every stream reads what is new for it. */
  blockApplied(logged: readonly LoggedEvent[]): void {
    if (logged.length === 0) return;
    for (const subscriber of this.subscribers) this.pull(subscriber);
  }

  /** Tells a user's open streams that one of their transactions failed. */
  transactionFailed(userName: string, notice: FailedTransactionNotice): void {
    for (const subscriber of this.subscribers) {
      if (subscriber.user.name === userName) {
        write(subscriber.reply, `event: transaction-failed\ndata: ${JSON.stringify(notice)}\n\n`);
      }
    }
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    for (const subscriber of this.subscribers) subscriber.reply.raw.end();
    this.subscribers.clear();
  }

  /** Registers `GET /api/v1/events`. */
  register(app: FastifyInstance): void {
    app.get(
      `${API_PREFIX}/events`,
      {
        preHandler: requireUser,
        schema: {
          summary: 'Notifications about your entity, accounts, orders and reports, as Server-Sent Events',
          description:
            'Each event has `id` = its place in the event log, `event` = the chaincode event name (e.g. OrdersMatched) and `data` = the logged event as JSON, with `kinds` such as order-filled, units-received, report-verified. Reconnect with `Last-Event-ID` (or `?after=<id>`) to resume without loss; without either the stream starts with the next event. Your own failed transactions arrive as `transaction-failed` events, and compliance deadlines within 45 days as `deadline-approaching` events (at connection and every 6 hours), both without an id.',
          tags: ['notifications'],
          querystring: { type: 'object', properties: { after: { type: 'string' } } },
          response: {
            200: {
              description: 'A stream of events',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
          },
        },
      },
      (request, reply) => {
        this.open(request, reply);
      },
    );
  }

  private open(request: FastifyRequest, reply: FastifyReply): void {
    const user = currentUser(request);
    const resumeFrom = request.headers['last-event-id'] ?? (request.query as { after?: string }).after;
    const afterSeq = /^[0-9]+$/.test(String(resumeFrom ?? '')) ? Number(resumeFrom) : this.latestSeq();
    reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    write(reply, `retry: 2000\n: stream of ${user.name} from event ${afterSeq}\n\n`);
    const subscriber: Subscriber = { user, afterSeq, draining: false, request, reply };
    this.subscribers.add(subscriber);
    const keepAlive = setInterval(() => {
      if (this.ended(subscriber)) return;
      write(reply, ': keep-alive\n\n');
    }, KEEP_ALIVE_MS);
    const reminders = setInterval(() => {
      this.tellDeadlines(subscriber);
    }, DEADLINE_REMINDER_MS);
    this.tellDeadlines(subscriber);
    request.raw.on('close', () => {
      clearInterval(keepAlive);
      clearInterval(reminders);
      this.subscribers.delete(subscriber);
    });
    this.pull(subscriber);
  }

  /**
   * Ends a stream whose login has ended (logged out, token revoked or expired, session expired): it must not
   * go on telling anyone the entity's events. The browser's reconnect then gets 401.
   */
  private ended(subscriber: Subscriber): boolean {
    if (subscriber.request.stillAuthenticated()) return false;
    write(subscriber.reply, 'event: session-ended\ndata: {}\n\n');
    subscriber.reply.raw.end();
    this.subscribers.delete(subscriber);
    return true;
  }

  /** Deadlines approaching for the user's role, as `deadline-approaching` events without an id. */
  private tellDeadlines(subscriber: Subscriber): void {
    const periods = this.model.openPeriods().value;
    for (const deadline of approachingDeadlines(periods, subscriber.user.role, Date.now())) {
      write(subscriber.reply, `event: deadline-approaching\ndata: ${JSON.stringify(deadline)}\n\n`);
    }
  }

  /** The newest event any viewer may have seen, so a new stream starts after it. */
  private latestSeq(): number {
    return this.model.lastSeq();
  }

  /**
   * Sends the subscriber every visible event after its position, a page at a time. Synchronous from start to
   * end, so two blocks applied in a row can never interleave their events on one stream.
   */
  private pull(subscriber: Subscriber): void {
    if (subscriber.draining || this.ended(subscriber)) return;
    for (;;) {
      const page = this.model.eventsFor({
        afterSeq: subscriber.afterSeq,
        viewer: viewerOf(subscriber.user),
        limit: PAGE,
      });
      for (const event of page.items) {
        const flowing = write(
          subscriber.reply,
          `id: ${event.seq}\nevent: ${event.name}\ndata: ${JSON.stringify(event)}\n\n`,
        );
        subscriber.afterSeq = event.seq;
        if (!flowing) {
          // The client reads slower than the log replays (a resume from far back): go on once it has drained,
          // instead of buffering the whole log in memory.
          subscriber.draining = true;
          subscriber.reply.raw.once('drain', () => {
            subscriber.draining = false;
            this.pull(subscriber);
          });
          return;
        }
      }
      if (page.nextCursor === undefined) return;
    }
  }
}

function viewerOf(user: RequestUser): { role: string; entityId?: string } {
  return { role: user.role ?? '', ...(user.entity === undefined ? {} : { entityId: user.entity }) };
}

/** Writes to the stream; false when its buffer is full (wait for 'drain'). */
function write(reply: FastifyReply, text: string): boolean {
  return reply.raw.writableEnded ? true : reply.raw.write(text);
}
