import { ID_PATTERN } from '@carbon-ets/contract';
import { createHash } from 'node:crypto';
import { migrate, type ServerDatabase } from '../store/database';
import { ApiError } from '../api-error';

/** An answer kept for a replay of the same request. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly transactionId?: string;
}

/** What {@link IdempotencyStore.begin} found for a key. */
export type IdempotencyClaim =
  { readonly kind: 'new' } | { readonly kind: 'replay'; readonly answer: StoredAnswer };

/** An `Idempotency-Key` is also the chaincode's request id, so it must be an id the chaincode accepts. */
const KEY_PATTERN = ID_PATTERN;

/** How long an answer is kept for replays. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * The answers of writes sent with an `Idempotency-Key`, per user: a retried POST gets the first answer back
 * instead of a second transaction. The key also travels to the chaincode as the client request id, which the
 * chaincode refuses to apply twice — so even a retry the server cannot answer from here (it crashed between the
 * commit and storing the answer) is never applied twice.
 */
export class IdempotencyStore {
  constructor(private readonly db: ServerDatabase) {
    migrate(db, 'idempotency', [
      `CREATE TABLE idempotency_keys (
         user_name TEXT NOT NULL,
         key TEXT NOT NULL,
         request_hash TEXT NOT NULL,
         state TEXT NOT NULL CHECK (state IN ('pending', 'done')),
         status INTEGER,
         body TEXT,
         transaction_id TEXT,
         created_at INTEGER NOT NULL,
         PRIMARY KEY (user_name, key)
       )`,
    ]);
  }

  /** Checks a header value; INVALID_ARGUMENT when the chaincode could not take it as a request id. */
  static parseKey(value: string | string[] | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
      throw new ApiError(
        'INVALID_ARGUMENT',
        "Idempotency-Key must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit",
      );
    }
    return value;
  }

  /**
   * Claims `key` for this request, or finds the answer of its first use. The same key with a different request
   * is a CONFLICT, as is a key whose first request is still being submitted.
   */
  begin(user: string, key: string, route: string, requestText: string, now = Date.now()): IdempotencyClaim {
    const hash = createHash('sha256').update(`${route}\n${requestText}`).digest('hex');
    return this.db.transaction((): IdempotencyClaim => {
      this.db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(now - KEEP_MS);
      const row = this.db
        .prepare('SELECT * FROM idempotency_keys WHERE user_name = ? AND key = ?')
        .get(user, key) as IdempotencyRow | undefined;
      if (row === undefined) {
        this.db
          .prepare(
            "INSERT INTO idempotency_keys (user_name, key, request_hash, state, created_at) VALUES (?, ?, ?, 'pending', ?)",
          )
          .run(user, key, hash, now);
        return { kind: 'new' };
      }
      if (row.request_hash !== hash) {
        throw new ApiError('CONFLICT', `Idempotency-Key ${key} was already used for a different request`);
      }
      if (row.state === 'pending') {
        throw new ApiError('CONFLICT', `the request with Idempotency-Key ${key} is still being submitted`);
      }
      return {
        kind: 'replay',
        answer: {
          status: row.status ?? 200,
          body: JSON.parse(row.body ?? 'null') as unknown,
          ...(row.transaction_id === null ? {} : { transactionId: row.transaction_id }),
        },
      };
    })();
  }

  /** Keeps the final answer of a claimed key. */
  finish(user: string, key: string, answer: StoredAnswer): void {
    this.db
      .prepare(
        "UPDATE idempotency_keys SET state = 'done', status = ?, body = ?, transaction_id = ? WHERE user_name = ? AND key = ?",
      )
      .run(answer.status, JSON.stringify(answer.body), answer.transactionId ?? null, user, key);
  }

  /** Releases a claim whose outcome is unknown or transient, so a retry submits again (same request id). */
  release(user: string, key: string): void {
    this.db
      .prepare("DELETE FROM idempotency_keys WHERE user_name = ? AND key = ? AND state = 'pending'")
      .run(user, key);
  }
}

interface IdempotencyRow {
  readonly request_hash: string;
  readonly state: 'pending' | 'done';
  readonly status: number | null;
  readonly body: string | null;
  readonly transaction_id: string | null;
}
